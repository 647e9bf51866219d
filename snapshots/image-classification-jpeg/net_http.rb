require "net/http"

uri = URI("https://xyz.endpoints.huggingface.cloud/vit-base")
request = Net::HTTP::Post.new(uri)
request["Authorization"] = "Bearer #{ENV.fetch("HF_TOKEN")}"
request["Content-Type"] = "image/jpeg"
request.body = File.binread("cats.jpg")

response = Net::HTTP.start(uri.hostname, uri.port, use_ssl: uri.scheme == "https") do |http|
  http.request(request)
end
response.value
puts response.body
