require "net/http"

uri = URI("https://xyz.endpoints.huggingface.cloud/health?verbose=true&name=a%2Fb")
request = Net::HTTP::Get.new(uri)

response = Net::HTTP.start(uri.hostname, uri.port, use_ssl: uri.scheme == "https") do |http|
  http.request(request)
end
response.value
puts response.body
