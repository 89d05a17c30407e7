package org.cocrea.workflow;

import static org.camunda.bpm.engine.authorization.Authorization.ANY;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.cocrea.area.Area;
import org.cocrea.area.Areas;
import org.cocrea.kernel.Groups;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * At every start-up, idempotently: loads the government areas, makes sure the groups exist (open-government team,
 * process owners, monitoring body, one {@code area-*} per area), grants what each group may do, and creates the
 * Tasklist filters ("Mis tareas" for everyone, one per area visible only to that area, one for the team).
 *
 * <p>Area groups get no broad task permission: they see and work only tasks whose candidate group is theirs (the
 * engine grants that per task), so one area neither sees nor completes another area's tasks.
 *
 * <p>Least privilege: each grant is set to exactly the listed permissions at every start-up (an older, broader grant
 * is narrowed). The role table is in the README ("Roles and permissions"); engine-wide jobs are guarded by
 * {@link EngineJobAuthorization}.
 */
@Component
@Order(10)
class IdentitySetup implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(IdentitySetup.class);

    private final IdentityService identityService;
    private final AuthorizationService authorizationService;
    private final FilterService filterService;
    private final TaskService taskService;
    private final Areas areas;

    IdentitySetup(IdentityService identityService, AuthorizationService authorizationService,
            FilterService filterService, TaskService taskService, Areas areas) {
        this.identityService = identityService;
        this.authorizationService = authorizationService;
        this.filterService = filterService;
        this.taskService = taskService;
        this.areas = areas;
    }

    @Override
    public void run(ApplicationArguments args) {
        keepCamunda7Administrators();
        List<Area> all = areas.loadReferenceFile();
        group(Groups.OPEN_GOVERNMENT_TEAM, "Equipo de Gobierno Abierto", "WORKFLOW");
        group(Groups.PROCESS_OWNERS, "Responsables de procesos", "WORKFLOW");
        group(Groups.MONITORING_BODY, "Órgano de monitoreo independiente", "WORKFLOW");
        group(Groups.METRICS, "Lectores de métricas (Prometheus)", "SYSTEM");
        for (Area area : all) {
            group(area.getCandidateGroup(), area.getNameEs(), "AREA");
            grant(area.getCandidateGroup(), Resources.APPLICATION, "tasklist", Permissions.ACCESS);
            grant(area.getCandidateGroup(), Resources.PROCESS_DEFINITION, ProposalReviewProcess.KEY, Permissions.READ);
            // The lead area validates the final text of its commitments (Stage 3).
            grant(area.getCandidateGroup(), Resources.PROCESS_DEFINITION, CommitmentDraftingProcess.KEY,
                    Permissions.READ);
            // the monthly follow-up report of the commitments the area leads (Tasklist reads the form through it)
            grant(area.getCandidateGroup(), Resources.PROCESS_DEFINITION, CommitmentFollowUpProcess.KEY,
                    Permissions.READ);
            filter("Área: " + area.getNameEs(), 20, List.of(area.getCandidateGroup()), area.getCandidateGroup());
        }
        String team = Groups.OPEN_GOVERNMENT_TEAM;
        grant(team, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
        grant(team, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
        // Run every stage: see and work every task, start processes, retry a failed step of an instance (Cockpit).
        // Not: delete or suspend definitions or instances, delete history, migrate; those are camunda-admin's.
        grant(team, Resources.PROCESS_DEFINITION, ANY, Permissions.READ, Permissions.READ_INSTANCE,
                Permissions.READ_HISTORY, Permissions.READ_TASK, Permissions.UPDATE_TASK, Permissions.TASK_WORK,
                Permissions.TASK_ASSIGN, Permissions.CREATE_INSTANCE, Permissions.UPDATE_INSTANCE);
        grant(team, Resources.PROCESS_INSTANCE, ANY, Permissions.CREATE);
        grant(team, Resources.TASK, ANY, Permissions.READ, Permissions.UPDATE, Permissions.TASK_WORK,
                Permissions.TASK_ASSIGN);
        grant(team, Resources.DECISION_DEFINITION, ANY, Permissions.READ, Permissions.READ_HISTORY);
        grant(team, Resources.DEPLOYMENT, ANY, Permissions.READ);
        grant(team, Resources.USER, ANY, Permissions.READ);
        grant(team, Resources.GROUP, ANY, Permissions.READ);
        filter("Equipo de Gobierno Abierto", 10, List.of(team), team);

        String owners = Groups.PROCESS_OWNERS;
        grant(owners, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
        grant(owners, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
        // Deploy new versions (checked by DeploymentAllowList); deleting deployments is camunda-admin's.
        grant(owners, Resources.DEPLOYMENT, ANY, Permissions.CREATE, Permissions.READ);
        grant(owners, Resources.PROCESS_DEFINITION, ANY, Permissions.READ, Permissions.READ_HISTORY,
                Permissions.READ_INSTANCE);
        grant(owners, Resources.DECISION_DEFINITION, ANY, Permissions.READ, Permissions.READ_HISTORY);

        grant(Groups.MONITORING_BODY, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
        // the evaluation task of each ended commitment (Tasklist reads the form through the definition)
        grant(Groups.MONITORING_BODY, Resources.PROCESS_DEFINITION, CommitmentFollowUpProcess.KEY, Permissions.READ);

        Filter mine = filter("Mis tareas", 0, null, null);
        for (String g : List.of(team, owners, Groups.MONITORING_BODY)) {
            grant(g, Resources.FILTER, mine.getId(), Permissions.READ);
        }
        all.forEach(a -> grant(a.getCandidateGroup(), Resources.FILTER, mine.getId(), Permissions.READ));
        log.info("Identity ready: {} area groups, staff, process owners and monitoring body", all.size());
    }

    /**
     * On Operaton, whose administrator group is {@code operaton-admin}, a database made by Camunda 7 still has its
     * administrators in {@code camunda-admin}: they would lose the engine's administrator rights, and the webapps,
     * seeing no administrator, would send whoever logs in to the first-user setup page, where that user could make
     * themselves administrator. So each member of {@link Groups#CAMUNDA_7_ADMINS} is made a member of
     * {@link Groups#ADMINS}, which gets ALL on every resource, as the starter grants its admin group. Idempotent;
     * nothing to do on Camunda, where the two are one group.
     */
    void keepCamunda7Administrators() {
        if (Groups.ADMINS.equals(Groups.CAMUNDA_7_ADMINS)
                || identityService.createGroupQuery().groupId(Groups.CAMUNDA_7_ADMINS).count() == 0) {
            return;
        }
        group(Groups.ADMINS, "Administradores", "SYSTEM");
        for (Resources resource : Resources.values()) {
            boolean granted = authorizationService.createAuthorizationQuery().groupIdIn(Groups.ADMINS)
                    .resourceType(resource).resourceId(ANY).list().stream()
                    .anyMatch(a -> a.getAuthorizationType() == AUTH_TYPE_GRANT);
            if (!granted) {
                grant(Groups.ADMINS, resource, ANY, Permissions.ALL);
            }
        }
        List<User> admins = identityService.createUserQuery().memberOfGroup(Groups.CAMUNDA_7_ADMINS).list();
        for (User admin : admins) {
            if (identityService.createUserQuery().userId(admin.getId()).memberOfGroup(Groups.ADMINS).count() == 0) {
                identityService.createMembership(admin.getId(), Groups.ADMINS);
                log.info("User {} of {} joins {}", admin.getId(), Groups.CAMUNDA_7_ADMINS, Groups.ADMINS);
            }
        }
    }

    private void group(String id, String name, String type) {
        if (identityService.createGroupQuery().groupId(id).singleResult() == null) {
            Group g = identityService.newGroup(id);
            g.setName(name);
            g.setType(type);
            identityService.saveGroup(g);
        }
    }

    private void grant(String groupId, Resource resource, String resourceId, Permission... permissions) {
        Authorization existing = authorizationService.createAuthorizationQuery().groupIdIn(groupId)
                .resourceType(resource).resourceId(resourceId).list().stream()
                .filter(a -> a.getAuthorizationType() == AUTH_TYPE_GRANT).findFirst().orElse(null);
        Authorization auth = existing != null ? existing : authorizationService.createNewAuthorization(AUTH_TYPE_GRANT);
        auth.setGroupId(groupId);
        auth.setResource(resource);
        auth.setResourceId(resourceId);
        // Exactly these permissions, also where an older version granted more (e.g. ALL).
        auth.setPermissions(permissions);
        authorizationService.saveAuthorization(auth);
    }

    /**
     * Creates a Tasklist filter once (matched by name). With {@code groups} null the filter shows the current user's
     * candidate-group and assigned tasks ({@code ${currentUserGroups()}}); otherwise that group's tasks.
     */
    private Filter filter(String name, int priority, List<String> groups, String readerGroup) {
        Filter existing = filterService.createTaskFilterQuery().filterName(name).singleResult();
        if (existing != null) {
            return existing;
        }
        var query = groups == null
                ? taskService.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}")
                        .includeAssignedTasks().orderByDueDate().asc()
                : taskService.createTaskQuery().taskCandidateGroupIn(groups).includeAssignedTasks().orderByDueDate().asc();
        Filter filter = filterService.newTaskFilter(name).setQuery(query)
                .setProperties(Map.<String, Object>of("priority", priority, "description", name, "refresh", true));
        filterService.saveFilter(filter);
        if (readerGroup != null) {
            grant(readerGroup, Resources.FILTER, filter.getId(), Permissions.READ);
        }
        return filter;
    }
}
