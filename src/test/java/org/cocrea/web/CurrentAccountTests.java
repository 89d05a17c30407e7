package org.cocrea.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.cocrea.kernel.Groups;
import org.cocrea.support.CocreaIntegrationTest;
import org.cocrea.support.LoginSession;
import org.cocrea.support.TestFixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A session opened at {@code /login} follows the engine's identity service at every request: a user deleted there, or
 * whose groups change, has the staff pages and the Camunda webapps (Tasklist's API included) by the current account,
 * not by the one they logged in with.
 */
@CocreaIntegrationTest
class CurrentAccountTests {

    static final String AREA_USER = "cuenta-ambiente";
    static final String STAFF = "cuenta-equipo";
    static final String TASKS = "/camunda/api/engine/engine/default/task";
    static final String WEBAPP_USER = "/camunda/api/admin/auth/user/default";

    @LocalServerPort
    int port;
    @Autowired
    TestFixtures fixtures;
    @Autowired
    ObjectMapper json;
    @Autowired
    IdentityService identityService;
    @Autowired
    TaskService taskService;

    Task areaTask;

    @BeforeEach
    void anAreaTaskAndAStaffMember() {
        areaTask = fixtures.feasibilityReview(AREA_USER).task();
        fixtures.user(STAFF, STAFF + "@gobierno.example.org", Groups.OPEN_GOVERNMENT_TEAM);
    }

    @Test
    void aDeletedUserIsLoggedOutAtTheNextRequest() throws Exception {
        LoginSession session = new LoginSession(port).logIn(STAFF, "secret");
        assertThat(session.get("/staff").statusCode()).isEqualTo(200);
        assertThat(session.get(TASKS, "Accept", "application/json").statusCode()).isEqualTo(200);

        identityService.deleteUser(STAFF);

        HttpResponse<String> staff = session.get("/staff");
        assertThat(staff.statusCode()).isEqualTo(302);
        assertThat(staff.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login"));
        assertThat(session.get(TASKS, "Accept", "application/json").statusCode()).isEqualTo(401);
        assertThat(session.get("/camunda/app/tasklist/default/").statusCode()).isEqualTo(302);
    }

    @Test
    void aDeletedUserWhoseWebappSessionIsNewGetsNoServerError() throws Exception {
        LoginSession session = new LoginSession(port);
        HttpResponse<String> login = session.submitLogin(AREA_USER, "secret");
        assertThat(login.statusCode()).isEqualTo(302);

        identityService.deleteUser(AREA_USER);

        assertThat(session.get(TASKS, "Accept", "application/json").statusCode()).isEqualTo(401);
        assertThat(session.get("/me/notifications").statusCode()).isEqualTo(302);
    }

    @Test
    void aUserTakenOutOfTheTeamLosesTheStaffPagesAndTheTeamsTasksAtOnce() throws Exception {
        LoginSession session = new LoginSession(port).logIn(STAFF, "secret");
        assertThat(session.get("/staff").statusCode()).isEqualTo(200);
        assertThat(ids(session.get(TASKS, "Accept", "application/json"))).contains(areaTask.getId());
        assertThat(json.readTree(session.get(WEBAPP_USER).body()).path("authorizedApps").toString())
                .contains("cockpit");

        identityService.deleteMembership(STAFF, Groups.OPEN_GOVERNMENT_TEAM);

        assertThat(session.get("/staff").statusCode()).isEqualTo(403);
        assertThat(ids(session.get(TASKS, "Accept", "application/json"))).doesNotContain(areaTask.getId());
        assertThat(session.get("/camunda/app/cockpit/default/").statusCode()).isEqualTo(403);
        assertThat(json.readTree(session.get(WEBAPP_USER).body()).path("authorizedApps").toString())
                .doesNotContain("cockpit", "tasklist");
        assertThat(header(session.get("/").body())).doesNotContain("href=\"/staff\"",
                "href=\"/camunda/app/cockpit/\"");
    }

    @Test
    void aUserAddedToTheTeamGetsTheStaffPagesWithoutLoggingInAgain() throws Exception {
        LoginSession session = new LoginSession(port).logIn(AREA_USER, "secret");
        assertThat(session.get("/staff").statusCode()).isEqualTo(403);

        identityService.createMembership(AREA_USER, Groups.OPEN_GOVERNMENT_TEAM);

        assertThat(session.get("/staff").statusCode()).isEqualTo(200);
        assertThat(session.get("/camunda/app/cockpit/default/").statusCode()).isEqualTo(200);
        assertThat(json.readTree(session.get(WEBAPP_USER).body()).path("authorizedApps").toString())
                .contains("cockpit");
    }

    private List<String> ids(HttpResponse<String> tasks) throws Exception {
        assertThat(tasks.statusCode()).isEqualTo(200);
        JsonNode list = json.readTree(tasks.body());
        return list.findValuesAsText("id");
    }

    private static String header(String page) {
        return page.substring(page.indexOf("<header"), page.indexOf("</header>"));
    }
}
