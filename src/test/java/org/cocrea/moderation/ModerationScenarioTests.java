package org.cocrea.moderation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import org.cocrea.commitment.CommitmentSheets;
import org.cocrea.roundtable.BoardEntry;
import org.cocrea.roundtable.RoundTable;
import org.cocrea.roundtable.RoundTables;
import org.cocrea.support.CocreaIntegrationTest;
import org.cocrea.support.TestFixtures;
import org.cocrea.support.TestSmtp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.util.LinkedMultiValueMap;

/**
 * Moderation of public comments on PostgreSQL with the mails through GreenMail: a draft comment and a round-table
 * board entry reported by anyone appear in the one staff queue; hiding with a reason leaves the placeholder on the
 * public page and the CSV (the text gone), the decision logged with the staff user and the time; keeping takes an item
 * out of the queue; the commenter's confirmation mail carries the private link to edit (the previous text kept) or
 * withdraw within the comment window, refused after it; bad input changes nothing; non-staff cannot reach the queue.
 */
@CocreaIntegrationTest
class ModerationScenarioTests {

    @RegisterExtension
    static GreenMailExtension greenMail = new GreenMailExtension(TestSmtp.SMTP);

    @Autowired
    TestFixtures fixtures;
    @Autowired
    RoundTables roundTables;
    @Autowired
    CommitmentSheets sheets;
    @Autowired
    MockMvc mvc;

    private final RequestPostProcessor staff = user("moderadora").authorities(new SimpleGrantedAuthority("GROUP_og-team"));
    long tableId;
    long draftId;
    long entryId;

    @BeforeEach
    void circulatingDraftAndHeldRoundTable() throws Exception {
        fixtures.reset();
        fixtures.openCall(Duration.ofDays(3));
        RoundTable table = roundTables.create(fixtures.openCallId(), "ambiente", null);
        tableId = table.getId();
        roundTables.confirm(tableId, roundTables.get(tableId).getStartsAt(), 120, "https://meet.example.org/a", 30);
        entryId = roundTables.addEntry(tableId, BoardEntry.Board.QUESTIONS, null, "Texto ofensivo de la mesa", "Red Verde")
                .getId();
        roundTables.addEntry(tableId, BoardEntry.Board.COMMITMENT, "public-problem", "Falta relevar el arbolado.", "");
        roundTables.recordTopics(tableId, List.of("Arbolado urbano"));
        roundTables.markHeld(tableId);
        draftId = sheets.createDraft(new CommitmentSheets.ChosenTopic(fixtures.openCallId(), tableId, "ambiente",
                "Arbolado urbano"), "ARBA-2021-2023", 1);
        int year = ZonedDateTime.now(ZoneId.of("America/Argentina/Buenos_Aires")).getYear() + 1;
        mvc.perform(post("/staff/commitments/" + draftId).with(csrf()).with(staff).params(sheetForm(year)))
                .andExpect(status().is3xxRedirection());
        sheets.circulate(draftId, Duration.ofDays(10));
    }

    @AfterEach
    void cleanUp() {
        fixtures.reset();
    }

