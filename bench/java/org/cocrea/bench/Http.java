package org.cocrea.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** One client (java.net.http, HTTP/1.1, keep-alive) of the application under test on 127.0.0.1. */
final class Http {

    static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final int port;

    Http(int port) {
        this.port = port;
    }

    /**
     * @param user HTTP Basic user (password {@link CocreaInJvm#PASSWORD}), or null for none
     * @param body JSON, or null for none
     * @param expected the status the call must answer
     * @return the response body
     * @throws IllegalStateException on any other status
     */
    String call(String user, String method, String path, String body, int expected) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofMinutes(5)).header("Accept", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (user != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((user + ":" + CocreaInJvm.PASSWORD).getBytes(StandardCharsets.UTF_8)));
        }
        HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != expected) {
            throw new IllegalStateException(method + " " + path + " as " + user + ": " + response.statusCode() + " "
                    + response.body());
        }
        return response.body();
    }

    /** @return the ids of the tasks {@code GET /engine-rest/task?…} lists for the user */
    List<String> taskIds(String user, String query) throws Exception {
        List<String> ids = new ArrayList<>();
        for (JsonNode task : JSON.readTree(call(user, "GET", "/engine-rest/task?" + query, null, 200))) {
            ids.add(task.get("id").asText());
        }
        return ids;
    }

    /**
     * Deploys resources over {@code POST /engine-rest/deployment/create} (multipart/form-data), with duplicate
     * filtering off.
     *
     * @param user      HTTP Basic user (password {@link CocreaInJvm#PASSWORD})
     * @param resources file name → content (UTF-8)
     * @throws IllegalStateException unless the engine answers 200
     */
    void deploy(String user, Map<String, String> resources) throws Exception {
        String boundary = "bench-" + System.nanoTime();
        StringBuilder body = new StringBuilder();
        body.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"deployment-name\"\r\n\r\n")
                .append("bare\r\n");
        resources.forEach((name, content) -> body.append("--").append(boundary)
                .append("\r\nContent-Disposition: form-data; name=\"").append(name).append("\"; filename=\"")
                .append(name).append("\"\r\nContent-Type: application/octet-stream\r\n\r\n").append(content)
                .append("\r\n"));
        body.append("--").append(boundary).append("--\r\n");
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                + "/engine-rest/deployment/create")).timeout(Duration.ofMinutes(1))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":"
                        + CocreaInJvm.PASSWORD).getBytes(StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8)).build();
        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("deployment: " + response.statusCode() + " " + response.body());
        }
    }

    /** @return a JSON string literal */
    static String quote(String text) {
        try {
            return JSON.writeValueAsString(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
