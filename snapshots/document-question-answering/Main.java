import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;

public class Main {
    public static void main(String[] args) throws Exception {
        if (System.getenv("HF_TOKEN") == null) {
            throw new IllegalStateException("HF_TOKEN is not set");
        }
        String payload = "{\n"
            + "    \"inputs\": {\n"
            + "        \"question\": \"What is the invoice number?\",\n"
            + "        \"image\": \"" + Base64.getEncoder().encodeToString(Files.readAllBytes(Path.of("invoice.png"))) + "\"\n"
            + "    },\n"
            + "    \"parameters\": {\"top_k\": 2}\n"
            + "}";
        HttpClient client = HttpClient.newBuilder()
            // HTTP/1.1: HTTP_2 would add Upgrade headers to an http:// request, unlike curl.
            .version(HttpClient.Version.HTTP_1_1)
            .build();
        HttpRequest request = HttpRequest.newBuilder(URI.create("https://xyz.endpoints.huggingface.cloud/layoutlm"))
            .header("Authorization", "Bearer " + System.getenv("HF_TOKEN"))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(payload))
            .build();
        HttpResponse<String> response =
            client.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 400) {
            throw new IllegalStateException(response.statusCode() + ": " + response.body());
        }
        System.out.println(response.body());
    }
}
