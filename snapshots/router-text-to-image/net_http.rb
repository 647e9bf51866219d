require "json"
require "net/http"

uri = URI("https://router.huggingface.co/hf-inference/models/black-forest-labs/FLUX.1-schnell")
request = Net::HTTP::Post.new(uri)
request["Authorization"] = "Bearer #{ENV.fetch("HF_TOKEN")}"
request["Content-Type"] = "application/json"
payload = {
  "inputs" => "Astronaut riding a horse",
  "parameters" => {"num_inference_steps" => 4},
}
request.body = JSON.generate(payload)

response = Net::HTTP.start(uri.hostname, uri.port, use_ssl: uri.scheme == "https") do |http|
  http.request(request)
end
response.value
File.binwrite("text-to-image.png", response.body)
