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
$response = $client->request('PUT', 'https://xyz.endpoints.huggingface.cloud/echo', [
    'headers' => [
        'Authorization' => 'Bearer ' . getenv('HF_TOKEN'),
        'Content-Type' => 'text/plain; charset=utf-8',
    ],
    'body' => "line 1 'quoted'\nline 2 \"double\" \$HOME\n@not-a-file",
]);

echo $response->getBody(), "\n";
