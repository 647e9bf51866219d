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
$response = $client->request('POST', 'https://xyz.endpoints.huggingface.cloud/kokoro', [
    'headers' => [
        'Authorization' => 'Bearer ' . getenv('HF_TOKEN'),
        'Content-Type' => 'application/json',
    ],
    'json' => [
        'inputs' => 'The answer to the universe is 42',
        'parameters' => ['do_sample' => true, 'speaker' => 'af_heart'],
    ],
]);

file_put_contents('text-to-speech.flac', $response->getBody());
