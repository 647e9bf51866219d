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
$response = $client->request('POST', 'https://xyz.endpoints.huggingface.cloud/wine-quality', [
    'headers' => [
        'Authorization' => 'Bearer ' . getenv('HF_TOKEN'),
        'Content-Type' => 'application/json',
    ],
    'json' => [
        'inputs' => [
            'data' => [
                'fixed_acidity' => ['7.4', '7.8'],
                'volatile_acidity' => ['0.7', '0.88'],
                'alcohol' => ['9.4', '9.8'],
            ],
        ],
    ],
]);

echo $response->getBody(), "\n";
