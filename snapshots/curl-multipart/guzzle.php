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
$response = $client->request('POST', 'https://microsoft-trellis-2.hf.space/gradio_api/upload', [
    'headers' => [
        'Authorization' => 'Bearer ' . getenv('HF_TOKEN'),
    ],
    'multipart' => [
        ['name' => 'files', 'contents' => fopen('chair.png', 'r'), 'filename' => 'chair.png', 'headers' => ['Content-Type' => 'image/png']],
        ['name' => 'audio', 'contents' => fopen('takes; two.flac', 'r'), 'filename' => 'take2.flac', 'headers' => ['Content-Type' => 'audio/x-flac']],
        ['name' => 'note', 'contents' => '@not a file; it\'s text'],
    ],
]);

echo $response->getBody(), "\n";
