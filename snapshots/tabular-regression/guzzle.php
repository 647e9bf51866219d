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
$response = $client->request('POST', 'https://xyz.endpoints.huggingface.cloud/fish-weight', [
    'headers' => [
        'Authorization' => 'Bearer ' . getenv('HF_TOKEN'),
        'Content-Type' => 'application/json',
    ],
    'json' => [
        'inputs' => [
            'data' => [
                'Height' => ['11.52', '12.48'],
                'Length1' => ['23.2', '24'],
                'Width' => ['4.02', '4.3056'],
            ],
        ],
    ],
]);

echo $response->getBody(), "\n";
