package org.cocrea.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.cocrea.support.CocreaIntegrationTest;
import org.cocrea.support.LoginSession;
import org.cocrea.support.TestFixtures;
import org.cocrea.kernel.Groups;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Odd request paths under the Camunda webapps' servlets get 400, never 500, logged in or not. */
@CocreaIntegrationTest
class UnnormalizedPathTests {

    @LocalServerPort
    int port;
    @Autowired
    TestFixtures fixtures;

    @ParameterizedTest
    @ValueSource(strings = {"/camunda/api//admin/auth/user/default", "/camunda/api//engine/engine/default/task",
        "/camunda/api/engine//engine/default/task", "/camunda/api//admin/auth/user/default/login/tasklist",
        "/camunda/api/admin/x/../auth/user/default", "/camunda/app//tasklist/default/", "/staff//outbox"})
    void anUnnormalizedPathGets400(String path) throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        HttpResponse<String> anonymous = client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Accept", "application/json").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(anonymous.statusCode()).isEqualTo(400);

        fixtures.user("ruta-equipo", "ruta-equipo@gobierno.example.org", Groups.OPEN_GOVERNMENT_TEAM);
        LoginSession session = new LoginSession(port).logIn("ruta-equipo", "secret");
        assertThat(session.get(path, "Accept", "application/json").statusCode()).isEqualTo(400);
    }
}
