package org.cocrea.workflow;

import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.cocrea.area.Area;
import org.cocrea.area.Areas;
import org.cocrea.kernel.Groups;
import org.cocrea.kernel.InputText;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Demo users, only with {@code cocrea.demo.enabled=true} (the default {@code demo} profile). Password {@code demo}
 * for all: {@code demo} (administrator, also in the team), {@code equipo} (open-government team), {@code procesos}
 * (process owner), {@code monitoreo} (monitoring body) and one user per area named after the area id (e.g.
 * {@code ambiente}, {@code legal-tecnica}).
 */
@Component
@Order(20)
@ConditionalOnProperty(name = "cocrea.demo.enabled", havingValue = "true")
class DemoUsers implements ApplicationRunner {

    /** The demo password of every demo user. */
    static final String PASSWORD = "demo";
    private static final Logger log = LoggerFactory.getLogger(DemoUsers.class);

    private final IdentityService identityService;
    private final Areas areas;

    DemoUsers(IdentityService identityService, Areas areas) {
        this.identityService = identityService;
        this.areas = areas;
    }

    @Override
    public void run(ApplicationArguments args) {
        member("demo", Groups.OPEN_GOVERNMENT_TEAM);
        user("equipo", "Equipo", "Gobierno Abierto", Groups.OPEN_GOVERNMENT_TEAM);
        user("procesos", "Responsable", "de Procesos", Groups.PROCESS_OWNERS);
        user("monitoreo", "Órgano", "de Monitoreo", Groups.MONITORING_BODY);
        List<Area> all = areas.all();
        for (Area a : all) {
            user(a.getId(), "Equipo de " + a.getId(), InputText.cut(a.getNameEs(), 200),
                    a.getCandidateGroup());
        }
        log.info("Demo users ready (password '{}'): demo, equipo, procesos, monitoreo and {} area users", PASSWORD,
                all.size());
    }

    private void user(String id, String first, String last, String group) {
        if (identityService.createUserQuery().userId(id).singleResult() == null) {
            User u = identityService.newUser(id);
            u.setFirstName(first);
            u.setLastName(last);
            u.setEmail(id + "@demo.cocrea.local");
            u.setPassword(PASSWORD);
            identityService.saveUser(u);
        }
        member(id, group);
    }

    private void member(String userId, String group) {
        if (identityService.createUserQuery().userId(userId).singleResult() != null
                && identityService.createUserQuery().userId(userId).memberOfGroup(group).singleResult() == null) {
            identityService.createMembership(userId, group);
        }
    }
}
