require "json"
require "net/http"

uri = URI("https://xyz.endpoints.huggingface.cloud/distilbert-sentiment")
request = Net::HTTP::Post.new(uri)
request["Authorization"] = "Bearer #{ENV.fetch("MY_HF_TOKEN")}"
request["Content-Type"] = "application/json"
request["X-Use-Cache"] = "false"
request["X-Wait-For-Model"] = "true"
request["Accept"] = "application/json"
request["X-Trace"] = "a=1; b=2: c"
request["X-Empty"] = ""
payload = {
  "inputs" => "I like you",
}
request.body = JSON.generate(payload)

response = Net::HTTP.start(uri.hostname, uri.port, use_ssl: uri.scheme == "https") do |http|
  http.request(request)
end
response.value
puts response.body
