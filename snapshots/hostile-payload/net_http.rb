require "json"
require "net/http"

uri = URI("https://xyz.endpoints.huggingface.cloud/distilbert-sentiment?lang=en&q=a%20b")
request = Net::HTTP::Post.new(uri)
request["Authorization"] = "Bearer #{ENV.fetch("HF_TOKEN")}"
request["Content-Type"] = "application/json"
payload = {
  "inputs" => "It's \"quoted\" \\ back\\slash $(touch /tmp/pwned) `id` ${HOME} !event\nnew line\r\ttab \u{0} nul \u{7f} 🤗 中文 \u{202e}evil\u{2028} </script> {braces} %s",
}
request.body = JSON.generate(payload)

response = Net::HTTP.start(uri.hostname, uri.port, use_ssl: uri.scheme == "https") do |http|
  http.request(request)
end
response.value
puts response.body
