require "json"
require "net/http"

uri = URI("https://xyz.endpoints.huggingface.cloud/wan-t2v")
request = Net::HTTP::Post.new(uri)
request["Authorization"] = "Bearer #{ENV.fetch("HF_TOKEN")}"
request["Content-Type"] = "application/json"
payload = {
  "inputs" => "A young man walking on the street",
  "parameters" => {"num_frames" => 49, "num_inference_steps" => 30},
}
request.body = JSON.generate(payload)

response = Net::HTTP.start(uri.hostname, uri.port, use_ssl: uri.scheme == "https") do |http|
  http.request(request)
end
response.value
File.binwrite("text-to-video.mp4", response.body)
