require "json"
require "net/http"

uri = URI("https://xyz.endpoints.huggingface.cloud/distilbert-sentiment")
request = Net::HTTP::Post.new(uri)
request["Authorization"] = "Bearer #{ENV.fetch("HF_TOKEN")}"
request["Content-Type"] = "application/json"
request["X-HF-Bill-To"] = "my-org"
payload = {
  "inputs" => "Billed to my organisation",
}
request.body = JSON.generate(payload)

response = Net::HTTP.start(uri.hostname, uri.port, use_ssl: uri.scheme == "https") do |http|
  http.request(request)
end
response.value
puts response.body
