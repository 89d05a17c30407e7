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

    /** @return a JSON string literal */
    static String quote(String text) {
        try {
            return JSON.writeValueAsString(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
