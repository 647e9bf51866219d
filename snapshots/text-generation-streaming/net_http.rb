require "json"
require "net/http"

uri = URI("https://xyz.endpoints.huggingface.cloud/tgi")
request = Net::HTTP::Post.new(uri)
request["Authorization"] = "Bearer #{ENV.fetch("HF_TOKEN")}"
request["Content-Type"] = "application/json"
payload = {
  "inputs" => "Once upon a time",
  "parameters" => {"max_new_tokens" => 20},
  "stream" => true,
}
request.body = JSON.generate(payload)

Net::HTTP.start(uri.hostname, uri.port, use_ssl: uri.scheme == "https") do |http|
  http.request(request) do |response|
    response.value
    # Server-sent events: each `data:` line is printed as it arrives.
    buffered = String.new
    response.read_body do |chunk|
      buffered << chunk
      while (line = buffered.slice!(/\A.*\n/))
        next unless line.start_with?("data:")

        data = line.delete_prefix("data:").strip
        next if data == "[DONE]"

        print JSON.parse(data).dig("token", "text")
        $stdout.flush
      end
    end
  end
end
puts
