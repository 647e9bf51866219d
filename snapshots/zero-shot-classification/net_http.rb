require "json"
require "net/http"

uri = URI("https://xyz.endpoints.huggingface.cloud/bart-mnli")
request = Net::HTTP::Post.new(uri)
request["Authorization"] = "Bearer #{ENV.fetch("HF_TOKEN")}"
request["Content-Type"] = "application/json"
payload = {
  "inputs" => "Hi, I recently bought a device from your company but it is not working as advertised and I would like to get reimbursed!",
  "parameters" => {
    "candidate_labels" => ["refund", "legal", "faq"],
  },
}
request.body = JSON.generate(payload)

response = Net::HTTP.start(uri.hostname, uri.port, use_ssl: uri.scheme == "https") do |http|
  http.request(request)
end
response.value
puts response.body
