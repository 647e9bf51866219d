require "net/http"
require "securerandom"

uri = URI("https://xyz.hf.space/gradio_api/upload")
request = Net::HTTP::Post.new(uri)
request["Authorization"] = "Bearer #{ENV.fetch("HF_TOKEN")}"
# Each part as curl writes it: its disposition, its type, its bytes.
parts = [
  ["form-data; name=\"meta\"", "application/json", "{\"task\": \"upload\"}"],
  ["form-data; name=\"file\"; filename=\"photo.png\"", "image/png", File.binread("photo.png")],
  ["form-data; name=\"note\"", nil, "plain"],
]
boundary = SecureRandom.hex(24)
body = String.new
parts.each do |disposition, type, content|
  body << "--#{boundary}\r\nContent-Disposition: #{disposition}\r\n".b
  body << "Content-Type: #{type}\r\n".b if type
  body << "\r\n".b << content.b << "\r\n".b
end
body << "--#{boundary}--\r\n".b
request["Content-Type"] = "multipart/form-data; boundary=#{boundary}"
request.body = body

response = Net::HTTP.start(uri.hostname, uri.port, use_ssl: uri.scheme == "https") do |http|
  http.request(request)
end
response.value
puts response.body
