<?php
// composer require guzzlehttp/guzzle

require 'vendor/autoload.php';

use GuzzleHttp\Client;

foreach (['HF_TOKEN'] as $name) {
    if (getenv($name) === false) {
        fwrite(STDERR, "$name is not set\n");
        exit(1);
    }
}

$client = new Client();
$response = $client->request('POST', 'https://xyz.endpoints.huggingface.cloud/gpt2-endpoint', [
    'headers' => [
        'Authorization' => 'Bearer ' . getenv('HF_TOKEN'),
        'Content-Type' => 'application/json',
    ],
    'json' => [
        'inputs' => 'The answer to the universe is',
        'parameters' => [
            'max_new_tokens' => 50,
            'temperature' => 0.7,
            'top_p' => 0.95,
            'return_full_text' => false,
        ],
    ],
]);

echo $response->getBody(), "\n";
