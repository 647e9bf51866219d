<?php
// composer require guzzlehttp/guzzle

require 'vendor/autoload.php';

use GuzzleHttp\Client;

foreach (['HF_TOKEN', 'MODEL'] as $name) {
    if (getenv($name) === false) {
        fwrite(STDERR, "$name is not set\n");
        exit(1);
    }
}

$client = new Client();
$response = $client->request('POST', 'https://router.huggingface.co/v1/chat/completions', [
    'headers' => [
        'Authorization' => 'Bearer ' . getenv('HF_TOKEN'),
        'Content-Type' => 'application/json',
        'X-HF-Bill-To' => envOr('HF_ORG', 'my-org'),
    ],
    'json' => [
        'model' => getenv('MODEL'),
        'messages' => [
            [
                'role' => 'user',
                'content' => 'What is the capital of France?',
            ],
        ],
        'max_tokens' => 512,
    ],
]);

echo $response->getBody(), "\n";

/** The environment variable $name, or $default when it is unset or empty. */
function envOr(string $name, string $default): string
{
    $value = getenv($name);
    return $value === false || $value === '' ? $default : $value;
}
