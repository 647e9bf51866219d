import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Iterator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

public class Main {
    public static void main(String[] args) throws Exception {
        if (System.getenv("HF_TOKEN") == null) {
            throw new IllegalStateException("HF_TOKEN is not set");
        }
        String payload = "{\n"
            + "    \"model\": \"HuggingFaceTB/SmolLM3-3B\",\n"
            + "    \"messages\": [\n"
            + "        {\"role\": \"user\", \"content\": \"Tell me a story\"}\n"
            + "    ],\n"
            + "    \"stream\": true\n"
            + "}";
        HttpClient client = HttpClient.newBuilder()
            // HTTP/1.1: HTTP_2 would add Upgrade headers to an http:// request, unlike curl.
            .version(HttpClient.Version.HTTP_1_1)
            .build();
        HttpRequest request = HttpRequest.newBuilder(URI.create("https://router.huggingface.co/hf-inference/models/HuggingFaceTB/SmolLM3-3B/v1/chat/completions"))
            .header("Authorization", "Bearer " + System.getenv("HF_TOKEN"))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(payload))
            .build();
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
            System.out.print(jsonString(data, "content"));
            System.out.flush();
        }
        System.out.println();
    }

    /**
     * The string value of the first "key" in a JSON text, "" when there is none:
     * the JDK has no JSON parser, and each event's text is all that is printed.
     */
    static String jsonString(String json, String key) {
        Matcher match = Pattern.compile("\"" + key + "\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"")
            .matcher(json);
        if (!match.find()) {
            return "";
        }
        String escaped = match.group(1);
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < escaped.length(); i++) {
            char c = escaped.charAt(i);
            if (c != '\\') {
                text.append(c);
                continue;
            }
            char next = escaped.charAt(++i);
            switch (next) {
                case 'n': text.append('\n'); break;
                case 'r': text.append('\r'); break;
                case 't': text.append('\t'); break;
                case 'b': text.append('\b'); break;
                case 'f': text.append('\f'); break;
                case 'u':
                    text.append((char) Integer.parseInt(escaped.substring(i + 1, i + 5), 16));
                    i += 4;
                    break;
                default: text.append(next);
            }
        }
        return text.toString();
    }
}
