require "json"
require "net/http"

uri = URI("https://xyz.endpoints.huggingface.cloud/wine-quality")
request = Net::HTTP::Post.new(uri)
request["Authorization"] = "Bearer #{ENV.fetch("HF_TOKEN")}"
request["Content-Type"] = "application/json"
payload = {
  "inputs" => {
    "data" => {
      "fixed_acidity" => ["7.4", "7.8"],
      "volatile_acidity" => ["0.7", "0.88"],
      "alcohol" => ["9.4", "9.8"],
    },
  },
}
request.body = JSON.generate(payload)

response = Net::HTTP.start(uri.hostname, uri.port, use_ssl: uri.scheme == "https") do |http|
  http.request(request)
end
response.value
puts response.body
