require "json"
require "net/http"

uri = URI("https://xyz.endpoints.huggingface.cloud/llama/v1/chat/completions")
request = Net::HTTP::Post.new(uri)
request["Authorization"] = "Bearer #{ENV.fetch("HF_TOKEN")}"
request["Content-Type"] = "application/json"
payload = {
  "model" => "tgi",
  "messages" => [
    {
      "role" => "system",
      "content" => "You are a helpful assistant.",
    },
    {"role" => "user", "content" => "What is deep learning?"},
  ],
  "max_tokens" => 500,
  "temperature" => 0.2,
}
request.body = JSON.generate(payload)

response = Net::HTTP.start(uri.hostname, uri.port, use_ssl: uri.scheme == "https") do |http|
  http.request(request)
end
response.value
puts response.body
