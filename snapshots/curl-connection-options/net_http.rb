require "json"
require "net/http"

uri = URI("https://xyz.endpoints.huggingface.cloud/distilbert-sentiment")
request = Net::HTTP::Post.new(uri)
request["Authorization"] = "Bearer #{ENV.fetch("HF_TOKEN")}"
request["Content-Type"] = "application/json"
payload = {
  "inputs" => "I like you",
}
request.body = JSON.generate(payload)

response = Timeout.timeout(30) do
  Net::HTTP.start(uri.hostname, uri.port, use_ssl: uri.scheme == "https", verify_mode: OpenSSL::SSL::VERIFY_NONE, open_timeout: 5) do |http|
    http.request(request)
  end
end
response.value
puts response.body
