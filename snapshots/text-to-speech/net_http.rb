require "json"
require "net/http"

uri = URI("https://xyz.endpoints.huggingface.cloud/kokoro")
request = Net::HTTP::Post.new(uri)
request["Authorization"] = "Bearer #{ENV.fetch("HF_TOKEN")}"
request["Content-Type"] = "application/json"
payload = {
  "inputs" => "The answer to the universe is 42",
  "parameters" => {"do_sample" => true, "speaker" => "af_heart"},
}
request.body = JSON.generate(payload)

response = Net::HTTP.start(uri.hostname, uri.port, use_ssl: uri.scheme == "https") do |http|
  http.request(request)
end
response.value
File.binwrite("text-to-speech.flac", response.body)
