import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

public class Main {
    public static void main(String[] args) throws Exception {
        if (System.getenv("HF_TOKEN") == null) {
            throw new IllegalStateException("HF_TOKEN is not set");
        }
        String boundary = "----snippet" + UUID.randomUUID();
        ByteArrayOutputStream form = new ByteArrayOutputStream();
        addPart(form, boundary, "form-data; name=\"meta\"",
            "application/json", ("{\"task\": \"upload\"}").getBytes(StandardCharsets.UTF_8));
        addPart(form, boundary, "form-data; name=\"file\"; filename=\"photo.png\"",
            "image/png", Files.readAllBytes(Path.of("photo.png")));
        addPart(form, boundary, "form-data; name=\"note\"",
            null, ("plain").getBytes(StandardCharsets.UTF_8));
        form.write(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpClient client = HttpClient.newBuilder()
            // HTTP/1.1: HTTP_2 would add Upgrade headers to an http:// request, unlike curl.
            .version(HttpClient.Version.HTTP_1_1)
            .build();
        HttpRequest request = HttpRequest.newBuilder(URI.create("https://xyz.hf.space/gradio_api/upload"))
            .header("Authorization", "Bearer " + System.getenv("HF_TOKEN"))
            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .POST(HttpRequest.BodyPublishers.ofByteArray(form.toByteArray()))
            .build();
        HttpResponse<String> response =
            client.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 400) {
            throw new IllegalStateException(response.statusCode() + ": " + response.body());
        }
        System.out.println(response.body());
    }

    /** Adds a part with these headers (a type or null) and content to the form. */
    static void addPart(ByteArrayOutputStream form, String boundary, String disposition,
            String type, byte[] content) throws IOException {
        String head = "--" + boundary + "\r\nContent-Disposition: " + disposition + "\r\n"
            + (type == null ? "" : "Content-Type: " + type + "\r\n") + "\r\n";
        form.write(head.getBytes(StandardCharsets.UTF_8));
        form.write(content);
        form.write("\r\n".getBytes(StandardCharsets.UTF_8));
    }
}
