{%- if needs_json %}
require "json"
{%- endif %}
require "net/http"
{%- if raw_form %}
require "securerandom"
{%- endif %}
{%- for helper in helpers %}

{{ helper }}
{%- endfor %}

uri = URI({{ url }})
request = {{ constructor }}
{%- if let Some((user, password)) = basic_auth %}
request.basic_auth({{ user }}, {{ password }})
{%- endif %}
{%- for (name, value) in headers %}
request[{{ name }}] = {{ value }}
{%- endfor %}
{%- if let Some(json) = json %}
payload = {{ json }}
request.body = JSON.generate(payload)
{%- endif %}
{%- if let Some(body) = body %}
request.body = {{ body }}
{%- endif %}
{%- if untyped %}
# The body has no type: Net::HTTP would send it as application/x-www-form-urlencoded.
def request.supply_default_content_type; end
{%- endif %}
{%- if raw_form %}
# Each part as curl writes it: its disposition, its type, its bytes.
parts = [
{%- for part in form %}
  {{ part }},
{%- endfor %}
]
boundary = SecureRandom.hex(24)
body = String.new
parts.each do |disposition, type, content|
  body << "--#{boundary}\r\nContent-Disposition: #{disposition}\r\n".b
  body << "Content-Type: #{type}\r\n".b if type
  body << "\r\n".b << content.b << "\r\n".b
end
body << "--#{boundary}--\r\n".b
request["Content-Type"] = "multipart/form-data; boundary=#{boundary}"
request.body = body
{%- else if !form.is_empty() %}
form = [
{%- for part in form %}
  {{ part }},
{%- endfor %}
]
request.set_form(form, "multipart/form-data")
{%- endif %}
{%- if let Some(proxy) = proxy %}
proxy = URI({{ proxy }})
{%- endif %}
{%- if response.streams() %}

{% if let Some(seconds) = timeout -%}
Timeout.timeout({{ seconds }}) do
{% endif -%}
{{ pad }}Net::HTTP.start(uri.hostname, uri.port, {{ start }}) do |http|
{{ pad }}  http.request(request) do |response|
{{ pad }}    response.value
{{ pad }}    # Server-sent events: each `data:` line is printed as it arrives.
{{ pad }}    buffered = String.new
{{ pad }}    response.read_body do |chunk|
{{ pad }}      buffered << chunk
{{ pad }}      while (line = buffered.slice!(/\A.*\n/))
{{ pad }}        next unless line.start_with?("data:")

{{ pad }}        data = line.delete_prefix("data:").strip
{{ pad }}        next if data == "[DONE]"
{% if response == Response::ChatStream %}
{{ pad }}        JSON.parse(data).fetch("choices", []).each do |choice|
{{ pad }}          print choice.dig("delta", "content") || ""
{{ pad }}        end
{{ pad }}        $stdout.flush
{%- else if response == Response::TokenStream %}
{{ pad }}        print JSON.parse(data).dig("token", "text")
{{ pad }}        $stdout.flush
{%- else %}
{{ pad }}        puts data
{%- endif %}
{{ pad }}      end
{{ pad }}    end
{{ pad }}  end
{{ pad }}end
{%- if timeout.is_some() %}
end
{%- endif %}
{%- if response != Response::EventStream %}
puts
{%- endif %}
{%- else %}

{% if let Some(seconds) = timeout -%}
response = Timeout.timeout({{ seconds }}) do
  Net::HTTP.start(uri.hostname, uri.port, {{ start }}) do |http|
    http.request(request)
  end
end
{%- else -%}
response = Net::HTTP.start(uri.hostname, uri.port, {{ start }}) do |http|
  http.request(request)
end
{%- endif %}
response.value
{%- match response %}
{%- when Response::Bytes %}
{%- if let Some(output_file) = output_file %}
File.binwrite({{ output_file }}, response.body)
{%- endif %}
{%- else %}
puts response.body
{%- endmatch %}
{%- endif %}
