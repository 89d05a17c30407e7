package org.cocrea.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.cocrea.kernel.Groups;
import org.cocrea.support.CocreaIntegrationTest;
import org.cocrea.support.LoginSession;
import org.cocrea.support.TestFixtures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * An administrator of a database that Camunda 7 made stays administrator of the engine Cocrea runs on: on Camunda
 * that is the same group, on Operaton (./mvnw verify -Poperaton) the members of {@code camunda-admin} join
 * {@code operaton-admin} at start-up, and log in to Admin as administrators.
 */
@CocreaIntegrationTest
class Camunda7AdministratorsTests {

    static final String LEGACY_ADMIN = "camunda7-admin";

    @LocalServerPort
    int port;
    @Autowired
    TestFixtures fixtures;
    @Autowired
    IdentityService identityService;
    @Autowired
    AuthorizationService authorizationService;
    @Autowired
    IdentitySetup identitySetup;

    boolean createdLegacyGroup;

    @AfterEach
    void removeLegacyAdmin() {
        identityService.deleteUser(LEGACY_ADMIN);
        if (createdLegacyGroup) {
            identityService.deleteGroup(Groups.CAMUNDA_7_ADMINS);
        }
    }

    @Test
    void membersOfCamundasAdminGroupAdministerTheEngine() throws Exception {
        if (identityService.createGroupQuery().groupId(Groups.CAMUNDA_7_ADMINS).count() == 0) {
            Group legacy = identityService.newGroup(Groups.CAMUNDA_7_ADMINS);
            legacy.setName("Camunda BPM Administrators");
            legacy.setType("SYSTEM");
            identityService.saveGroup(legacy);
            createdLegacyGroup = true;
        }
        fixtures.user(LEGACY_ADMIN, LEGACY_ADMIN + "@gobierno.example.org", Groups.CAMUNDA_7_ADMINS);

        identitySetup.keepCamunda7Administrators();
        identitySetup.keepCamunda7Administrators();

        assertThat(identityService.createUserQuery().userId(LEGACY_ADMIN).memberOfGroup(Groups.ADMINS).count())
                .isEqualTo(1);
        assertThat(authorizationService.isUserAuthorized(LEGACY_ADMIN, List.of(Groups.ADMINS), Permissions.ALL,
                Resources.USER)).isTrue();
        HttpResponse<String> user = new LoginSession(port).logIn(LEGACY_ADMIN, "secret")
                .get("/camunda/api/admin/auth/user/default");
        assertThat(user.statusCode()).isEqualTo(200);
        assertThat(user.body()).contains("\"admin\"", "\"cockpit\"", "\"tasklist\"");
    }
}
