require "net/http"

uri = URI("https://xyz.endpoints.huggingface.cloud/sepformer")
request = Net::HTTP::Post.new(uri)
request["Authorization"] = "Bearer #{ENV.fetch("HF_TOKEN")}"
request["Content-Type"] = "audio/flac"
request.body = File.binread("mixture.flac")

response = Net::HTTP.start(uri.hostname, uri.port, use_ssl: uri.scheme == "https") do |http|
  http.request(request)
end
response.value
puts response.body
