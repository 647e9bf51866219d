<?php
// composer require guzzlehttp/guzzle

require 'vendor/autoload.php';

use GuzzleHttp\Client;

$client = new Client();
$response = $client->request('POST', 'https://router.huggingface.co/v1/chat/completions', [
    'headers' => [
        'Authorization' => 'Bearer hf_***',
        'Content-Type' => 'application/json',
        'accept' => '*/*',
    ],
    'json' => [
        'model' => 'openai/gpt-oss-120b:groq',
        'messages' => [
            ['role' => 'user', 'content' => 'Say "hi" & wave'],
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
