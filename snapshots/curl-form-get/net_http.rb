require "net/http"

uri = URI("https://huggingface.co/api/models?search=bert+base&limit=5")
request = Net::HTTP::Get.new(uri)

response = Net::HTTP.start(uri.hostname, uri.port, use_ssl: uri.scheme == "https") do |http|
  http.request(request)
end
response.value
puts response.body
