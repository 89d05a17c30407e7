package org.cocrea.workflow;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.UUID;
import java.util.function.Consumer;

/** A small HTTP client for {@code /engine-rest} as a user with password {@code secret} (HTTP Basic). */
final class EngineRestClient {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final int port;

    EngineRestClient(int port) {
        this.port = port;
    }

    /** @return the response of a JSON request ({@code body} null for none) */
    HttpResponse<String> call(String user, String method, String path, String body) throws Exception {
        HttpRequest.Builder request = request(user, path).method(method,
                body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** POSTs one model file to {@code /engine-rest/deployment/create} as {@code multipart/form-data}. */
    HttpResponse<String> deploy(String user, String fileName, String content) throws Exception {
        String boundary = "----cocrea" + UUID.randomUUID();
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"deployment-name\"\r\n\r\n"
                + "owner-upload\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + fileName
                + "\"; filename=\"" + fileName + "\"\r\nContent-Type: application/octet-stream\r\n\r\n" + content
                + "\r\n--" + boundary + "--\r\n";
        return http.send(request(user, "/engine-rest/deployment/create")
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /**
     * Deploys as Camunda Modeler 5's deploy button does for Camunda 7 ({@code CamundaAPI.deployDiagram}): the fields
     * {@code deployment-name}, {@code deployment-source=Camunda Modeler} and {@code enable-duplicate-filtering=true},
     * then the diagram and each "additional file" as a part named by its bare file name.
     *
     * @param files file name, then its content ({@code byte[]}), for the diagram first and then the attachments
     */
    HttpResponse<String> deployLikeModeler(String user, String deploymentName, Object... files) throws Exception {
        String boundary = "----modeler" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        Consumer<String> text = t -> body.writeBytes(t.getBytes(StandardCharsets.UTF_8));
        for (String[] field : new String[][] {{"deployment-name", deploymentName},
                {"deployment-source", "Camunda Modeler"}, {"enable-duplicate-filtering", "true"}}) {
            text.accept("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field[0] + "\"\r\n\r\n"
                    + field[1] + "\r\n");
        }
        for (int i = 0; i < files.length; i += 2) {
            String name = (String) files[i];
            text.accept("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"; filename=\""
                    + name + "\"\r\nContent-Type: text/xml\r\n\r\n");
            body.writeBytes((byte[]) files[i + 1]);
            text.accept("\r\n");
        }
        text.accept("--" + boundary + "--\r\n");
        return http.send(request(user, "/engine-rest/deployment/create")
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder request(String user, String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).header("Accept", "application/json")
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString((user + ":secret").getBytes(StandardCharsets.UTF_8)));
    }

    /** A minimal executable BPMN: a start event (timer due at once when {@code timer}), one service task, an end. */
    static String model(String processId, boolean timer, String taskId, String task) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
                    xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="Definitions_%1$s" targetNamespace="t">
                  <bpmn:process id="%1$s" name="%1$s" isExecutable="true" camunda:historyTimeToLive="P1D">
                    <bpmn:startEvent id="StartEvent_%1$s" name="Start">%2$s</bpmn:startEvent>
                    <bpmn:sequenceFlow id="Flow_1" sourceRef="StartEvent_%1$s" targetRef="%3$s"/>
                    %4$s
                    <bpmn:sequenceFlow id="Flow_2" sourceRef="%3$s" targetRef="EndEvent_%1$s"/>
                    <bpmn:endEvent id="EndEvent_%1$s" name="End"/>
                  </bpmn:process>
                </bpmn:definitions>
                """.formatted(processId, timer ? "<bpmn:timerEventDefinition id=\"Timer_" + processId
                + "\"><bpmn:timeDate>2020-01-01T00:00:00</bpmn:timeDate></bpmn:timerEventDefinition>" : "", taskId,
                task);
    }
}
