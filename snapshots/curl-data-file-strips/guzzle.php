<?php
// composer require guzzlehttp/guzzle

require 'vendor/autoload.php';

use GuzzleHttp\Client;

$client = new Client();
$response = $client->request('POST', 'https://x.cloud/form', [
    'headers' => [
        'Content-Type' => 'application/x-www-form-urlencoded',
    ],
    'body' => str_replace(["\r", "\n"], '', file_get_contents('form.txt')),
]);

echo $response->getBody(), "\n";
