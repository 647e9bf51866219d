require "net/http"

uri = URI("https://xyz.endpoints.huggingface.cloud/wan-i2v")
request = Net::HTTP::Post.new(uri)
request["Authorization"] = "Bearer #{ENV.fetch("HF_TOKEN")}"
request["Content-Type"] = "image/png"
request.body = File.binread("cat.png")

response = Net::HTTP.start(uri.hostname, uri.port, use_ssl: uri.scheme == "https") do |http|
  http.request(request)
end
response.value
File.binwrite("image-to-video.mp4", response.body)
