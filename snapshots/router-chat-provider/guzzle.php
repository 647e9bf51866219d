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
$response = $client->request('POST', 'https://router.huggingface.co/v1/chat/completions', [
    'headers' => [
        'Authorization' => 'Bearer ' . getenv('HF_TOKEN'),
        'Content-Type' => 'application/json',
    ],
    'json' => [
        'model' => 'meta-llama/Llama-3.1-8B-Instruct:novita',
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
