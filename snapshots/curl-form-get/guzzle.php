<?php
// composer require guzzlehttp/guzzle

require 'vendor/autoload.php';

use GuzzleHttp\Client;

$client = new Client();
$response = $client->request('GET', 'https://huggingface.co/api/models?search=bert+base&limit=5');

echo $response->getBody(), "\n";
