require "net/http"

uri = URI("https://xyz.endpoints.huggingface.cloud/settings")
request = Net::HTTP::Patch.new(uri)
request.basic_auth("admin", "s3cret!")
request["Content-Type"] = "application/x-www-form-urlencoded"
request["User-Agent"] = "docs-bot/1.0"
request["Cookie"] = "session=abc; theme=dark"
request.body = "replicas=2&scale_to_zero=true"

response = Net::HTTP.start(uri.hostname, uri.port, use_ssl: uri.scheme == "https") do |http|
  http.request(request)
end
response.value
puts response.body
