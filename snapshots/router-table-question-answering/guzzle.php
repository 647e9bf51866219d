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
$response = $client->request('POST', 'https://router.huggingface.co/hf-inference/models/google/tapas-base-finetuned-wtq', [
    'headers' => [
        'Authorization' => 'Bearer ' . getenv('HF_TOKEN'),
        'Content-Type' => 'application/json',
    ],
    'json' => [
        'inputs' => [
            'query' => 'How many stars does the transformers repository have?',
            'table' => [
                'Repository' => ['Transformers', 'Datasets', 'Tokenizers'],
                'Stars' => ['36542', '4512', '3934'],
            ],
        ],
        'parameters' => ['truncation' => true],
    ],
]);

echo $response->getBody(), "\n";
