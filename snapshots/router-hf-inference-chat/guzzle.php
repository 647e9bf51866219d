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
$response = $client->request('POST', 'https://router.huggingface.co/hf-inference/models/HuggingFaceTB/SmolLM3-3B/v1/chat/completions', [
    'headers' => [
        'Authorization' => 'Bearer ' . getenv('HF_TOKEN'),
        'Content-Type' => 'application/json',
    ],
    'json' => [
        'model' => 'HuggingFaceTB/SmolLM3-3B',
        'messages' => [
            ['role' => 'user', 'content' => 'Tell me a story'],
        ],
        'stream' => true,
    ],
    'stream' => true,
]);

// Server-sent events: each `data:` line is printed as it arrives.
$body = $response->getBody();
$buffered = '';
while (!$body->eof()) {
    $buffered .= $body->read(1024);
    while (($end = strpos($buffered, "\n")) !== false) {
        $line = substr($buffered, 0, $end);
        $buffered = substr($buffered, $end + 1);
        if (!str_starts_with($line, 'data:')) {
            continue;
        }
        $data = trim(substr($line, strlen('data:')));
        if ($data === '[DONE]') {
            continue;
        }
        foreach (json_decode($data, true)['choices'] ?? [] as $choice) {
            echo $choice['delta']['content'] ?? '';
        }
    }
}
echo "\n";
