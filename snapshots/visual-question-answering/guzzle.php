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
$response = $client->request('POST', 'https://xyz.endpoints.huggingface.cloud/vilt-vqa', [
    'headers' => [
        'Authorization' => 'Bearer ' . getenv('HF_TOKEN'),
        'Content-Type' => 'application/json',
    ],
    'json' => [
        'inputs' => [
            'image' => 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
            'question' => 'How many cats are lying down?',
        ],
    ],
]);

echo $response->getBody(), "\n";
