<?php
// composer require guzzlehttp/guzzle

require 'vendor/autoload.php';

use GuzzleHttp\Client;

$client = new Client();
$response = $client->request('POST', 'https://xyz.endpoints.huggingface.cloud/wav2vec-asr', [
    'headers' => [
        'Authorization' => 'Bearer hf_***',
        'Content-Type' => 'audio/x-flac',
    ],
    'body' => file_get_contents('sample1.flac'),
]);

echo $response->getBody(), "\n";
