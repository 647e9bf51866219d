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
$response = $client->request('POST', 'https://xyz.endpoints.huggingface.cloud/llama/v1/chat/completions', [
    'headers' => [
        'Authorization' => 'Bearer ' . getenv('HF_TOKEN'),
        'Content-Type' => 'application/json',
    ],
    'json' => [
        'model' => 'tgi',
        'messages' => [
            [
                'role' => 'system',
                'content' => 'You are a helpful assistant.',
            ],
            ['role' => 'user', 'content' => 'What is deep learning?'],
        ],
        'max_tokens' => 500,
        'temperature' => 0.2,
    ],
]);

echo $response->getBody(), "\n";
