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
$response = $client->request('POST', 'https://xyz.hf.space/gradio_api/upload', [
    'headers' => [
        'Authorization' => 'Bearer ' . getenv('HF_TOKEN'),
    ],
    'multipart' => [
        ['name' => 'meta', 'contents' => '{"task": "upload"}', 'headers' => ['Content-Type' => 'application/json']],
        ['name' => 'file', 'contents' => fopen('photo.png', 'r'), 'filename' => 'photo.png', 'headers' => ['Content-Type' => 'image/png']],
        ['name' => 'note', 'contents' => 'plain'],
    ],
]);

echo $response->getBody(), "\n";
