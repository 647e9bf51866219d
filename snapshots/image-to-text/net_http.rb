require "net/http"

uri = URI("https://xyz.endpoints.huggingface.cloud/blip-captioning")
request = Net::HTTP::Post.new(uri)
request["Authorization"] = "Bearer #{ENV.fetch("HF_TOKEN")}"
request["Content-Type"] = "image/jpeg"
request.body = File.binread("cat.jpg")

response = Net::HTTP.start(uri.hostname, uri.port, use_ssl: uri.scheme == "https") do |http|
  http.request(request)
end
response.value
puts response.body
