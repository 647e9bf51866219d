<?php
// composer require guzzlehttp/guzzle

require 'vendor/autoload.php';

use GuzzleHttp\Client;

foreach (['MY_HF_TOKEN'] as $name) {
    if (getenv($name) === false) {
        fwrite(STDERR, "$name is not set\n");
        exit(1);
    }
}

$client = new Client();
$response = $client->request('POST', 'https://xyz.endpoints.huggingface.cloud/distilbert-sentiment', [
    'headers' => [
        'Authorization' => 'Bearer ' . getenv('MY_HF_TOKEN'),
        'Content-Type' => 'application/json',
        'X-Use-Cache' => 'false',
        'X-Wait-For-Model' => 'true',
        'Accept' => 'application/json',
        'X-Trace' => 'a=1; b=2: c',
        'X-Empty' => '',
    ],
    'json' => [
        'inputs' => 'I like you',
    ],
]);

echo $response->getBody(), "\n";
