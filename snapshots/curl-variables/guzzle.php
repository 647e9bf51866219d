<?php
// composer require guzzlehttp/guzzle

require 'vendor/autoload.php';

use GuzzleHttp\Client;

foreach (['HF_TOKEN', 'ENDPOINT_URL', 'API_KEY', 'PROMPT', 'MAX_TOKENS'] as $name) {
    if (getenv($name) === false) {
        fwrite(STDERR, "$name is not set\n");
        exit(1);
    }
}

$client = new Client();
$response = $client->request('POST', getenv('ENDPOINT_URL') . '/v1/chat/completions', [
    'headers' => [
        'Authorization' => 'Bearer ' . getenv('HF_TOKEN'),
        'Content-Type' => 'application/json',
        'x-api-key' => getenv('API_KEY'),
    ],
    'json' => [
        'model' => envOr('MODEL', 'tgi'),
        'messages' => [
            ['role' => 'user', 'content' => getenv('PROMPT')],
        ],
        'max_tokens' => json_decode(getenv('MAX_TOKENS')),
    ],
]);

echo $response->getBody(), "\n";

/** The environment variable $name, or $default when it is unset or empty. */
function envOr(string $name, string $default): string
{
    $value = getenv($name);
    return $value === false || $value === '' ? $default : $value;
}
