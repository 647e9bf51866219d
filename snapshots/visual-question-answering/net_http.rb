require "json"
require "net/http"

uri = URI("https://xyz.endpoints.huggingface.cloud/vilt-vqa")
request = Net::HTTP::Post.new(uri)
request["Authorization"] = "Bearer #{ENV.fetch("HF_TOKEN")}"
request["Content-Type"] = "application/json"
payload = {
  "inputs" => {
    "question" => "How many cats are lying down?",
    "image" => [File.binread("cat.png")].pack("m0"),
  },
}
request.body = JSON.generate(payload)

response = Net::HTTP.start(uri.hostname, uri.port, use_ssl: uri.scheme == "https") do |http|
  http.request(request)
end
response.value
puts response.body
