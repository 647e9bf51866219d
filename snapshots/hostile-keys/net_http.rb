require "json"
require "net/http"

uri = URI("https://xyz.endpoints.huggingface.cloud/custom")
request = Net::HTTP::Post.new(uri)
request["Authorization"] = "Bearer #{ENV.fetch("HF_TOKEN")}"
request["Content-Type"] = "application/json"
payload = {
  "__proto__" => {"polluted" => true},
  "it's" => "a'b",
  "\"dq\"" => nil,
  "big" => 12345678901234567890,
  "small" => -9007199254740993,
  "float" => 1.5e-10,
  "nested" => {
    "list" => [
      1,
      [
        2,
        [
          3,
          {},
        ],
      ],
      [],
      "x",
    ],
  },
  "emoji 🤗" => "中文",
}
request.body = JSON.generate(payload)

response = Net::HTTP.start(uri.hostname, uri.port, use_ssl: uri.scheme == "https") do |http|
  http.request(request)
end
response.value
puts response.body
