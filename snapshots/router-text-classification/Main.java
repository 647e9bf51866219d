import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

public class Main {
    public static void main(String[] args) throws Exception {
        if (System.getenv("HF_TOKEN") == null) {
            throw new IllegalStateException("HF_TOKEN is not set");
        }
        String payload = "{\n"
            + "    \"inputs\": \"I like you. I love you\"\n"
            + "}";
        HttpClient client = HttpClient.newBuilder()
            // HTTP/1.1: HTTP_2 would add Upgrade headers to an http:// request, unlike curl.
            .version(HttpClient.Version.HTTP_1_1)
            .build();
        HttpRequest request = HttpRequest.newBuilder(URI.create("https://router.huggingface.co/hf-inference/models/distilbert/distilbert-base-uncased-finetuned-sst-2-english"))
            .header("Authorization", "Bearer " + System.getenv("HF_TOKEN"))
            .header("Content-Type", "application/json")
            .header("X-HF-Bill-To", "my-org")
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
