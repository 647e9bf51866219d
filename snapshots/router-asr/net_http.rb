require "net/http"

uri = URI("https://router.huggingface.co/hf-inference/models/openai/whisper-large-v3")
request = Net::HTTP::Post.new(uri)
request["Authorization"] = "Bearer #{ENV.fetch("HF_TOKEN")}"
request["Content-Type"] = "audio/flac"
request.body = File.binread("sample1.flac")

response = Net::HTTP.start(uri.hostname, uri.port, use_ssl: uri.scheme == "https") do |http|
  http.request(request)
end
response.value
puts response.body
