require "json"
require "net/http"

uri = URI("https://xyz.endpoints.huggingface.cloud/fish-weight")
request = Net::HTTP::Post.new(uri)
request["Authorization"] = "Bearer #{ENV.fetch("HF_TOKEN")}"
request["Content-Type"] = "application/json"
payload = {
  "inputs" => {
    "data" => {
      "Height" => ["11.52", "12.48"],
      "Length1" => ["23.2", "24"],
      "Width" => ["4.02", "4.3056"],
    },
  },
}
request.body = JSON.generate(payload)

response = Net::HTTP.start(uri.hostname, uri.port, use_ssl: uri.scheme == "https") do |http|
  http.request(request)
end
response.value
puts response.body
