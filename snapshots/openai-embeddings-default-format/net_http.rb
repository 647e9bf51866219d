require "json"
require "net/http"

uri = URI("https://xyz.endpoints.huggingface.cloud/v1/embeddings")
request = Net::HTTP::Post.new(uri)
request["Authorization"] = "Bearer #{ENV.fetch("HF_TOKEN")}"
request["Content-Type"] = "application/json"
payload = {
  "model" => "BAAI/bge-small-en-v1.5",
  "input" => "Today is a sunny day.",
}
request.body = JSON.generate(payload)

response = Net::HTTP.start(uri.hostname, uri.port, use_ssl: uri.scheme == "https") do |http|
  http.request(request)
end
response.value
puts response.body
