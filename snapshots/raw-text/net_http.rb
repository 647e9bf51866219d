require "net/http"

uri = URI("https://xyz.endpoints.huggingface.cloud/echo")
request = Net::HTTP::Put.new(uri)
request["Authorization"] = "Bearer #{ENV.fetch("HF_TOKEN")}"
request["Content-Type"] = "text/plain; charset=utf-8"
request.body = "line 1 'quoted'\nline 2 \"double\" $HOME\n@not-a-file"

response = Net::HTTP.start(uri.hostname, uri.port, use_ssl: uri.scheme == "https") do |http|
  http.request(request)
end
response.value
puts response.body
