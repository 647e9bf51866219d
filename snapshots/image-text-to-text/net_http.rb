require "json"
require "net/http"

uri = URI("https://xyz.endpoints.huggingface.cloud/qwen-vl/v1/chat/completions")
request = Net::HTTP::Post.new(uri)
request["Authorization"] = "Bearer #{ENV.fetch("HF_TOKEN")}"
request["Content-Type"] = "application/json"
payload = {
  "model" => "tgi",
  "messages" => [
    {
      "role" => "user",
      "content" => [
        {
          "type" => "text",
          "text" => "Describe this image in one sentence.",
        },
        {
          "type" => "image_url",
          "image_url" => {
            "url" => "https://cdn.britannica.com/61/93061-050-99147DCE/Statue-of-Liberty-Island-New-York-Bay.jpg",
          },
        },
      ],
    },
  ],
  "max_tokens" => 500,
}
request.body = JSON.generate(payload)

response = Net::HTTP.start(uri.hostname, uri.port, use_ssl: uri.scheme == "https") do |http|
  http.request(request)
end
response.value
puts response.body
