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
$response = $client->request('POST', 'https://xyz.endpoints.huggingface.cloud/distilbert-sentiment?lang=en&q=a%20b', [
    'headers' => [
        'Authorization' => 'Bearer ' . getenv('HF_TOKEN'),
        'Content-Type' => 'application/json',
    ],
    'json' => [
        'inputs' => "It's \"quoted\" \\ back\\slash \$(touch /tmp/pwned) `id` \${HOME} !event\nnew line\r\ttab \u{0} nul \u{7f} 🤗 中文 \u{202e}evil\u{2028} </script> {braces} %s",
    ],
]);

echo $response->getBody(), "\n";
