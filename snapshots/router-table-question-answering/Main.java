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
            + "    \"inputs\": {\n"
            + "        \"query\": \"How many stars does the transformers repository have?\",\n"
            + "        \"table\": {\n"
            + "            \"Repository\": [\"Transformers\", \"Datasets\", \"Tokenizers\"],\n"
            + "            \"Stars\": [\"36542\", \"4512\", \"3934\"]\n"
            + "        }\n"
            + "    },\n"
            + "    \"parameters\": {\"truncation\": true}\n"
            + "}";
        HttpClient client = HttpClient.newBuilder()
            // HTTP/1.1: HTTP_2 would add Upgrade headers to an http:// request, unlike curl.
            .version(HttpClient.Version.HTTP_1_1)
            .build();
        HttpRequest request = HttpRequest.newBuilder(URI.create("https://router.huggingface.co/hf-inference/models/google/tapas-base-finetuned-wtq"))
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
