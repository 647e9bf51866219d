{%- for import in imports %}
import {{ import }};
{%- endfor %}

public class Main {
    public static void main(String[] args) throws Exception {
{%- for check in checks %}
        {{ check }}
{%- endfor %}
{%- if insecure %}
        // Like curl --insecure: host names are not checked either (read once, first).
        System.setProperty("jdk.internal.httpclient.disableHostnameVerification", "true");
{%- endif %}
{%- for line in payload %}
        {{ line }}
{%- endfor %}
{%- if let Some(proxy) = proxy %}
        URI proxy = URI.create({{ proxy }});
{%- endif %}
        HttpClient client = HttpClient.newBuilder()
            // HTTP/1.1: HTTP_2 would add Upgrade headers to an http:// request, unlike curl.
            .version(HttpClient.Version.HTTP_1_1)
{%- for call in client %}
            {{ call }}
{%- endfor %}
            .build();
        HttpRequest request = HttpRequest.newBuilder(URI.create({{ url }}))
{%- for (name, value) in headers %}
            .header({{ name }}, {{ value }})
{%- endfor %}
{%- if let Some(timeout) = timeout %}
            .timeout({{ timeout }})
{%- endif %}
{%- if let Some(method) = method %}
            {{ method }}
{%- endif %}
            .build();
{%- match response %}
{%- when Response::ChatStream | Response::TokenStream | Response::EventStream %}
        HttpResponse<Stream<String>> response =
            client.send(request, HttpResponse.BodyHandlers.ofLines());
        if (response.statusCode() >= 400) {
            throw new IllegalStateException(response.statusCode() + ": "
                + response.body().collect(Collectors.joining("\n")));
        }
        // Server-sent events: each data: line is printed as it arrives.
        for (Iterator<String> lines = response.body().iterator(); lines.hasNext(); ) {
            String line = lines.next();
            if (!line.startsWith("data:")) {
                continue;
            }
            String data = line.substring("data:".length()).trim();
            if (data.equals("[DONE]")) {
                break;
            }
{%- if response == Response::ChatStream %}
            System.out.print(jsonString(data, "content"));
            System.out.flush();
{%- else if response == Response::TokenStream %}
            System.out.print(jsonString(data, "text"));
            System.out.flush();
{%- else %}
            System.out.println(data);
{%- endif %}
        }
{%- if response != Response::EventStream %}
        System.out.println();
{%- endif %}
{%- when Response::Bytes %}
        HttpResponse<byte[]> response =
            client.send(request, HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() >= 400) {
            throw new IllegalStateException(response.statusCode() + ": "
                + new String(response.body(), StandardCharsets.UTF_8));
        }
{%- if let Some(output_file) = output_file %}
        Files.write(Path.of({{ output_file }}), response.body());
{%- endif %}
{%- when Response::Json | Response::Text %}
        HttpResponse<String> response =
            client.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 400) {
            throw new IllegalStateException(response.statusCode() + ": " + response.body());
        }
        System.out.println(response.body());
{%- endmatch %}
    }
{%- for helper in helpers %}

{{ helper }}
{%- endfor %}
}
