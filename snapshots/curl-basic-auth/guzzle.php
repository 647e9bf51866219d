<?php
// composer require guzzlehttp/guzzle

require 'vendor/autoload.php';

use GuzzleHttp\Client;

$client = new Client();
$response = $client->request('PATCH', 'https://xyz.endpoints.huggingface.cloud/settings', [
    'headers' => [
        'Content-Type' => 'application/x-www-form-urlencoded',
        'User-Agent' => 'docs-bot/1.0',
        'Cookie' => 'session=abc; theme=dark',
    ],
    'auth' => ['admin', 's3cret!'],
    'body' => 'replicas=2&scale_to_zero=true',
]);

echo $response->getBody(), "\n";
