require "net/http"

uri = URI("https://xyz.endpoints.huggingface.cloud/raw")
request = Net::HTTP::Post.new(uri)
request["Authorization"] = "Bearer #{ENV.fetch("HF_TOKEN")}"
request.body = "just bytes"
# The body has no type: Net::HTTP would send it as application/x-www-form-urlencoded.
def request.supply_default_content_type; end

response = Net::HTTP.start(uri.hostname, uri.port, use_ssl: uri.scheme == "https") do |http|
  http.request(request)
end
response.value
puts response.body
