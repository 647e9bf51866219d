<?php
// composer require guzzlehttp/guzzle

require 'vendor/autoload.php';

use GuzzleHttp\Client;

$client = new Client();
$response = $client->request('GET', 'https://xyz.endpoints.huggingface.cloud/health?verbose=true&name=a%2Fb');

echo $response->getBody(), "\n";
