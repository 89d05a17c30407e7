package org.cocrea.roundtable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.cocrea.kernel.InputRefusedException;
import org.cocrea.proposal.Channel;
import org.cocrea.proposal.Proposal;
import org.cocrea.proposal.ProposalInput;
import org.cocrea.proposal.Proposals;
import org.cocrea.support.CocreaIntegrationTest;
import org.cocrea.support.TestFixtures;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Registration, the staff page, the boards and the participation figures of round-tables, on PostgreSQL. Round-tables
 * are created and confirmed directly through {@link RoundTables} (no process instance) on the first slot
 * {@link RoundTableScheduler#propose} gives; the public and staff pages are driven through MockMvc.
 */
@CocreaIntegrationTest
class RoundTableRegistrationTests {

    private static final String LINK = "https://meet.example.org/ambiente";
    private static final RequestPostProcessor STAFF = user("equipo")
            .authorities(new SimpleGrantedAuthority("GROUP_og-team"));
    private static final RequestPostProcessor AREA_USER = user("area")
            .authorities(new SimpleGrantedAuthority("GROUP_area-ambiente"));

    @Autowired
    TestFixtures fixtures;
    @Autowired
    RoundTables roundTables;
    @Autowired
    RoundTableScheduler scheduler;
    @Autowired
    Proposals proposals;
    @Autowired
    MockMvc mvc;

    long callId;

    @BeforeEach
    void openCall() {
        fixtures.reset();
        fixtures.openCall(Duration.ofDays(3));
        callId = fixtures.openCallId();
    }

    /** A PROPOSED round-table of the axis. */
    private RoundTable proposedTable(String axis) {
        return roundTables.create(callId, axis, null);
    }

    /** A SCHEDULED round-table of {@code ambiente} on the first acceptable slot, with the given seats. */
    private long scheduledTable(int capacity) {
        long id = proposedTable("ambiente").getId();
        Instant before = Instant.now();
        Instant start = scheduler.propose(Duration.ofHours(2), List.of());
        assertThat(start).isAfterOrEqualTo(before.plus(Duration.ofDays(14)));
        roundTables.confirm(id, start, 120, LINK, capacity);
        return id;
    }

    private Registration register(long id, String who) {
        return roundTables.register(id, "Persona " + who, who + "@participa.example.org", "Org " + who, "academia",
                true);
    }

    private static MockHttpServletRequestBuilder registration(long id, String name, String email, String organization,
            String type, String consent) {
        MockHttpServletRequestBuilder request = post("/round-tables/" + id + "/register").with(csrf())
                .param("name", name).param("email", email).param("organization", organization)
                .param("organizationType", type);
        return consent == null ? request : request.param("consent", consent);
    }

    private long mails() {
        return fixtures.jdbc().queryForObject("select count(*) from mail_outbox", Long.class);
    }

    private List<Map<String, Object>> mailsTo(String recipient) {
        return fixtures.jdbc().queryForList("select kind, subject, attachment_name, attachment_type, attachment_content "
                + "from mail_outbox where recipient = ? order by id", recipient);
    }

    private static VEvent event(Object ics, String method) throws Exception {
        Calendar calendar = new CalendarBuilder().build(new StringReader((String) ics));
        assertThat(calendar.getProperty(Property.METHOD).orElseThrow().getValue()).isEqualTo(method);
        return (VEvent) calendar.getComponent(Component.VEVENT).orElseThrow();
    }

    private static List<String> statuses(List<Registration> registrations) {
        return registrations.stream().map(r -> r.getStatus().name()).toList();
    }

    // --- capacity and waiting list ---------------------------------------------------------------------------

    @Test
    void seatsFillUpThenTheWaitingListTakesOver() throws Exception {
        long id = scheduledTable(2);

        for (String who : List.of("uno", "dos", "tres", "cuatro")) {
            mvc.perform(registration(id, "Persona " + who, who + "@participa.example.org", "Org " + who, "academia",
                    "true")).andExpect(status().isOk());
        }

        assertThat(statuses(roundTables.registrations(id))).containsExactly("REGISTERED", "REGISTERED", "WAITLISTED",
                "WAITLISTED");
        // seated people get the calendar invitation, the waiting list does not
        List<Map<String, Object>> seated = mailsTo("uno@participa.example.org");
        assertThat(seated).singleElement().satisfies(m -> {
            assertThat(m.get("kind")).isEqualTo("round-table-registration");
            assertThat((String) m.get("attachment_name")).endsWith(".ics");
            assertThat((String) m.get("attachment_type")).contains("method=REQUEST");
        });
        VEvent invitation = event(seated.get(0).get("attachment_content"), "REQUEST");
        assertThat(invitation.getUid().orElseThrow().getValue()).isEqualTo(roundTables.get(id).getIcalUid());
        assertThat(mailsTo("tres@participa.example.org")).singleElement().satisfies(m -> {
            assertThat(m.get("kind")).isEqualTo("round-table-registration");
            assertThat((String) m.get("subject")).startsWith("Lista de espera");
            assertThat(m.get("attachment_name")).isNull();
        });
        mvc.perform(get("/round-tables/" + id)).andExpect(status().isOk())
                .andExpect(content().string(containsString("Lugares ocupados: 2 de 2")));
    }

    @Test
    void waitlistedRegistrationIsToldSo() throws Exception {
        long id = scheduledTable(1);
        register(id, "uno");

        mvc.perform(registration(id, "Persona dos", "dos@participa.example.org", "", "ciudadania", "true"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("quedaste en la lista de espera")));
    }

    @Test
    void withdrawingASeatGivesItToTheFirstOnTheWaitingListWithTheInvitation() throws Exception {
        long id = scheduledTable(1);
        Registration first = register(id, "uno");
        Registration second = register(id, "dos");
        register(id, "tres");
        assertThat(mailsTo("dos@participa.example.org")).singleElement()
                .satisfies(m -> assertThat(m.get("attachment_name")).isNull());

        mvc.perform(post("/staff/round-tables/" + id + "/registrations/" + first.getId() + "/withdraw").with(csrf())
                .with(STAFF)).andExpect(redirectedUrl("/staff/round-tables/" + id));

        assertThat(statuses(roundTables.registrations(id))).containsExactly("CANCELLED", "REGISTERED", "WAITLISTED");
        List<Map<String, Object>> toSecond = mailsTo(second.getEmail());
        assertThat(toSecond).hasSize(2);
        Map<String, Object> seatMail = toSecond.get(1);
        assertThat(seatMail.get("kind")).isEqualTo("round-table-registration");
        assertThat((String) seatMail.get("subject")).startsWith("Inscripción confirmada");
        assertThat((String) seatMail.get("attachment_name")).endsWith(".ics");
        assertThat(event(seatMail.get("attachment_content"), "REQUEST").getUid().orElseThrow().getValue())
                .isEqualTo(roundTables.get(id).getIcalUid());
        assertThat(mailsTo("tres@participa.example.org")).hasSize(1);
    }

    @Test
    void whoWithdrewAndRegisteredAgainQueuesBehindThoseAlreadyWaiting() {
        long id = scheduledTable(1);
        Registration seated = register(id, "uno");
        Registration again = register(id, "dos");
        roundTables.withdraw(again.getId());
        register(id, "tres");
        register(id, "dos");

        roundTables.withdraw(seated.getId());

        assertThat(roundTables.registrations(id).stream().filter(r -> r.getStatus() == Registration.Status.REGISTERED)
                .map(Registration::getEmail)).containsExactly("tres@participa.example.org");
    }

    @Test
    void withdrawingFromTheWaitingListGivesNoSeat() {
        long id = scheduledTable(1);
        register(id, "uno");
        Registration waiting = register(id, "dos");
        register(id, "tres");
        long before = mails();

        roundTables.withdraw(waiting.getId());

        assertThat(statuses(roundTables.registrations(id))).containsExactly("REGISTERED", "CANCELLED", "WAITLISTED");
        assertThat(mails()).isEqualTo(before);
    }

    @Test
    void withdrawingARegistrationOfAnotherTableIsNotFound() throws Exception {
        long id = scheduledTable(5);
        Registration r = register(id, "uno");
        long other = proposedTable("diversidad").getId();

        mvc.perform(post("/staff/round-tables/" + other + "/registrations/" + r.getId() + "/withdraw").with(csrf())
                .with(STAFF)).andExpect(status().isNotFound());

        assertThat(statuses(roundTables.registrations(id))).containsExactly("REGISTERED");
    }

    @Test
    void withdrawingFromACancelledTableInvitesNobody() throws Exception {
        long id = scheduledTable(1);
        Registration first = register(id, "uno");
        Registration second = register(id, "dos");
        roundTables.cancel(id);
        long before = mails();

        mvc.perform(post("/staff/round-tables/" + id + "/registrations/" + first.getId() + "/withdraw").with(csrf())
                .with(STAFF)).andExpect(status().is3xxRedirection());

        assertThat(roundTables.registrations(id)).filteredOn(r -> r.getId().equals(second.getId()))
                .extracting(r -> r.getStatus().name()).containsExactly("WAITLISTED");
        assertThat(mails()).as("no invitation to a cancelled meeting").isEqualTo(before);
    }

    // --- refusals ----------------------------------------------------------------------------------------------

    @Test
    void sameEmailInAnyCaseIsRefused() throws Exception {
        long id = scheduledTable(10);
        roundTables.register(id, "Ana Pérez", "Ana.Perez@Example.org", "", "ciudadania", true);
        long before = mails();

        InputRefusedException refusal = catchThrowableOfType(InputRefusedException.class,
                () -> roundTables.register(id, "Ana", " ana.perez@example.ORG ", "", "ciudadania", true));

        assertThat(RoundTableRefusals.shown(refusal)).containsExactly("email: duplicate");
        mvc.perform(registration(id, "Ana", "ANA.PEREZ@EXAMPLE.ORG", "", "ciudadania", "true"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Ese correo ya está inscripto en esta mesa.")));
        assertThat(roundTables.registrations(id)).hasSize(1);
        assertThat(mails()).isEqualTo(before);
    }

    @Test
    void withdrawnPersonCanRegisterAgain() {
        long id = scheduledTable(10);
        Registration r = register(id, "uno");
        roundTables.withdraw(r.getId());

        Registration again = register(id, "uno");

        assertThat(again.getStatus()).isEqualTo(Registration.Status.REGISTERED);
    }

    @Test
    void proposedTableIsClosedForRegistration() {
        long id = proposedTable("ambiente").getId();

        assertThat(RoundTableRefusals.shown(catchThrowableOfType(InputRefusedException.class, () -> register(id, "uno"))))
                .containsExactly("registration: closed");
        assertThat(roundTables.registrations(id)).isEmpty();
    }

    @Test
    void cancelledTableIsClosedForRegistration() throws Exception {
        long id = scheduledTable(10);
        roundTables.cancel(id);

        assertThat(RoundTableRefusals.shown(catchThrowableOfType(InputRefusedException.class, () -> register(id, "uno"))))
                .containsExactly("registration: closed");
        mvc.perform(registration(id, "Persona", "p@participa.example.org", "", "ciudadania", "true"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("La inscripción de esta mesa está cerrada.")));
        assertThat(roundTables.registrations(id)).isEmpty();
    }

    @Test
    void startedTableIsClosedForRegistration() throws Exception {
        long id = scheduledTable(10);
        fixtures.jdbc().update("update round_table set starts_at = ? where id = ?",
                Timestamp.from(Instant.now().minus(Duration.ofMinutes(5))), id);

        assertThat(RoundTableRefusals.shown(catchThrowableOfType(InputRefusedException.class, () -> register(id, "uno"))))
                .containsExactly("registration: closed");
        mvc.perform(registration(id, "Persona", "p@participa.example.org", "", "ciudadania", "true"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("La inscripción de esta mesa está cerrada.")));
        assertThat(roundTables.registrations(id)).isEmpty();
        assertThat(mails()).isZero();
    }

    @Test
    void heldTableIsClosedForRegistration() {
        long id = scheduledTable(10);
        roundTables.markHeld(id);

        assertThat(RoundTableRefusals.shown(catchThrowableOfType(InputRefusedException.class, () -> register(id, "uno"))))
                .containsExactly("registration: closed");
    }

    @Test
    void eachBadFieldIsRefusedWithItsReasonAndNothingIsStored() throws Exception {
        long id = scheduledTable(10);
        String ok = "ok@participa.example.org";
        record Case(String name, String email, String organization, String type, String consent, String message) {
        }
        List<Case> cases = List.of(
                new Case("", ok, "", "academia", "true", "Completá tu nombre."),
                new Case("   ", ok, "", "academia", "true", "Completá tu nombre."),
                new Case("N".repeat(151), ok, "", "academia", "true", "El nombre es demasiado largo"),
                new Case("Ana", "", "", "academia", "true", "El correo no es válido."),
                new Case("Ana", "ana@", "", "academia", "true", "El correo no es válido."),
                new Case("Ana", "ana en example.org", "", "academia", "true", "El correo no es válido."),
                new Case("Ana", ok, "O".repeat(201), "academia", "true", "La organización es demasiado larga."),
                new Case("Ana", ok, "", "", "true", "Elegí el tipo de organización."),
                new Case("Ana", ok, "", "gobierno-nacional", "true", "Elegí el tipo de organización."),
                new Case("Ana", ok, "", "academia", null, "Tenés que aceptar el uso de tus datos."),
                new Case("Ana", ok, "", "academia", "false", "Tenés que aceptar el uso de tus datos."));
        for (Case c : cases) {
            mvc.perform(registration(id, c.name(), c.email(), c.organization(), c.type(), c.consent()))
                    .andExpect(status().isOk())
                    .andExpect(content().string(containsString("id=\"errors\"")))
                    .andExpect(content().string(containsString(c.message())))
                    .andExpect(content().string(not(containsString("id=\"registered\""))));
        }

        assertThat(roundTables.registrations(id)).isEmpty();
        assertThat(mails()).isZero();
    }

    @Test
    void refusedFormKeepsWhatWasTypedEscaped() throws Exception {
        long id = scheduledTable(10);

        mvc.perform(registration(id, "Ana \"<b>\"", "ana@participa.example.org", "Red <i>Verde</i>", "academia", null))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("value=\"Ana &quot;&lt;b&gt;&quot;\"")))
                .andExpect(content().string(containsString("value=\"ana@participa.example.org\"")))
                .andExpect(content().string(not(containsString("<i>Verde</i>"))))
                .andExpect(content().string(Matchers.matchesPattern(
                        "(?s).*value=\"academia\"[^>]*selected.*")))
                // the missing consent is announced and tied to the checkbox
                .andExpect(content().string(containsString("role=\"alert\"")))
                .andExpect(content().string(Matchers.matchesPattern(
                        "(?s).*id=\"consent\"[^>]*aria-invalid=\"true\"[^>]*aria-describedby=\"consent-error\".*")))
                .andExpect(content().string(containsString("id=\"consent-error\"")));
        assertThat(roundTables.registrations(id)).isEmpty();
    }

    @Test
    void everyReasonIsGivenAtOnce() {
        long id = scheduledTable(10);

        InputRefusedException refusal = catchThrowableOfType(InputRefusedException.class,
                () -> roundTables.register(id, "", "no", "", "x", false));

        assertThat(RoundTableRefusals.shown(refusal)).containsExactly("name: required", "email: email",
                "organizationType: organizationType", "consent: consent");
    }

    // --- pages -------------------------------------------------------------------------------------------------

    @Test
    void htmlInANameIsEscapedOnTheStaffPage() throws Exception {
        long id = scheduledTable(10);
        roundTables.register(id, "<script>alert('x')</script>Ana", "ana@participa.example.org",
                "<img src=x onerror=alert(1)>", "academia", true);

        mvc.perform(get("/staff/round-tables/" + id).with(STAFF)).andExpect(status().isOk())
                .andExpect(content().string(containsString("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;Ana")))
                .andExpect(content().string(containsString("&lt;img src=x onerror=alert(1)&gt;")))
                .andExpect(content().string(not(containsString("<script>alert"))))
                .andExpect(content().string(not(containsString("<img src=x"))));
    }

    @Test
    void proposedTableHasNoPublicPage() throws Exception {
        long proposed = proposedTable("ambiente").getId();
        long scheduled = scheduledTableOf("diversidad");

        mvc.perform(get("/round-tables/" + proposed)).andExpect(status().isNotFound());
        mvc.perform(get("/round-tables/" + scheduled)).andExpect(status().isOk());
        mvc.perform(get("/round-tables")).andExpect(status().isOk())
                .andExpect(content().string(containsString("/round-tables/" + scheduled)))
                .andExpect(content().string(not(containsString("/round-tables/" + proposed + "\""))));
    }

    @Test
    void registeringOnAProposedTableIsNotFound() throws Exception {
        long id = proposedTable("ambiente").getId();

        mvc.perform(registration(id, "Ana", "ana@participa.example.org", "", "academia", "true"))
                .andExpect(status().isNotFound());
    }

    @Test
    void unknownTableIsNotFound() throws Exception {
        long unknown = scheduledTable(10) + 1000;

        mvc.perform(get("/round-tables/" + unknown)).andExpect(status().isNotFound());
        mvc.perform(registration(unknown, "Ana", "ana@participa.example.org", "", "academia", "true"))
                .andExpect(status().isNotFound());
        mvc.perform(get("/staff/round-tables/" + unknown).with(STAFF)).andExpect(status().isNotFound());
        mvc.perform(post("/staff/round-tables/" + unknown + "/boards/questions").with(csrf()).with(STAFF)
                .param("text", "hola")).andExpect(status().isNotFound());
        assertThat(mails()).isZero();
    }

    @Test
    void staffPagesNeedTheOpenGovernmentTeam() throws Exception {
        long id = scheduledTable(10);
        Registration r = register(id, "uno");
        List<String> pages = List.of("/staff/round-tables/" + id, "/staff/round-tables/" + id + "/boards/questions.csv",
                "/staff/calls/" + callId + "/participation", "/staff/calls/" + callId + "/participation.csv",
                "/staff/calls/" + callId + "/participation.json");

        for (String page : pages) {
            mvc.perform(get(page)).andExpect(status().is3xxRedirection()).andExpect(redirectedUrlPattern("**/login"));
            mvc.perform(get(page).with(AREA_USER)).andExpect(status().isForbidden());
            mvc.perform(get(page).with(STAFF)).andExpect(status().isOk());
        }
        mvc.perform(post("/staff/round-tables/" + id + "/registrations/" + r.getId() + "/withdraw").with(csrf()))
                .andExpect(redirectedUrlPattern("**/login"));
        mvc.perform(post("/staff/round-tables/" + id + "/registrations/" + r.getId() + "/withdraw").with(csrf())
                .with(AREA_USER)).andExpect(status().isForbidden());
        mvc.perform(post("/staff/round-tables/" + id + "/cancel").with(csrf()).with(AREA_USER))
                .andExpect(status().isForbidden());
        mvc.perform(post("/staff/round-tables/" + id + "/boards/questions").with(csrf()).with(AREA_USER)
                .param("text", "hola")).andExpect(status().isForbidden());
        assertThat(statuses(roundTables.registrations(id))).containsExactly("REGISTERED");
        assertThat(roundTables.get(id).getStatus()).isEqualTo(RoundTableStatus.SCHEDULED);
        assertThat(roundTables.entries(id, BoardEntry.Board.QUESTIONS)).isEmpty();
    }

    // --- boards ------------------------------------------------------------------------------------------------

    @Test
    void boardEntryNeedsTextOfAtMost4000Characters() {
        long id = scheduledTable(10);

        for (String text : new String[] {null, "", "   \n ", "x".repeat(4001)}) {
            assertThatThrownBy(() -> roundTables.addEntry(id, BoardEntry.Board.QUESTIONS, null, text, "Org"))
                    .isInstanceOf(InputRefusedException.class).satisfies(e -> assertThat(shown(e)).contains("texto requerido"));
        }
        assertThat(roundTables.entries(id, BoardEntry.Board.QUESTIONS)).isEmpty();

        BoardEntry longest = roundTables.addEntry(id, BoardEntry.Board.QUESTIONS, "ignored", "y".repeat(4000), " ");
        assertThat(longest.getText()).hasSize(4000);
        assertThat(longest.getQuestion()).as("the questions board has no sheet question").isNull();
        assertThat(longest.getAuthorOrganization()).as("blank means anonymous").isNull();
        assertThat(roundTables.entries(id, BoardEntry.Board.QUESTIONS)).hasSize(1);
    }

    @Test
    void commitmentBoardNeedsAKnownQuestion() {
        long id = scheduledTable(10);

        for (String question : new String[] {"", "budget", "PUBLIC-PROBLEM"}) {
            assertThatThrownBy(() -> roundTables.addEntry(id, BoardEntry.Board.COMMITMENT, question, "Texto", null))
                    .isInstanceOf(InputRefusedException.class).satisfies(e -> assertThat(shown(e)).contains("pregunta de la ficha"));
        }
        assertThat(roundTables.entries(id, BoardEntry.Board.COMMITMENT)).isEmpty();

        for (String question : BoardEntry.COMMITMENT_QUESTIONS) {
            roundTables.addEntry(id, BoardEntry.Board.COMMITMENT, question, "Respuesta a " + question, "Red Verde");
        }
        assertThat(roundTables.entries(id, BoardEntry.Board.COMMITMENT)).extracting(BoardEntry::getQuestion)
                .containsExactlyElementsOf(BoardEntry.COMMITMENT_QUESTIONS);
        assertThat(roundTables.entries(id, BoardEntry.Board.QUESTIONS)).isEmpty();
    }

    @Test
    void commitmentEntryWithoutAQuestionIsRefusedWithTheReason() throws Exception {
        long id = scheduledTable(10);

        assertThatThrownBy(() -> roundTables.addEntry(id, BoardEntry.Board.COMMITMENT, null, "Texto", null))
                .isInstanceOf(InputRefusedException.class).satisfies(e -> assertThat(shown(e)).contains("pregunta de la ficha"));
        mvc.perform(post("/staff/round-tables/" + id + "/boards/commitment").with(csrf()).with(STAFF)
                .param("text", "Texto")).andExpect(redirectedUrl("/staff/round-tables/" + id))
                .andExpect(flash().attributeExists("errors"));
        assertThat(roundTables.entries(id, BoardEntry.Board.COMMITMENT)).isEmpty();
    }

    @Test
    void refusedBoardEntryOnTheStaffPageShowsTheReasonAndStoresNothing() throws Exception {
        long id = scheduledTable(10);

        mvc.perform(post("/staff/round-tables/" + id + "/boards/questions").with(csrf()).with(STAFF).param("text", ""))
                .andExpect(redirectedUrl("/staff/round-tables/" + id))
                .andExpect(flash().attribute("errors", List.of("texto requerido (máx. 4000) / text required (max 4000)")));
        mvc.perform(post("/staff/round-tables/" + id + "/boards/questions").with(csrf()).with(STAFF)
                .param("text", "z".repeat(4001))).andExpect(flash().attributeExists("errors"));
        mvc.perform(post("/staff/round-tables/" + id + "/boards/commitment").with(csrf()).with(STAFF)
                .param("question", "unknown").param("text", "Texto")).andExpect(flash().attributeExists("errors"));
        mvc.perform(post("/staff/round-tables/" + id + "/boards/other").with(csrf()).with(STAFF)
                .param("text", "Texto")).andExpect(status().isNotFound());

        assertThat(roundTables.entries(id, BoardEntry.Board.QUESTIONS)).isEmpty();
        assertThat(roundTables.entries(id, BoardEntry.Board.COMMITMENT)).isEmpty();
        mvc.perform(post("/staff/round-tables/" + id + "/boards/commitment").with(csrf()).with(STAFF)
                .param("question", "milestones").param("text", "Hitos trimestrales"))
                .andExpect(flash().attributeCount(0));
        assertThat(roundTables.entries(id, BoardEntry.Board.COMMITMENT)).extracting(BoardEntry::getText)
                .containsExactly("Hitos trimestrales");
    }

    @Test
    void boardCsvNeutralisesFormulas() throws Exception {
        long id = scheduledTable(10);
        List<String> texts = List.of("=HYPERLINK(\"http://x\",\"y\")", "+54 11 5555", "-1+2", "@SUM(A1:A2)",
                "Texto común, con coma y \"comillas\"", "a=b");
        for (String text : texts) {
            roundTables.addEntry(id, BoardEntry.Board.QUESTIONS, null, text, "Red Verde");
        }

        String csv = new String(mvc.perform(get("/staff/round-tables/" + id + "/boards/questions.csv").with(STAFF))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("text/csv"))
                .andReturn().getResponse().getContentAsByteArray(), StandardCharsets.UTF_8);

        List<CSVRecord> rows = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(csv)).getRecords();
        assertThat(rows).extracting(r -> r.get("text")).containsExactly("'=HYPERLINK(\"http://x\",\"y\")",
                "'+54 11 5555", "'-1+2", "'@SUM(A1:A2)", "Texto común, con coma y \"comillas\"", "a=b");
        assertThat(rows).extracting(r -> r.get("author_organization")).containsOnly("Red Verde");
    }

    @Test
    void boardCsvNeutralisesFormulasInTheAuthorOrganisation() throws Exception {
        long id = scheduledTable(10);
        roundTables.addEntry(id, BoardEntry.Board.QUESTIONS, null, "Pregunta", "=HYPERLINK(\"http://x\",\"y\")");

        String csv = roundTables.boardCsv(id, BoardEntry.Board.QUESTIONS);

        CSVRecord row = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(csv)).getRecords().get(0);
        assertThat(row.get("author_organization")).isEqualTo("'=HYPERLINK(\"http://x\",\"y\")");
    }

    // --- participation figures ---------------------------------------------------------------------------------

    @Test
    void participationFiguresAsCsvAndJson() throws Exception {
        Proposal redVerde = propose("Red Verde", "feasible");
        propose("Vecinos del Parque", "partially-feasible");
        propose("Fundación Aire", "not-feasible");
        proposals.prioritise(callId, List.of(redVerde.getId()));
        long id = scheduledTable(10);
        Registration a = roundTables.register(id, "Ana", "ana@participa.example.org", " red verde ", "osc-territorial",
                true);
        Registration b = roundTables.register(id, "Beto", "beto@participa.example.org", "Universidad del Oeste",
                "academia", true);
        Registration c = roundTables.register(id, "Ceci", "ceci@participa.example.org", "", "ciudadania", true);
        roundTables.register(id, "Dani", "dani@participa.example.org", "Ausentes SA", "sector-privado", true);
        roundTables.recordAttendance(id, List.of(a.getId(), b.getId(), c.getId()));
        roundTables.markHeld(id);
        proposedTable("diversidad"); // not held: not counted

        mvc.perform(get("/staff/calls/" + callId + "/participation.json").with(STAFF)).andExpect(status().isOk())
                .andExpect(jsonPath("$.groups").value(4)) // red verde, vecinos, fundación aire, universidad
                .andExpect(jsonPath("$.meetingsHeld").value(1))
                .andExpect(jsonPath("$.participantsByType.osc-territorial").value(1))
                .andExpect(jsonPath("$.participantsByType.academia").value(1))
                .andExpect(jsonPath("$.participantsByType.ciudadania").value(1))
                .andExpect(jsonPath("$.participantsByType.sector-privado").doesNotExist())
                .andExpect(jsonPath("$.participantsByAxis.ambiente").value(3))
                .andExpect(jsonPath("$.proposalsReceived").value(3))
                .andExpect(jsonPath("$.proposalsFeasible").value(2))
                .andExpect(jsonPath("$.proposalsPrioritised").value(1));

        String csv = new String(mvc.perform(get("/staff/calls/" + callId + "/participation.csv").with(STAFF))
                .andExpect(status().isOk()).andExpect(content().contentTypeCompatibleWith("text/csv"))
                .andReturn().getResponse().getContentAsByteArray(), StandardCharsets.UTF_8);
        assertThat(csv.split("\r\n")).containsExactly("metric,key,value", "groups,,4", "meetings_held,,1",
                "participants_by_type,academia,1", "participants_by_type,ciudadania,1",
                "participants_by_type,osc-territorial,1", "participants_by_axis,ambiente,3", "proposals_received,,3",
                "proposals_feasible,,2", "proposals_prioritised,,1");
    }

    @Test
    void participationOfAnUnknownCallIsNotFound() throws Exception {
        mvc.perform(get("/staff/calls/" + (callId + 1000) + "/participation.json").with(STAFF))
                .andExpect(status().isNotFound());
        mvc.perform(get("/staff/calls/" + (callId + 1000) + "/participation.csv").with(STAFF))
                .andExpect(status().isNotFound());
    }

    private Proposal propose(String organization, String verdict) {
        Proposal p = proposals.submit(new ProposalInput("Propuesta de " + organization, "Descripción de la propuesta.",
                "ambiente", "osc-territorial", organization, "Persona de " + organization,
                organization.replace(' ', '.').replace('ó', 'o').toLowerCase() + "@example.org", true, "es", null), Channel.API);
        proposals.recordReview(p.getId(), verdict, "Fundamentación.", true, "Ana", "tester");
        return p;
    }

    private long scheduledTableOf(String axis) {
        long id = proposedTable(axis).getId();
        RoundTable other = roundTables.ofCall(callId).stream().filter(t -> !t.getId().equals(id)).findFirst()
                .orElse(null);
        List<RoundTableScheduler.Slot> taken = other == null ? List.of()
                : List.of(new RoundTableScheduler.Slot(other.getStartsAt(), other.getEndsAt()));
        roundTables.confirm(id, scheduler.propose(Duration.ofHours(2), taken), 120, LINK, 10);
        return id;
    }

    // ---- regressions from adversarial testing ----------------------------------------------------------------

    @Test
    void theSameAddressInOtherCapitalsTakesOneSeatOnly() {
        long id = scheduledTable(3);
        roundTables.register(id, "Ana", "dup@participa.example.org", "", "ciudadania", true);
        assertThat(RoundTableRefusals.shown(catchThrowableOfType(InputRefusedException.class, () -> roundTables.register(id, "Ana", "DUp@Participa.example.org", "",
                "ciudadania", true)))).containsExactly("email: duplicate");
        assertThat(roundTables.registrations(id)).extracting(Registration::getEmail)
                .containsExactly("dup@participa.example.org");
    }

    @Test
    void anAddressThatIsNoValidUriStillGetsItsInvitationOrAClearRefusal() {
        long id = scheduledTable(3);
        Registration r = roundTables.register(id, "Pipe", "a|b@participa.example.org", "", "ciudadania", true);
        assertThat(r.getStatus()).isEqualTo(Registration.Status.REGISTERED);
        assertThat(roundTables.sendInvitations(id, List.of())).isEqualTo(1);
    }

    @Test
    void attendanceOfAnotherTablesOrAWithdrawnRegistrationIsRefused() {
        long id = scheduledTable(3);
        Registration kept = register(id, "uno");
        Registration gone = register(id, "dos");
        roundTables.withdraw(gone.getId());
        assertThatThrownBy(() -> roundTables.recordAttendance(id, List.of(kept.getId(), gone.getId())))
                .isInstanceOf(InputRefusedException.class);
        assertThatThrownBy(() -> roundTables.recordAttendance(id, List.of(kept.getId(), 999_999L)))
                .isInstanceOf(InputRefusedException.class);
        roundTables.recordAttendance(id, List.of(kept.getId()));
        assertThat(roundTables.registrations(id)).filteredOn(Registration::isAttended).extracting(Registration::getId)
                .containsExactly(kept.getId());
    }

    @Test
    void controlCharactersInARegistrationAreRefused() {
        long id = scheduledTable(3);
        assertThat(RoundTableRefusals.shown(catchThrowableOfType(InputRefusedException.class, () -> roundTables.register(id, "Nul\u0000x", "nul@participa.example.org",
                "", "ciudadania", true)))).contains("name: controlCharacters");
        assertThat(roundTables.registrations(id)).isEmpty();
    }

    /** The refusal's reasons as the pages list them, joined by "; ". */
    private static String shown(Throwable refusal) {
        return String.join("; ", RoundTableRefusals.shown((InputRefusedException) refusal));
    }
}
