require "json"
require "net/http"

# The environment variable `name`, or `default` when it is unset or empty.
def env_or(name, default)
  value = ENV.fetch(name, "")
  value.empty? ? default : value
end

uri = URI("#{ENV.fetch("ENDPOINT_URL")}/v1/chat/completions")
request = Net::HTTP::Post.new(uri)
request["Authorization"] = "Bearer #{ENV.fetch("HF_TOKEN")}"
request["Content-Type"] = "application/json"
request["x-api-key"] = ENV.fetch("API_KEY")
payload = {
  "model" => env_or("MODEL", "tgi"),
  "messages" => [
    {"role" => "user", "content" => ENV.fetch("PROMPT")},
  ],
  "max_tokens" => JSON.parse(ENV.fetch("MAX_TOKENS")),
}
request.body = JSON.generate(payload)

response = Net::HTTP.start(uri.hostname, uri.port, use_ssl: uri.scheme == "https") do |http|
  http.request(request)
end
response.value
puts response.body
