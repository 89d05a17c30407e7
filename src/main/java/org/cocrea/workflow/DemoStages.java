package org.cocrea.workflow;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.cocrea.CocreaApplication;
import org.cocrea.commitment.CommitmentSheet;
import org.cocrea.commitment.CommitmentSheets;
import org.cocrea.kernel.Groups;
import org.cocrea.participant.Contacts;
import org.cocrea.proposal.Channel;
import org.cocrea.proposal.Proposal;
import org.cocrea.proposal.ProposalInput;
import org.cocrea.proposal.Proposals;
import org.cocrea.roundtable.BoardEntry;
import org.cocrea.roundtable.Registration;
import org.cocrea.roundtable.RoundTable;
import org.cocrea.roundtable.RoundTableScheduler;
import org.cocrea.roundtable.RoundTables;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Demo only: drives two earlier co-creation instances of the demo plan through the real processes, the way the demo
 * users would in Tasklist and on the staff and public pages, so that every stage can be seen on the first run. The
 * engine's and the application's clocks ({@link DemoTime}) are moved to the dates where each step happens, so the
 * processes' own rules, timers and due dates apply; nothing is written to a table directly.
 *
 * <ul>
 * <li>1st instance (40 days ago, axes "ambiente" and "datos-abiertos"): four proposals reviewed by the areas, met,
 * answered and the feasible ones prioritised; its "ambiente" round-table was held (three weeks ago, both boards
 * filled, two chosen topics, attendance): one topic's sheet waits in Tasklist ("Completar la ficha de compromiso"),
 * the other's draft circulates for public comments (10 days from now); its "datos-abiertos" round-table is scheduled
 * about two weeks ahead and open for registration.</li>
 * <li>2nd instance (16 days ago, axes "diversidad" and "lenguaje-claro"): closed, answered and prioritised, with no
 * round-table yet: the staff page "Mesas de co-creación de esta convocatoria" can schedule them.</li>
 * <li>{@link #openCallForParticipation()}: the open call for participation to the directory, written by
 * {@code equipo}; its batches are queued by the job executor and its progress is on {@code /staff/mailings/{id}}.</li>
 * </ul>
 * <p>Why one class over 300 lines: it is one demo script, read top to bottom in the order the steps happen (each
 * step needs the clock where the previous one left it and the ids it created); split into classes, the order and the
 * shared clock would have to be passed around and the script could no longer be read as one story. It runs only with
 * {@code cocrea.demo.enabled=true}.
 */
@Component
@ConditionalOnProperty(name = "cocrea.demo.enabled", havingValue = "true")
public class DemoStages {

    /** Title of the held round-table's topic whose sheet waits in Tasklist. */
    public static final String TOPIC_WAITING = "Relevamiento colaborativo del arbolado urbano";
    /** Title of the held round-table's topic whose draft circulates for comments. */
    public static final String TOPIC_CIRCULATING = "Mapa abierto de los espacios verdes y su mantenimiento";
    private static final Logger log = LoggerFactory.getLogger(DemoStages.class);
    private static final ZoneId ZONE = ZoneId.of(CocreaApplication.ZONE);
    private static final String TEAM = "equipo";
    /** Process keys whose jobs the demo runs itself while its clock is in the past. */
    private static final List<String> DRIVEN = List.of(CallForProposalsProcess.KEY, ProposalReviewProcess.KEY,
            RoundTableProcess.KEY, CommitmentDraftingProcess.KEY);

    private final DemoTime time;
    private final ConsultationWorkflow workflow;
    private final RuntimeService runtimeService;
    private final TaskService taskService;
    private final ManagementService managementService;
    private final IdentityService identityService;
    private final Proposals proposals;
    private final RoundTables roundTables;
    private final RoundTableScheduler scheduler;
    private final Contacts contacts;
    private final CommitmentSheets sheets;
    private final String baseUrl;

    DemoStages(DemoTime time, ConsultationWorkflow workflow, RuntimeService runtimeService, TaskService taskService,
            ManagementService managementService, IdentityService identityService, Proposals proposals,
            RoundTables roundTables, RoundTableScheduler scheduler, Contacts contacts, CommitmentSheets sheets,
            @Value("${cocrea.public-base-url}") String baseUrl) {
        this.time = time;
        this.workflow = workflow;
        this.runtimeService = runtimeService;
        this.taskService = taskService;
        this.managementService = managementService;
        this.identityService = identityService;
        this.proposals = proposals;
        this.roundTables = roundTables;
        this.scheduler = scheduler;
        this.contacts = contacts;
        this.sheets = sheets;
        this.baseUrl = baseUrl;
    }

    /** A demo proposal: axis, submitter type, organisation, name, e-mail, title, description, area verdict. */
    private record Demo(String axis, String type, String organization, String name, String email, String title,
            String description, String verdict, String reasoning) {
    }

    /**
     * Runs both earlier instances, then brings the clocks back to the present, schedules the "datos-abiertos"
     * round-table two weeks ahead and circulates one draft. Call it once, on the first demo start, before the demo's
     * open call is started (only one call may accept proposals at a time).
     *
     * @param actionPlan the demo action plan id
     * @throws IllegalStateException when a step the processes should have reached is missing
     */
    public void earlierInstances(String actionPlan) {
        Instant now = time.realNow();
        long firstCall;
        long secondCall;
        try {
            firstCall = firstInstance(actionPlan, now.minus(Duration.ofDays(40)).truncatedTo(ChronoUnit.HOURS));
            secondCall = consultation(actionPlan, "Consulta pública — 2.ª instancia de co-creación (demo)",
                    List.of("diversidad", "lenguaje-claro"), now.minus(Duration.ofDays(16)).truncatedTo(ChronoUnit.HOURS),
                    List.of(new Demo("diversidad", "osc-tematica", "Colectivo Diversidad Ejemplo", "Camila Ortiz",
                                    "camila.ortiz@example.org", "Formularios de la Ciudad con identidad de género autopercibida",
                                    "Revisar los formularios de trámites para que respeten la identidad de género autopercibida.",
                                    "feasible", "El área ya revisa los formularios; se puede publicar el avance."),
                            new Demo("lenguaje-claro", "academia", "Universidad Ejemplo (Letras)", "Julián Paz",
                                    "julian.paz@example.org", "Guía de lenguaje claro para resoluciones",
                                    "Una guía y un curso para redactar resoluciones en lenguaje claro.", "feasible",
                                    "La Secretaría Legal y Técnica puede coordinarlo con la universidad.")));
        } finally {
            time.backToPresent();
        }
        RoundTable upcoming = scheduleUpcoming(firstCall, "datos-abiertos");
        long draft = circulate(firstCall);
        log.info("Demo stages: calls {} and {} closed and prioritised; round-table {} held, round-table {} open for "
                + "registration on {}, draft {} open for comments", firstCall, secondCall,
                roundTables.ofCall(firstCall).get(0).getId(), upcoming.getId(), upcoming.getStartsAt(), draft);
    }

    private long firstInstance(String actionPlan, Instant start) {
        long callId = consultation(actionPlan, "Consulta pública — 1.ª instancia de co-creación (demo)",
                List.of("ambiente", "datos-abiertos"), start, List.of(
                        new Demo("ambiente", "osc-territorial", "Red de Arbolado Urbano", "Lucía Fernández",
                                "lucia.fernandez@example.org", "Inventario abierto del arbolado de los barrios del sur",
                                "Relevar con vecinas, vecinos y escuelas el arbolado de las comunas del sur y publicarlo.",
                                "feasible", "El área puede coordinar el relevamiento y publicar el inventario."),
                        new Demo("ambiente", "academia", "Universidad (Facultad de Agronomía)", "Martín Gómez",
                                "martin.gomez@example.org", "Mapa de los espacios verdes y su mantenimiento",
                                "Publicar el estado y el calendario de mantenimiento de plazas y parques.",
                                "partially-feasible", "Viable para plazas; los parques dependen de otros contratos."),
                        new Demo("datos-abiertos", "osc-tematica", "Datos Abiertos Ciudadanos (ejemplo)", "Paula Rey",
                                "paula.rey@example.org", "Calendario público de los datos que se van a abrir",
                                "Publicar qué conjuntos de datos se abrirán y cuándo, con el avance de cada uno.",
                                "feasible", "El portal de datos puede publicar el calendario y su avance."),
                        new Demo("datos-abiertos", "ciudadania", null, "Hernán Sosa", "hernan.sosa@example.org",
                                "Una aplicación distinta para cada conjunto de datos",
                                "Desarrollar una aplicación móvil propia para cada conjunto de datos publicado.",
                                "not-feasible", "Las aplicaciones por conjunto no son sostenibles; los datos ya se "
                                        + "publican en formatos abiertos para que cualquiera las desarrolle.")));

        // Staff ask for the round-tables of the prioritised axes (staff page "Mesas de co-creación").
        time.travelTo(start.plus(Duration.ofDays(4)));
        roundTables.requestForCall(callId);
        Instant infoMeeting = start.plus(Duration.ofDays(9)).atZone(ZONE).withHour(18).toInstant();
        for (String axis : List.of("ambiente", "datos-abiertos")) {
            Task choose = task(RoundTableProcess.TASK_CHOOSE_ORGANIZATIONS, RoundTableProcess.businessKey(callId, axis));
            List<String> invited = contacts.suggestOrganizations(axis).stream()
                    .map(s -> String.valueOf(s.organizationId())).toList();
            complete(TEAM, choose, Variables.createVariables()
                    .putValue(RoundTableProcess.INVITED_ORGANIZATIONS, json(invited))
                    .putValue(RoundTableProcess.INFO_MEETING_AT, local(infoMeeting))
                    .putValue(RoundTableProcess.INFO_MEETING_LINK, "https://meet.example.org/informativa-" + axis));
        }
        runDueJobs();
        // The "ambiente" round-table is confirmed on the proposed date (at least 14 days ahead, a working day).
        String key = RoundTableProcess.businessKey(callId, "ambiente");
        Task confirm = task(RoundTableProcess.TASK_CONFIRM_DATE, key);
        long id = RoundTableProcess.ROUND_TABLE_ID_VAR.required(taskService, confirm.getId());
        complete(TEAM, confirm, Variables.createVariables()
                .putValue(RoundTableProcess.STARTS_AT, taskService.getVariable(confirm.getId(), RoundTableProcess.STARTS_AT))
                .putValue(RoundTableProcess.DURATION_MINUTES, 120)
                .putValue(RoundTableProcess.MEETING_LINK, "https://meet.example.org/mesa-ambiente")
                .putValue(RoundTableProcess.CAPACITY, 40));
        runDueJobs();

        // People register on the public page.
        time.travelTo(start.plus(Duration.ofDays(6)));
        roundTables.register(id, "Lucía Fernández", "lucia.fernandez@example.org", "Red de Arbolado Urbano",
                "osc-territorial", true);
        roundTables.register(id, "Martín Gómez", "martin.gomez@example.org", "Universidad (Facultad de Agronomía)",
                "academia", true);
        roundTables.register(id, "Sofía Benítez", "sofia.benitez@example.org", "Escuela Técnica Ejemplo",
                "sector-publico", true, "es");

        // The reminders go out and the meeting starts (the round-table's timers), then phases 1 and 2 and attendance.
        time.travelTo(roundTables.get(id).getStartsAt().plus(Duration.ofMinutes(1)));
        runDueJobs();
        roundTables.addEntry(id, BoardEntry.Board.QUESTIONS, null, "¿Cómo se van a elegir las comunas del relevamiento?",
                "Red de Arbolado Urbano");
        roundTables.addEntry(id, BoardEntry.Board.QUESTIONS, null, "¿Las escuelas pueden sumarse con sus estudiantes?",
                "Escuela Técnica Ejemplo");
        roundTables.addEntry(id, BoardEntry.Board.QUESTIONS, null, "¿Con qué frecuencia se actualizaría el mapa?", "");
        complete(TEAM, task(RoundTableProcess.TASK_PHASE_1, key), Map.of(RoundTableProcess.PRESENTATION,
                "La Dirección General de Restauración Ecológica presentó las dos propuestas priorizadas del eje y "
                        + "respondió las preguntas del tablero."));
        commitmentBoard(id, "public-problem", "No existe un inventario actualizado y abierto del arbolado de los barrios "
                + "del sur.", "Red de Arbolado Urbano");
        commitmentBoard(id, "status-quo", "Los reclamos por poda y reemplazo se gestionan caso a caso, sin datos "
                + "públicos.", "Universidad (Facultad de Agronomía)");
        commitmentBoard(id, "solution-ideas", "Un relevamiento colaborativo con vecinas, vecinos y escuelas, publicado "
                + "como datos abiertos y actualizado cada año.", "Red de Arbolado Urbano");
        commitmentBoard(id, "milestones", "Metodología de relevamiento acordada con organizaciones", "");
        commitmentBoard(id, "milestones", "Jornadas de relevamiento en tres comunas", "");
        commitmentBoard(id, "milestones", "Publicación del inventario en el portal de datos abiertos", "");
        commitmentBoard(id, "stakeholders", "Dirección General de Restauración Ecológica; Red de Arbolado Urbano; "
                + "escuelas", "");
        complete(TEAM, task(RoundTableProcess.TASK_PHASE_2, key),
                Map.of(RoundTableProcess.CHOSEN_TOPICS, TOPIC_WAITING + "\n" + TOPIC_CIRCULATING));
        List<String> attended = roundTables.registrations(id).stream()
                .filter(r -> r.getStatus() == Registration.Status.REGISTERED).limit(2)
                .map(r -> String.valueOf(r.getId())).toList();
        complete(TEAM, task(RoundTableProcess.TASK_ATTENDANCE, key), Map.of(RoundTableProcess.ATTENDEES, json(attended)));
        runDueJobs();
        return callId;
    }

    /**
     * One call of Stage 1 from opening to prioritisation: proposals sent, reviewed by the areas' demo users, the call
     * closes at its timer, the team meets each area, every reasoned response is sent and every feasible proposal is
     * prioritised (so no later call carries one over).
     */
    private long consultation(String actionPlan, String title, List<String> axes, Instant start, List<Demo> demos) {
        time.travelTo(start);
        String instance = workflow.startCall(actionPlan, title, axes, start, start.plus(Duration.ofDays(3)));
        long callId = CallForProposalsProcess.CALL_ID_VAR.required(runtimeService, instance);

        time.travelTo(start.plus(Duration.ofHours(2)));
        List<Proposal> sent = new ArrayList<>();
        for (Demo d : demos) {
            sent.add(proposals.submit(new ProposalInput(d.title(), d.description(), d.axis(), d.type(), d.organization(),
                    d.name(), d.email(), true, "es", null), Channel.WEB));
        }
        time.travelTo(start.plus(Duration.ofDays(1)));
        for (int i = 0; i < sent.size(); i++) {
            Task review = task(ProposalReviewProcess.TASK_REVIEW, sent.get(i).getTrackingCode());
            String group = taskService.getIdentityLinksForTask(review.getId()).stream().map(IdentityLink::getGroupId)
                    .filter(g -> Groups.isArea(g)).findFirst().orElseThrow();
            Demo d = demos.get(i);
            complete(Groups.areaCode(group), review, Variables.createVariables()
                    .putValue(ProposalReviewProcess.VERDICT, d.verdict())
                    .putValue(ProposalReviewProcess.REASONING, d.reasoning())
                    .putValue(ProposalReviewProcess.WILLING_TO_CO_CREATE, !"not-feasible".equals(d.verdict()))
                    .putValue(ProposalReviewProcess.CONTACT_PERSON, "Referente del área (demo)"));
        }

        time.travelTo(start.plus(Duration.ofDays(3)).plus(Duration.ofMinutes(1)));
        runDueJobs();
        Instant meeting = lastElevenOClock(start.plus(Duration.ofDays(3)).plus(Duration.ofMinutes(1)));
        for (Task t : taskService.createTaskQuery().processInstanceId(instance)
                .taskDefinitionKey(CallForProposalsProcess.TASK_RECORD_MEETING).list()) {
            complete(TEAM, t, Variables.createVariables()
                    .putValue(CallForProposalsProcess.MEETING_DATE, OffsetDateTime.ofInstant(meeting, ZONE).toString())
                    .putValue(CallForProposalsProcess.MEETING_ATTENDEES, "Equipo de Gobierno Abierto; referentes del área")
                    .putValue(CallForProposalsProcess.MEETING_OUTCOME,
                            "Se acordaron las respuestas fundamentadas y la participación del área en las mesas."));
        }
        for (Proposal p : sent) {
            Task response = task(ProposalReviewProcess.TASK_REVIEW_RESPONSE, p.getTrackingCode());
            complete(TEAM, response, Map.of(ProposalReviewProcess.RESPONSE_TEXT,
                    taskService.getVariable(response.getId(), ProposalReviewProcess.RESPONSE_TEXT)));
        }
        runDueJobs();
        List<String> feasible = proposals.feasibleByAxis(callId).values().stream().flatMap(List::stream)
                .map(p -> String.valueOf(p.getId())).toList();
        Task prioritise = taskService.createTaskQuery().processInstanceId(instance)
                .taskDefinitionKey(CallForProposalsProcess.TASK_PRIORITISE).singleResult();
        if (prioritise == null) {
            throw new IllegalStateException("Demo: the call " + callId + " did not reach its prioritisation");
        }
        complete(TEAM, prioritise, Map.of(CallForProposalsProcess.PRIORITISED_PROPOSALS, json(feasible)));
        return callId;
    }

    /**
     * When the demo's feasibility meeting was held: 11:00 in Buenos Aires on the last day whose 11:00 is not after the
     * given instant (that day, or the day before when the demo loads before 11:00). A meeting in the future is refused
     * ({@code FeasibilityMeetings.record}), so a fixed "11:00 of day 3" failed whenever the demo loaded between midnight
     * and 10:00 in Buenos Aires.
     *
     * @param recordedAt when the meeting is recorded (the demo clock's "now")
     * @return the meeting's instant, at most {@code recordedAt}
     */
    static Instant lastElevenOClock(Instant recordedAt) {
        ZonedDateTime eleven = recordedAt.atZone(ZONE).truncatedTo(ChronoUnit.DAYS).withHour(11);
        return (eleven.toInstant().isAfter(recordedAt) ? eleven.minusDays(1) : eleven).toInstant();
    }

    /** In the present: staff confirm the axis's round-table on the first acceptable date (two weeks ahead). */
    private RoundTable scheduleUpcoming(long callId, String axis) {
        Task confirm = task(RoundTableProcess.TASK_CONFIRM_DATE, RoundTableProcess.businessKey(callId, axis));
        long id = RoundTableProcess.ROUND_TABLE_ID_VAR.required(taskService, confirm.getId());
        RoundTable table = roundTables.get(id);
        List<RoundTableScheduler.Slot> taken = roundTables.ofCall(callId).stream()
                .filter(t -> t.getId() != id && t.getStartsAt() != null)
                .map(t -> new RoundTableScheduler.Slot(t.getStartsAt(), t.getEndsAt())).toList();
        Instant startsAt = scheduler.propose(Duration.ofMinutes(table.getDurationMinutes()), taken);
        complete(TEAM, confirm, Variables.createVariables()
                .putValue(RoundTableProcess.STARTS_AT, local(startsAt))
                .putValue(RoundTableProcess.DURATION_MINUTES, table.getDurationMinutes())
                .putValue(RoundTableProcess.MEETING_LINK, "https://meet.example.org/mesa-" + axis)
                .putValue(RoundTableProcess.CAPACITY, 30));
        runDueJobs();
        return roundTables.get(id);
    }

    /** In the present: staff complete one chosen topic's sheet and it circulates for comments (its window). */
    private long circulate(long callId) {
        Task sheetTask = null;
        long id = -1;
        for (Task t : taskService.createTaskQuery().taskDefinitionKey(CommitmentDraftingProcess.TASK_COMPLETE_SHEET)
                .list()) {
            long commitmentId = CommitmentDraftingProcess.COMMITMENT_ID_VAR.required(taskService, t.getId());
            if (TOPIC_CIRCULATING.equals(sheets.sheet(commitmentId).titleEs())) {
                sheetTask = t;
                id = commitmentId;
            }
        }
        if (sheetTask == null) {
            throw new IllegalStateException("Demo: no sheet for the topic " + TOPIC_CIRCULATING + " of call " + callId);
        }
        CommitmentSheet prefilled = sheets.sheet(id);
        LocalDate begin = LocalDate.now(time).withDayOfMonth(1).plusMonths(1);
        LocalDate end = begin.plusMonths(12).minusDays(1);
        sheets.save(id, new CommitmentSheet(TOPIC_CIRCULATING, "Open map of green spaces and their upkeep",
                Groups.ofArea("ambiente"), null, "Universidad (Facultad de Agronomía); Red de Arbolado Urbano", begin, end,
                "Los vecinos no saben cuándo se mantienen las plazas de su barrio: no hay datos públicos del estado "
                        + "ni del calendario de mantenimiento (línea de base: 0 de 1.500 plazas con datos abiertos).",
                prefilled.statusQuo(),
                "Publicar el estado y el calendario de mantenimiento de las plazas como datos abiertos y en un mapa, "
                        + "con un canal para que los vecinos informen problemas.",
                "Que cualquier persona conozca el estado y el mantenimiento de los espacios verdes de su barrio.",
                "Da información para controlar el servicio y abre un canal de participación.",
                List.of("access-to-information", "civic-participation"), "",
                "Dirección General de Restauración Ecológica — ambiente@demo.cocrea.local",
                List.of(new CommitmentSheet.MilestoneInput("Conjunto de datos del estado de las plazas", begin,
                                begin.plusMonths(4).minusDays(1), "Dirección General de Restauración Ecológica"),
                        new CommitmentSheet.MilestoneInput("Mapa público con el calendario de mantenimiento",
                                begin.plusMonths(4), begin.plusMonths(8).minusDays(1), "Datos abiertos"),
                        new CommitmentSheet.MilestoneInput("Informe de avance con las organizaciones de la mesa",
                                begin.plusMonths(8), end, "Dirección General de Restauración Ecológica"))),
                TEAM, "Ficha completada con lo trabajado en la mesa (demo)");
        complete(TEAM, sheetTask, Map.of("sheetReady", true));
        return id;
    }

    /**
     * Starts the open call for participation (Tasklist: "Convocatoria abierta a participar") and {@code equipo} writes
     * it; the job executor then queues its batches for every consenting subscriber of the directory.
     *
     * @return the call-for-participation process instance id
     */
    public String openCallForParticipation() {
        String instance = runtimeService.startProcessInstanceByKey(CallForParticipationProcess.KEY).getId();
        Task write = taskService.createTaskQuery().processInstanceId(instance)
                .taskDefinitionKey(CallForParticipationProcess.TASK_WRITE).singleResult();
        complete(TEAM, write, Variables.createVariables()
                .putValue(CallForParticipationProcess.SUBJECT_ES, "Participá en las mesas de co-creación del plan de "
                        + "Gobierno Abierto")
                .putValue(CallForParticipationProcess.BODY_ES, "Te invitamos a las mesas de co-creación del 3.er Plan "
                        + "de Acción de Gobierno Abierto de la Ciudad. Elegí una mesa y anotate en su página.")
                .putValue(CallForParticipationProcess.SUBJECT_EN, "Take part in the Open Government co-creation "
                        + "round-tables")
                .putValue(CallForParticipationProcess.BODY_EN, "Join the co-creation round-tables of the City's 3rd "
                        + "Open Government Action Plan. Pick a round-table and register on its page.")
                .putValue(CallForParticipationProcess.TOPIC, "")
                .putValue(CallForParticipationProcess.LINK, baseUrl + "/round-tables"));
        return instance;
    }

    /**
     * Demo staff action "close the comment window now": fires the draft's timer {@code Timer_CommentWindowClosed}
     * (10 days in {@code commitment-drafting.bpmn}) at once, as if its deadline had passed; the process then closes
     * the comments and goes on to consolidation, or to validation when nobody commented.
     *
     * @param commitmentId the circulating draft's id
     * @return false when the draft has no open comment window (not circulating, or already closed)
     */
    public boolean closeCommentWindowNow(long commitmentId) {
        String businessKey = CommitmentDraftingProcess.businessKey(commitmentId);
        List<Job> timers = new ArrayList<>();
        runtimeService.createProcessInstanceQuery().processDefinitionKey(CommitmentDraftingProcess.KEY)
                .processInstanceBusinessKey(businessKey).list()
                .forEach(pi -> timers.addAll(managementService.createJobQuery().processInstanceId(pi.getId())
                        .activityId(CommitmentDraftingProcess.TIMER_WINDOW_CLOSED).list()));
        timers.forEach(j -> managementService.executeJob(j.getId()));
        log.info("Demo: comment window of draft {} closed now by staff ({} timer)", commitmentId, timers.size());
        return !timers.isEmpty();
    }

    private void commitmentBoard(long id, String question, String text, String organization) {
        roundTables.addEntry(id, BoardEntry.Board.COMMITMENT, question, text, organization);
    }

    /** The task a user would open in Tasklist, by its definition key and its process instance's business key. */
    private Task task(String key, String businessKey) {
        Task t = taskService.createTaskQuery().taskDefinitionKey(key).processInstanceBusinessKey(businessKey)
                .singleResult();
        if (t == null) {
            throw new IllegalStateException("Demo: no task " + key + " for " + businessKey);
        }
        return t;
    }

    /** Claims and completes the task as the demo user (with the user's groups), as Tasklist does. */
    private void complete(String userId, Task task, Map<String, Object> variables) {
        List<String> groups = identityService.createGroupQuery().groupMember(userId).list().stream()
                .map(Group::getId).toList();
        identityService.setAuthentication(userId, groups);
        try {
            taskService.claim(task.getId(), userId);
            taskService.complete(task.getId(), variables);
        } finally {
            identityService.clearAuthentication();
        }
    }

    /** The job executor's work, due at the demo's "now", for the processes the demo drives (timers, async steps). */
    private void runDueJobs() {
        for (int round = 0; round < 100; round++) {
            List<Job> due = new ArrayList<>();
            for (String key : DRIVEN) {
                due.addAll(managementService.createJobQuery().processDefinitionKey(key).executable().list());
            }
            if (due.isEmpty()) {
                return;
            }
            due.forEach(j -> managementService.executeJob(j.getId()));
        }
        throw new IllegalStateException("Demo: jobs keep coming");
    }

    private static String local(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZONE).toString();
    }

    private static Object json(List<String> values) {
        return Variables.objectValue(new ArrayList<>(values)).serializationDataFormat("application/json").create();
    }
}
