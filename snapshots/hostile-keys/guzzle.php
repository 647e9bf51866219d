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

$payload = <<<'JSON'
{
    "__proto__": {"polluted": true},
    "it's": "a'b",
    "\"dq\"": null,
    "big": 12345678901234567890,
    "small": -9007199254740993,
    "float": 1.5e-10,
    "nested": {
        "list": [
            1,
            [
                2,
                [
                    3,
                    {}
                ]
            ],
            [],
            "x"
        ]
    },
    "emoji 🤗": "中文"
}
JSON;

$client = new Client();
$response = $client->request('POST', 'https://xyz.endpoints.huggingface.cloud/custom', [
    'headers' => [
        'Authorization' => 'Bearer ' . getenv('HF_TOKEN'),
        'Content-Type' => 'application/json',
    ],
    'body' => $payload,
]);

echo $response->getBody(), "\n";
