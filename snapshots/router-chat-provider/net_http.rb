require "json"
require "net/http"

uri = URI("https://router.huggingface.co/v1/chat/completions")
request = Net::HTTP::Post.new(uri)
request["Authorization"] = "Bearer #{ENV.fetch("HF_TOKEN")}"
request["Content-Type"] = "application/json"
payload = {
  "model" => "meta-llama/Llama-3.1-8B-Instruct:novita",
  "messages" => [
    {
      "role" => "user",
      "content" => "What is the capital of France?",
    },
  ],
  "max_tokens" => 512,
}
request.body = JSON.generate(payload)

response = Net::HTTP.start(uri.hostname, uri.port, use_ssl: uri.scheme == "https") do |http|
  http.request(request)
end
response.value
puts response.body
