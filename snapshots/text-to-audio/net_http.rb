require "json"
require "net/http"

uri = URI("https://xyz.endpoints.huggingface.cloud/musicgen")
request = Net::HTTP::Post.new(uri)
request["Authorization"] = "Bearer #{ENV.fetch("HF_TOKEN")}"
request["Content-Type"] = "application/json"
payload = {
  "inputs" => "liquid drum and bass, atmospheric synths, airy sounds",
}
request.body = JSON.generate(payload)

response = Net::HTTP.start(uri.hostname, uri.port, use_ssl: uri.scheme == "https") do |http|
  http.request(request)
end
response.value
File.binwrite("text-to-audio.flac", response.body)
