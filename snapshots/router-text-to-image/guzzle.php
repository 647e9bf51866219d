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
$response = $client->request('POST', 'https://router.huggingface.co/hf-inference/models/black-forest-labs/FLUX.1-schnell', [
    'headers' => [
        'Authorization' => 'Bearer ' . getenv('HF_TOKEN'),
        'Content-Type' => 'application/json',
    ],
    'json' => [
        'inputs' => 'Astronaut riding a horse',
        'parameters' => ['num_inference_steps' => 4],
    ],
]);

file_put_contents('text-to-image.png', $response->getBody());
