require "net/http"

uri = URI("https://xyz.endpoints.huggingface.cloud/wav2vec-asr")
request = Net::HTTP::Post.new(uri)
request["Authorization"] = "Bearer hf_***"
request["Content-Type"] = "audio/x-flac"
request.body = File.binread("sample1.flac")

response = Net::HTTP.start(uri.hostname, uri.port, use_ssl: uri.scheme == "https") do |http|
  http.request(request)
end
response.value
puts response.body
