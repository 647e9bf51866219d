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
$response = $client->request('POST', 'https://xyz.endpoints.huggingface.cloud/bart-mnli', [
    'headers' => [
        'Authorization' => 'Bearer ' . getenv('HF_TOKEN'),
        'Content-Type' => 'application/json',
    ],
    'json' => [
        'inputs' => 'Hi, I recently bought a device from your company but it is not working as advertised and I would like to get reimbursed!',
        'parameters' => [
            'candidate_labels' => ['refund', 'legal', 'faq'],
        ],
    ],
]);

echo $response->getBody(), "\n";