    @Test
    void reportedCommentIsHiddenWithAPlaceholderAndTheDecisionLogged() throws Exception {
        long commentId = comment("Un insulto inaceptable contra la vecina.");
        String page = html(get("/drafts/" + draftId));
        assertThat(page).contains("Un insulto inaceptable").contains("Denunciar como abusivo");

        // Bad reports change nothing: empty reason (400 with the form), unknown item or kind (404).
        String refused = mvc.perform(post("/moderation/reports").with(csrf()).param("kind", "draft-comment")
                        .param("id", String.valueOf(commentId)).param("reason", "  "))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(refused).contains("escribí el motivo");
        mvc.perform(post("/moderation/reports").with(csrf()).param("kind", "draft-comment").param("id", "999999")
                .param("reason", "x")).andExpect(status().isNotFound());
        mvc.perform(post("/moderation/reports").with(csrf()).param("kind", "nothing")
                .param("id", String.valueOf(commentId)).param("reason", "x")).andExpect(status().isNotFound());
        assertThat(count("moderation_report")).isZero();

        // An anonymous report puts the comment in the queue.
        mvc.perform(post("/moderation/reports").with(csrf()).param("kind", "draft-comment")
                        .param("id", String.valueOf(commentId)).param("reason", "Insulta a una persona"))
                .andExpect(status().isOk());
        String queue = html(get("/staff/moderation").with(staff));
        assertThat(queue).contains("Un insulto inaceptable").contains("Insulta a una persona")
                .contains("/drafts/" + draftId + "#comment-" + commentId);

        // A decision without reason or outcome is refused and changes nothing.
        mvc.perform(post("/staff/moderation/draft-comment/" + commentId).with(csrf()).with(staff)
                .param("outcome", "HIDE").param("reason", "")).andExpect(status().isBadRequest());
        mvc.perform(post("/staff/moderation/draft-comment/" + commentId).with(csrf()).with(staff)
                .param("outcome", "DELETE").param("reason", "no")).andExpect(status().isBadRequest());
        mvc.perform(post("/staff/moderation/draft-comment/999999").with(csrf()).with(staff)
                .param("outcome", "HIDE").param("reason", "no")).andExpect(status().isNotFound());
        assertThat(count("moderation_decision")).isZero();
        assertThat(html(get("/drafts/" + draftId))).contains("Un insulto inaceptable");

        // Hidden: the placeholder with the reason, the text gone from the public page; logged with who and when.
        Instant before = Instant.now().minusSeconds(1);
        mvc.perform(post("/staff/moderation/draft-comment/" + commentId).with(csrf()).with(staff)
                .param("outcome", "HIDE").param("reason", "Agravio personal")).andExpect(status().is3xxRedirection());
        String hidden = html(get("/drafts/" + draftId));
        assertThat(hidden).contains("oculto por moderación: Agravio personal").doesNotContain("Un insulto inaceptable");
        assertThat(mvc.perform(get("/drafts/" + draftId).locale(java.util.Locale.ENGLISH)
                .header("Accept-Language", "en")).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8))
                .doesNotContain("Un insulto inaceptable");
        Map<String, Object> decision = fixtures.jdbc().queryForMap("select * from moderation_decision");
        assertThat(decision.get("decided_by")).isEqualTo("moderadora");
        assertThat(decision.get("outcome")).isEqualTo("HIDE");
        assertThat(((Timestamp) decision.get("decided_at")).toInstant()).isAfter(before);
        String after = html(get("/staff/moderation").with(staff));
        assertThat(after).contains("No hay denuncias pendientes").contains("moderadora").contains("Agravio personal");
        // The staff's consolidation keeps the text for the record, marked.
        assertThat(html(get("/staff/commitments/" + draftId + "/comments").with(staff)))
                .contains("oculto por moderación: Agravio personal").contains("Un insulto inaceptable");
    }

    @Test
    void boardEntryIsHiddenOnThePageAndTheCsvAndKeepLeavesTheQueue() throws Exception {
        assertThat(html(get("/round-tables/" + tableId))).contains("Texto ofensivo de la mesa");
        long kept = comment("Un comentario áspero pero legítimo.");
        mvc.perform(post("/moderation/reports").with(csrf()).param("kind", "board-entry")
                .param("id", String.valueOf(entryId)).param("reason", "Ofende")).andExpect(status().isOk());
        mvc.perform(post("/moderation/reports").with(csrf()).param("kind", "draft-comment")
                .param("id", String.valueOf(kept)).param("reason", "No me gusta")).andExpect(status().isOk());
        assertThat(html(get("/staff/moderation").with(staff))).contains("Texto ofensivo de la mesa")
                .contains("Un comentario áspero");

        mvc.perform(post("/staff/moderation/draft-comment/" + kept).with(csrf()).with(staff)
                .param("outcome", "KEEP").param("reason", "Crítica legítima")).andExpect(status().is3xxRedirection());
        mvc.perform(post("/staff/moderation/board-entry/" + entryId).with(csrf()).with(staff)
                .param("outcome", "HIDE").param("reason", "Lenguaje ofensivo")).andExpect(status().is3xxRedirection());
        String queue = html(get("/staff/moderation").with(staff));
        assertThat(queue).contains("No hay denuncias pendientes");
        assertThat(html(get("/drafts/" + draftId))).contains("Un comentario áspero pero legítimo.");
        String table = html(get("/round-tables/" + tableId));
        assertThat(table).contains("oculto por moderación: Lenguaje ofensivo").doesNotContain("Texto ofensivo");
        String csv = mvc.perform(get("/staff/round-tables/" + tableId + "/boards/questions.csv").with(staff))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(csv).contains("hidden by moderation: Lenguaje ofensivo").doesNotContain("Texto ofensivo");
        assertThat(fixtures.jdbc().queryForList("select outcome from moderation_decision order by id", String.class))
                .containsExactly("KEEP", "HIDE");
    }

    @Test
    void authorEditsAndWithdrawsThroughTheMailLinkUntilTheWindowCloses() throws Exception {
        long commentId = comment("Primera versión del comentario.");
        fixtures.flushOutbox();
        String mail = body("nico@example.org", "Recibimos tu comentario");
        Matcher m = Pattern.compile("/drafts/comments/([0-9a-f]{32})").matcher(mail);
        assertThat(m.find()).as(mail).isTrue();
        String link = "/drafts/comments/" + m.group(1);
        assertThat(mail).contains("Primera versión del comentario.");

        // A bad token is a 404; an empty text is refused with the form (400) and changes nothing.
        mvc.perform(get("/drafts/comments/0123456789abcdef0123456789abcdef")).andExpect(status().isNotFound());
        mvc.perform(get("/drafts/comments/not-a-token")).andExpect(status().isNotFound());
        mvc.perform(post("/drafts/comments/0123456789abcdef0123456789abcdef").with(csrf()).param("body", "x"))
                .andExpect(status().isNotFound());
        assertThat(html(get(link))).contains("Primera versión del comentario.");
        mvc.perform(post(link).with(csrf()).param("body", " ")).andExpect(status().isBadRequest());
        assertThat(bodyOf(commentId)).isEqualTo("Primera versión del comentario.");

        // The edit replaces the public text and keeps the previous one in the history (not public).
        mvc.perform(post(link).with(csrf()).param("body", "Segunda versión, más clara."))
                .andExpect(status().is3xxRedirection());
        assertThat(html(get("/drafts/" + draftId))).contains("Segunda versión, más clara.")
                .doesNotContain("Primera versión");
        assertThat(fixtures.jdbc().queryForList("select body from draft_comment_revision where comment_id = ?",
                String.class, commentId)).containsExactly("Primera versión del comentario.");

        // Withdrawn: the placeholder; the text is no longer public.
        mvc.perform(post(link + "/withdraw").with(csrf())).andExpect(status().is3xxRedirection());
        assertThat(html(get("/drafts/" + draftId))).contains("retirado por su autor").doesNotContain("Segunda versión");

        // After the window: a clear refusal, nothing changed.
        long other = comment("Otro comentario.");
        fixtures.flushOutbox();
        String second = body("nico@example.org", "Recibimos tu comentario", "Otro comentario.");
        Matcher m2 = Pattern.compile("/drafts/comments/([0-9a-f]{32})").matcher(second);
        assertThat(m2.find()).isTrue();
        String late = "/drafts/comments/" + m2.group(1);
        fixtures.jdbc().update("update commitment set comment_deadline = ? where id = ?",
                Timestamp.from(Instant.now().minusSeconds(60)), draftId);
        assertThat(html(get(late))).contains("El período de comentarios de este borrador está cerrado");
        String refused = mvc.perform(post(late).with(csrf()).param("body", "Cambio tardío"))
                .andExpect(status().isConflict()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(refused).contains("el período de comentarios de este borrador está cerrado");
        mvc.perform(post(late + "/withdraw").with(csrf())).andExpect(status().isConflict());
        assertThat(bodyOf(other)).isEqualTo("Otro comentario.");
        assertThat(fixtures.jdbc().queryForObject("select withdrawn_at is null from draft_comment where id = ?",
                Boolean.class, other)).isTrue();
    }

    @Test
    void onlyStaffReachTheQueue() throws Exception {
        mvc.perform(get("/staff/moderation")).andExpect(status().is3xxRedirection());
        mvc.perform(get("/staff/moderation").with(user("vecina").authorities(new SimpleGrantedAuthority("GROUP_citizens"))))
                .andExpect(status().isForbidden());
        mvc.perform(post("/staff/moderation/board-entry/" + entryId).with(csrf()).param("outcome", "HIDE")
                .param("reason", "x")).andExpect(status().is3xxRedirection());
        assertThat(count("moderation_decision")).isZero();
        assertThat(html(get("/staff").with(staff))).contains("/staff/moderation");
    }

    @Test
    void aHiddenCommentOffersNoReportAndAVisitorReportsAnItemOnce() throws Exception {
        long commentId = comment("Un comentario ofensivo para denunciar.");
        org.springframework.mock.web.MockHttpSession visitor = new org.springframework.mock.web.MockHttpSession();
        mvc.perform(post("/moderation/reports").with(csrf()).session(visitor).param("kind", "draft-comment")
                .param("id", String.valueOf(commentId)).param("reason", "Ofende")).andExpect(status().isOk());
        String again = mvc.perform(post("/moderation/reports").with(csrf()).session(visitor)
                        .param("kind", "draft-comment").param("id", String.valueOf(commentId)).param("reason", "Ofende"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(org.jsoup.Jsoup.parse(again).getElementById("already-reported").text())
                .startsWith("Ya denunciaste este comentario");
        assertThat(count("moderation_report")).as("no second report row").isEqualTo(1);
        // another visitor may still report it
        mvc.perform(post("/moderation/reports").with(csrf()).param("kind", "draft-comment")
                .param("id", String.valueOf(commentId)).param("reason", "También me ofende")).andExpect(status().isOk());
        assertThat(count("moderation_report")).isEqualTo(2);

        String reportForm = "form[action=/moderation/reports]:has(input[name=id][value=" + commentId + "])";
        assertThat(org.jsoup.Jsoup.parse(html(get("/drafts/" + draftId))).select(reportForm)).hasSize(1);
        mvc.perform(post("/staff/moderation/draft-comment/" + commentId).with(csrf()).with(staff)
                .param("outcome", "HIDE").param("reason", "Agravio")).andExpect(status().is3xxRedirection());
        org.jsoup.nodes.Document hidden = org.jsoup.Jsoup.parse(html(get("/drafts/" + draftId)));
        assertThat(hidden.text()).contains("oculto por moderación: Agravio");
        assertThat(hidden.select(reportForm)).as("nothing left to report").isEmpty();
    }

    @Test
    void anOverlongOrNulReasonIsRefusedClearlyWithALinkBackAndNotEchoedAsSent() throws Exception {
        long commentId = comment("Otro comentario.");
        String tooLong = mvc.perform(post("/moderation/reports").with(csrf()).param("kind", "draft-comment")
                        .param("id", String.valueOf(commentId)).param("reason", "x".repeat(20_000)))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        org.jsoup.nodes.Document page = org.jsoup.Jsoup.parse(tooLong);
        assertThat(page.getElementById("reason-error").text()).isEqualTo("el motivo puede tener como máximo 1000"
                + " caracteres: abajo quedaron los primeros 1000; revisalo y envialo de nuevo");
        assertThat(page.getElementById("reason").val()).hasSize(1000);
        assertThat(tooLong).doesNotContain("x".repeat(1001));
        assertThat(page.getElementById("back").attr("href")).isEqualTo("/drafts/" + draftId + "#comment-" + commentId);

        String nul = mvc.perform(post("/moderation/reports").with(csrf()).param("kind", "draft-comment")
                        .param("id", String.valueOf(commentId)).param("reason", "Insulto\u0000grave"))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        org.jsoup.nodes.Document nulPage = org.jsoup.Jsoup.parse(nul);
        assertThat(nulPage.getElementById("reason-error").text()).contains("caracteres no permitidos")
                .isNotEmpty();
        assertThat(nulPage.getElementById("reason").val()).isEqualTo("Insultograve");
        assertThat(nul).doesNotContain("\u0000");
        assertThat(count("moderation_report")).isZero();
    }

    @org.springframework.boot.test.web.server.LocalServerPort
    int port;

    @Test
    void aCommentSentFromAnExpiredPageSaysSoAndGivesTheTextBackToSendAgain() throws Exception {
        long before = count("draft_comment");
        String typed = "Mi comentario largo, escrito con calma.\nSegunda línea del comentario.";
        String form = "section=objective&name=Nico&email=nico%40example.org&consent=true&body="
                + java.net.URLEncoder.encode(typed, StandardCharsets.UTF_8) + "&_csrf=token-de-una-sesion-vencida";
        java.net.http.HttpResponse<String> answer = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + port + "/drafts/"
                        + draftId + "/comments")).header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofString(form)).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).isEqualTo(403);
        org.jsoup.nodes.Document page = org.jsoup.Jsoup.parse(answer.body());
        assertThat(page.getElementById("page-expired").text()).startsWith("No enviamos el formulario porque la página"
                + " estuvo abierta demasiado tiempo").contains("Tu texto está abajo");
        assertThat(page.select("#send-again").attr("action")).isEqualTo("/drafts/" + draftId + "/comments");
        assertThat(page.select("#send-again textarea[name=body]").val()).isEqualTo(typed);
        assertThat(page.select("#send-again input[name=section]").val()).isEqualTo("objective");
        assertThat(page.select("#send-again input[name=_csrf]").val()).isNotBlank()
                .isNotEqualTo("token-de-una-sesion-vencida");
        assertThat(answer.body()).doesNotContain("no tiene permiso");
        assertThat(count("draft_comment")).as("nothing stored").isEqualTo(before);
    }

    private long comment(String body) throws Exception {
        mvc.perform(post("/drafts/" + draftId + "/comments").with(csrf()).param("section", "objective")
                        .param("name", "Nico").param("email", "nico@example.org").param("consent", "true")
                        .param("body", body))
                .andExpect(status().is3xxRedirection());
        return fixtures.jdbc().queryForObject("select max(id) from draft_comment", Long.class);
    }

    private String bodyOf(long commentId) {
        return fixtures.jdbc().queryForObject("select body from draft_comment where id = ?", String.class, commentId);
    }

    private long count(String table) {
        return fixtures.jdbc().queryForObject("select count(*) from " + table, Long.class);
    }

    private String html(org.springframework.test.web.servlet.RequestBuilder request) throws Exception {
        return mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    private String body(String recipient, String subjectStart, String... containing) throws Exception {
        String found = "";
        for (MimeMessage m : greenMail.getReceivedMessages()) {
            if (m.getAllRecipients()[0].toString().equals(recipient) && m.getSubject().startsWith(subjectStart)) {
                String text = text(m.getContent());
                if (Set.of(containing).stream().allMatch(text::contains)) {
                    found = text;
                }
            }
        }
        return found;
    }

    private static String text(Object content) throws Exception {
        if (content instanceof Multipart multipart) {
            StringBuilder out = new StringBuilder();
            for (int i = 0; i < multipart.getCount(); i++) {
                out.append(text(multipart.getBodyPart(i).getContent()));
            }
            return out.toString();
        }
        return String.valueOf(content);
    }

    private static LinkedMultiValueMap<String, String> sheetForm(int year) {
        LinkedMultiValueMap<String, String> p = new LinkedMultiValueMap<>();
        p.add("titleEs", "Arbolado urbano colaborativo");
        p.add("titleEn", "Collaborative urban trees");
        p.add("leadAreaGroup", "area-ambiente");
        p.add("supportingInstitutions", "Red Verde");
        p.add("startDate", year + "-01-01");
        p.add("endDate", year + "-12-31");
        p.add("publicProblem", "El 30% del arbolado no está relevado.");
        p.add("description", "Un censo colaborativo del arbolado con datos abiertos.");
        p.add("objective", "Relevar el arbolado.");
        p.add("ogpValues", "civic-participation");
        p.add("milestones[0].title", "Censo colaborativo del arbolado");
        p.add("milestones[0].startDate", year + "-03-01");
        p.add("milestones[0].endDate", year + "-06-30");
        return p;
    }
}
