require "json"
require "net/http"

uri = URI("https://xyz.endpoints.huggingface.cloud/gpt2-endpoint")
request = Net::HTTP::Post.new(uri)
request["Authorization"] = "Bearer #{ENV.fetch("HF_TOKEN")}"
request["Content-Type"] = "application/json"
payload = {
  "inputs" => "The answer to the universe is",
  "parameters" => {
    "max_new_tokens" => 50,
    "temperature" => 0.7,
    "top_p" => 0.95,
    "return_full_text" => false,
  },
}
request.body = JSON.generate(payload)

response = Net::HTTP.start(uri.hostname, uri.port, use_ssl: uri.scheme == "https") do |http|
  http.request(request)
end
response.value
puts response.body
