require "json"
require "net/http"

uri = URI("https://router.huggingface.co/hf-inference/models/google/tapas-base-finetuned-wtq")
request = Net::HTTP::Post.new(uri)
request["Authorization"] = "Bearer #{ENV.fetch("HF_TOKEN")}"
request["Content-Type"] = "application/json"
payload = {
  "inputs" => {
    "query" => "How many stars does the transformers repository have?",
    "table" => {
      "Repository" => ["Transformers", "Datasets", "Tokenizers"],
      "Stars" => ["36542", "4512", "3934"],
    },
  },
  "parameters" => {"truncation" => true},
}
request.body = JSON.generate(payload)

response = Net::HTTP.start(uri.hostname, uri.port, use_ssl: uri.scheme == "https") do |http|
  http.request(request)
end
response.value
puts response.body
