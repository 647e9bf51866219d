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
$response = $client->request('POST', 'https://xyz.endpoints.huggingface.cloud/distilbert-sentiment', [
    'headers' => [
        'Authorization' => 'Bearer ' . getenv('HF_TOKEN'),
        'Content-Type' => 'application/json',
        'X-HF-Bill-To' => 'my-org',
    ],
    'json' => [
        'inputs' => 'Billed to my organisation',
    ],
]);

echo $response->getBody(), "\n";
