package org.cocrea.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.cocrea.proposal.Channel;
import org.cocrea.proposal.ProposalInput;
import org.cocrea.proposal.Proposals;
import org.cocrea.support.CocreaIntegrationTest;
import org.cocrea.support.LoginSession;
import org.cocrea.support.TestFixtures;
import org.cocrea.kernel.Groups;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue 10, item 3, over real HTTP: one login at {@code /login} opens the staff pages and the Camunda webapps (as the
 * logged-in user, with that user's Camunda authorizations), the webapps send anonymous visitors to {@code /login} and
 * have no login of their own, logging out of either ends both, and the navigation offers only what the user's groups
 * may open.
 */
@CocreaIntegrationTest
class SingleLoginTests {

    static final String AREA_USER = "login-ambiente";
    static final String STAFF = "login-equipo";
    static final String TASKS = "/camunda/api/engine/engine/default/task";
    static final String TASKLIST = "/camunda/app/tasklist/default/";

    @LocalServerPort
    int port;
    @Autowired
    TestFixtures fixtures;
    @Autowired
    ObjectMapper json;
    @Autowired
    Proposals proposals;
    @Autowired
    TaskService taskService;

    Task areaTask;
    Task otherAreaTask;

    @BeforeEach
    void anAreaTaskAndAStaffMember() {
        areaTask = fixtures.feasibilityReview(AREA_USER).task();
        fixtures.user(STAFF, STAFF + "@gobierno.example.org", Groups.OPEN_GOVERNMENT_TEAM);
        proposals.submit(new ProposalInput("Guía de lenguaje inclusivo", "Una guía para los trámites.", "diversidad",
                "osc-territorial", "Vecinos del Sur", "Julia Ríos", "julia@example.org", true, "es", null), Channel.API);
        otherAreaTask = taskService.createTaskQuery().taskCandidateGroup("area-diversidad").singleResult();
        assertThat(otherAreaTask).isNotNull();
    }

    @Test
    void anAreaUserLogsInOnceAndWorksInTasklistAsThemselves() throws Exception {
        LoginSession session = new LoginSession(port).logIn(AREA_USER, "secret");

        HttpResponse<String> tasklist = session.get(TASKLIST);
        assertThat(tasklist.statusCode()).isEqualTo(200);
        assertThat(tasklist.body()).contains("camunda-tasklist-bootstrap.js");

        JsonNode user = json.readTree(session.get("/camunda/api/admin/auth/user/default").body());
        assertThat(user.path("userId").asText()).isEqualTo(AREA_USER);
        assertThat(user.path("authorizedApps").toString()).contains("tasklist").doesNotContain("cockpit", "admin");

        HttpResponse<String> tasks = session.get(TASKS, "Accept", "application/json");
        assertThat(tasks.statusCode()).isEqualTo(200);
        assertThat(json.readTree(tasks.body()).findValuesAsText("id"))
                .as("the area's task only: the user's Camunda authorizations apply")
                .contains(areaTask.getId()).doesNotContain(otherAreaTask.getId());

        assertThat(session.get("/staff").statusCode()).isEqualTo(403);
    }

    @Test
    void theTeamLogsInOnceAndReachesTheStaffPagesAndEveryTask() throws Exception {
        LoginSession session = new LoginSession(port).logIn(STAFF, "secret");

        assertThat(session.get("/staff").statusCode()).isEqualTo(200);
        assertThat(session.get(TASKLIST).statusCode()).isEqualTo(200);
        HttpResponse<String> tasks = session.get(TASKS, "Accept", "application/json");
        assertThat(tasks.statusCode()).isEqualTo(200);
        assertThat(json.readTree(tasks.body()).findValuesAsText("id")).contains(areaTask.getId(),
                otherAreaTask.getId());
    }

    @Test
    void loggingInFromTasklistComesBackToTasklist() throws Exception {
        LoginSession session = new LoginSession(port);
        HttpResponse<String> anonymous = session.get(TASKLIST, "Accept", "text/html");
        assertThat(anonymous.statusCode()).isEqualTo(302);
        assertThat(anonymous.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login"));

        HttpResponse<String> login = session.submitLogin(AREA_USER, "secret");
        assertThat(login.statusCode()).isEqualTo(302);
        assertThat(login.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).contains(TASKLIST));
    }

    @Test
    void anonymousVisitorsGetNoWebappAndTheWebappsHaveNoLoginOfTheirOwn() throws Exception {
        LoginSession session = new LoginSession(port);
        assertThat(session.get("/camunda/app/cockpit/default/").headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).endsWith("/login"));
        assertThat(session.get(TASKS, "Accept", "application/json").statusCode()).isEqualTo(401);

        // Camunda's own login form (right password) opens nothing.
        HttpResponse<String> webappLogin = session.postForm("/camunda/api/admin/auth/user/default/login/tasklist",
                "username=" + AREA_USER + "&password=secret");
        assertThat(webappLogin.statusCode()).isEqualTo(401);
        assertThat(session.get(TASKS, "Accept", "application/json").statusCode()).isEqualTo(401);
    }

    @Test
    void loggingOutOfTheStaffPagesEndsTasklistToo() throws Exception {
        LoginSession session = new LoginSession(port).logIn(STAFF, "secret");
        assertThat(session.get(TASKS, "Accept", "application/json").statusCode()).isEqualTo(200);

        assertThat(session.logOutOfTheStaffPages().statusCode()).isEqualTo(302);

        assertThat(session.get(TASKS, "Accept", "application/json").statusCode()).isEqualTo(401);
        assertThat(session.get(TASKLIST).statusCode()).isEqualTo(302);
        assertThat(session.get("/staff").statusCode()).isEqualTo(302);
    }

    @Test
    void loggingOutOfTasklistEndsTheStaffPagesToo() throws Exception {
        LoginSession session = new LoginSession(port).logIn(STAFF, "secret");

        HttpResponse<String> logout = session.post("/camunda/api/admin/auth/user/default/logout", "");
        assertThat(logout.statusCode()).isEqualTo(204);

        assertThat(session.get("/staff").headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).endsWith("/login"));
        assertThat(session.get(TASKS, "Accept", "application/json").statusCode()).isEqualTo(401);
    }

    @Test
    void theNavigationOffersOnlyWhatTheUsersGroupsMayOpen() throws Exception {
        String anonymous = header(new LoginSession(port).get("/").body());
        assertThat(anonymous).contains("href=\"/login\"").doesNotContain("href=\"/staff\"",
                "href=\"/camunda/app/tasklist/\"", "href=\"/camunda/app/cockpit/\"", "action=\"/logout\"");

        String area = header(new LoginSession(port).logIn(AREA_USER, "secret").get("/").body());
        assertThat(area).contains("href=\"/camunda/app/tasklist/\"", "href=\"/me/notifications\"",
                "action=\"/logout\"").doesNotContain("href=\"/staff\"", "href=\"/camunda/app/cockpit/\"",
                "href=\"/camunda/app/admin/\"", "href=\"/login\"");

        String staff = header(new LoginSession(port).logIn(STAFF, "secret").get("/").body());
        assertThat(staff).contains("href=\"/staff\"", "href=\"/camunda/app/tasklist/\"",
                "href=\"/camunda/app/cockpit/\"").doesNotContain("href=\"/camunda/app/admin/\"");

        fixtures.user("login-procesos", "login-procesos@gobierno.example.org", Groups.PROCESS_OWNERS);
        String owner = header(new LoginSession(port).logIn("login-procesos", "secret").get("/").body());
        assertThat(owner).contains("href=\"/camunda/app/cockpit/\"", "href=\"/camunda/app/cockpit/default/#/repository\"")
                .doesNotContain("href=\"/staff\"");
    }

    /** The page's site header (its navigation), where the links by group are. */
    private static String header(String page) {
        return page.substring(page.indexOf("<header"), page.indexOf("</header>"));
    }

    @Test
    void theWebappsLoadThePluginThatSendsTheirLoginViewToTheOneLogin() throws Exception {
        LoginSession session = new LoginSession(port).logIn(AREA_USER, "secret");
        assertThat(session.get(TASKLIST).body()).contains("cocrea-single-login");
        HttpResponse<String> script = session.get("/camunda/api/tasklist/plugin/cocrea-single-login/static/app/plugin.js");
        assertThat(script.statusCode()).isEqualTo(200);
        assertThat(script.body()).contains("#\\/login", "window.location.replace");
    }
}
