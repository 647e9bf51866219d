<?php
// composer require guzzlehttp/guzzle

require 'vendor/autoload.php';

use GuzzleHttp\Client;

$client = new Client();
$response = $client->request('POST', 'https://xyz.endpoints.huggingface.cloud/distilbert-sentiment', [
    'headers' => [
        'Authorization' => 'Bearer hf_***',
        'Content-Type' => 'application/json',
    ],
    'json' => [
        'inputs' => 'I like you. I love you',
    ],
]);

echo $response->getBody(), "\n";
