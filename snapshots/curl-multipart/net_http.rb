require "net/http"

uri = URI("https://microsoft-trellis-2.hf.space/gradio_api/upload")
request = Net::HTTP::Post.new(uri)
request["Authorization"] = "Bearer #{ENV.fetch("HF_TOKEN")}"
form = [
  ["files", File.open("chair.png"), {filename: "chair.png", content_type: "image/png"}],
  ["audio", File.open("takes; two.flac"), {filename: "take2.flac", content_type: "audio/x-flac"}],
  ["note", "@not a file; it's text"],
]
request.set_form(form, "multipart/form-data")

response = Net::HTTP.start(uri.hostname, uri.port, use_ssl: uri.scheme == "https") do |http|
  http.request(request)
end
response.value
puts response.body
