require "json"
require "net/http"

uri = URI("https://router.huggingface.co/hf-inference/models/HuggingFaceTB/SmolLM3-3B/v1/chat/completions")
request = Net::HTTP::Post.new(uri)
request["Authorization"] = "Bearer #{ENV.fetch("HF_TOKEN")}"
request["Content-Type"] = "application/json"
payload = {
  "model" => "HuggingFaceTB/SmolLM3-3B",
  "messages" => [
    {"role" => "user", "content" => "Tell me a story"},
  ],
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

        JSON.parse(data).fetch("choices", []).each do |choice|
          print choice.dig("delta", "content") || ""
        end
        $stdout.flush
      end
    end
  end
end
puts
