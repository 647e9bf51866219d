require "json"
require "net/http"

uri = URI("https://xyz.endpoints.huggingface.cloud/instruct-pix2pix")
request = Net::HTTP::Post.new(uri)
request["Authorization"] = "Bearer #{ENV.fetch("HF_TOKEN")}"
request["Content-Type"] = "application/json"
payload = {
  "inputs" => "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==",
  "parameters" => {
    "prompt" => "Turn the cat into a tiger",
    "num_inference_steps" => 20,
  },
}
request.body = JSON.generate(payload)

response = Net::HTTP.start(uri.hostname, uri.port, use_ssl: uri.scheme == "https") do |http|
  http.request(request)
end
response.value
File.binwrite("image-to-image.png", response.body)
