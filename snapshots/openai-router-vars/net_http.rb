require "json"
require "net/http"

# The environment variable `name`, or `default` when it is unset or empty.
def env_or(name, default)
  value = ENV.fetch(name, "")
  value.empty? ? default : value
end

uri = URI("https://router.huggingface.co/v1/chat/completions")
request = Net::HTTP::Post.new(uri)
request["Authorization"] = "Bearer #{ENV.fetch("HF_TOKEN")}"
request["Content-Type"] = "application/json"
request["X-HF-Bill-To"] = env_or("HF_ORG", "my-org")
payload = {
  "model" => ENV.fetch("MODEL"),
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
