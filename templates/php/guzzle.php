<?php
require 'vendor/autoload.php';

use GuzzleHttp\Client;
{%- if let Some(check) = check %}

{{ check }}
{%- endif %}
{%- if let Some(payload) = payload %}

$payload = {{ payload }};
{%- endif %}

$client = new Client();
{%- if options.is_empty() %}
$response = $client->request({{ method }}, {{ url }});
{%- else %}
$response = $client->request({{ method }}, {{ url }}, [
{%- for option in options %}
    {{ option }},
{%- endfor %}
]);
{%- endif %}
{%- match response %}
{%- when Response::ChatStream | Response::TokenStream | Response::EventStream %}

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
{%- if response == Response::ChatStream %}
        foreach (json_decode($data, true)['choices'] ?? [] as $choice) {
            echo $choice['delta']['content'] ?? '';
        }
{%- else if response == Response::TokenStream %}
        echo json_decode($data, true)['token']['text'];
{%- else %}
        echo $data, "\n";
{%- endif %}
    }
}
{%- if response != Response::EventStream %}
echo "\n";
{%- endif %}
{%- when Response::Bytes %}
{%- if let Some(output_file) = output_file %}

file_put_contents({{ output_file }}, $response->getBody());
{%- endif %}
{%- when Response::Json | Response::Text %}

echo $response->getBody(), "\n";
{%- endmatch %}
{%- for helper in helpers %}

{{ helper }}
{%- endfor %}
