import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

public class Main {
    public static void main(String[] args) throws Exception {
        if (System.getenv("HF_TOKEN") == null) {
            throw new IllegalStateException("HF_TOKEN is not set");
        }
        String payload = "{\n"
            + "    \"inputs\": \"Astronaut riding a horse\",\n"
            + "    \"parameters\": {\"num_inference_steps\": 4}\n"
            + "}";
        HttpClient client = HttpClient.newBuilder()
            // HTTP/1.1: HTTP_2 would add Upgrade headers to an http:// request, unlike curl.
            .version(HttpClient.Version.HTTP_1_1)
            .build();
        HttpRequest request = HttpRequest.newBuilder(URI.create("https://router.huggingface.co/hf-inference/models/black-forest-labs/FLUX.1-schnell"))
            .header("Authorization", "Bearer " + System.getenv("HF_TOKEN"))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(payload))
            .build();
        HttpResponse<byte[]> response =
            client.send(request, HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() >= 400) {
            throw new IllegalStateException(response.statusCode() + ": "
                + new String(response.body(), StandardCharsets.UTF_8));
        }
        Files.write(Path.of("text-to-image.png"), response.body());
    }
}
