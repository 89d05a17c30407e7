package org.cocrea.following;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.internet.MimeMessage;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import org.cocrea.commitment.CommitmentPublished;
import org.cocrea.commitment.DraftCirculated;
import org.cocrea.dashboard.DashboardTestData;
import org.cocrea.followup.EvaluationPublished;
import org.cocrea.followup.FollowUpReportAccepted;
import org.cocrea.proposal.Channel;
import org.cocrea.proposal.Proposal;
import org.cocrea.proposal.ProposalInput;
import org.cocrea.proposal.Proposals;
import org.cocrea.roundtable.RoundTableEvents;
import org.cocrea.support.CocreaIntegrationTest;
import org.cocrea.support.ReceivedMails;
import org.cocrea.support.TestFixtures;
import org.cocrea.support.TestSmtp;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Following a page by e-mail on PostgreSQL, through a real SMTP server (GreenMail): the form on the proposal page,
 * double opt-in (nothing mailed before confirming), the mail of a change with the one-click unsubscribe headers
 * (RFC 8058), one-click unsubscribe without login or token, the weekly digest, refused input, and the form on the
 * published commitment's page.
 */
@CocreaIntegrationTest
class FollowingTests {

    private static final String READER = "lectora@example.org";
    private static final Pattern CONFIRM_LINK = Pattern.compile("http://localhost:8080(/follow/confirm/([0-9a-f]{32})\\?frequency=(each|weekly))");

    @RegisterExtension
    static GreenMailExtension greenMail = new GreenMailExtension(TestSmtp.SMTP);

    @Autowired
    MockMvc mvc;
    @Autowired
    TestFixtures fixtures;
    @Autowired
    Proposals proposals;
    @Autowired
    Followers followers;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    ApplicationEventPublisher events;

    Proposal proposal;

    @BeforeEach
    void proposal() {
        proposal = fixtures.feasibilityReview("seguimiento-ambiente").proposal();
    }

    @AfterEach
    void cleanUp() {
        fixtures.reset();
    }

    @Test
    void theProposalPageCarriesTheFormWithoutSessionToken() throws Exception {
        Document page = Jsoup.parse(mvc.perform(get("/proposals/" + proposal.getTrackingCode()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(page.select("#follow form").attr("action")).isEqualTo("/follow");
        assertThat(page.select("#follow input[name=target]").val()).isEqualTo("proposal");
        assertThat(page.select("#follow input[name=key]").val()).isEqualTo(proposal.getTrackingCode());
        assertThat(page.select("#follow input[name=_csrf]")).as("the page may be cached publicly").isEmpty();
        assertThat(page.select("label:has(#follow-consent)").text()).contains("Ley 25.326");
        assertThat(page.select("#follow input[name=frequency]").eachAttr("value")).containsExactly("each", "weekly");
    }

    @Test
    void subscribeConfirmThenAReasonedResponseMailsTheFollowerWithOneClickUnsubscribe() throws Exception {
        follow(proposal.getTrackingCode(), READER, "each").andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"follow-requested\"")));
        assertThat(count("select count(*) from follow where email = ? and confirmed_at is null", READER)).isEqualTo(1);

        String link = confirmLinkMailedTo(READER);
        Matcher m = CONFIRM_LINK.matcher(link);
        assertThat(m.matches()).isTrue();
        String token = m.group(2);
        mvc.perform(get(m.group(1))).andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"follow-confirm\"")));
        assertThat(followers.byToken(token).orElseThrow().isActive()).as("a GET (mail scanner) confirms nothing")
                .isFalse();
        mvc.perform(post(m.group(1)).with(csrf())).andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"follow-confirmed\"")));
        Follow follow = followers.byToken(token).orElseThrow();
        assertThat(follow.isActive()).isTrue();
        assertThat(follow.getConsentAt()).isNotNull();
        assertThat(follow.getConsentVersion()).isEqualTo(Followers.CONSENT_VERSION);

        giveReasonedResponse(proposal);
        fixtures.flushOutbox();

        MimeMessage mail = onlyMail(READER, "follow-change");
        assertThat(mail.getSubject()).contains(proposal.getTrackingCode());
        assertThat(GreenMailUtil.getBody(mail)).contains("respuesta fundamentada");
        assertThat(mail.getHeader("List-Unsubscribe")[0])
                .isEqualTo("<http://localhost:8080/follow/unsubscribe/" + token + ">");
        assertThat(mail.getHeader("List-Unsubscribe-Post")[0]).isEqualTo("List-Unsubscribe=One-Click");
    }

    @Test
    void nothingIsMailedBeforeTheOwnerConfirms() throws Exception {
        follow(proposal.getTrackingCode(), READER, "each").andExpect(status().isOk());
        giveReasonedResponse(proposal);
        assertThat(count("select count(*) from mail_outbox where recipient = ?", READER))
                .as("only the confirmation link").isEqualTo(1);
        assertThat(count("select count(*) from mail_outbox where recipient = ? and kind = 'follow-confirm'", READER))
                .isEqualTo(1);
    }

    @Test
    void oneClickPostUnsubscribesWithoutLoginOrFurtherConfirmation() throws Exception {
        String token = confirmedFollow(proposal.getTrackingCode(), READER, "each");
        String path = "/follow/unsubscribe/" + token;

        mvc.perform(get(path)).andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"follow-unsubscribe\"")));
        assertThat(followers.byToken(token).orElseThrow().isActive()).as("the GET only shows a button").isTrue();

        // what a mail client sends (RFC 8058 section 3.2): no cookie, no CSRF token
        mvc.perform(post(path).contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .content("List-Unsubscribe=One-Click")).andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"follow-unsubscribed\"")));
        assertThat(followers.byToken(token).orElseThrow().isActive()).isFalse();
        assertThat(followers.byToken(token).orElseThrow().getUnsubscribedAt()).isNotNull();

        giveReasonedResponse(proposal);
        assertThat(count("select count(*) from mail_outbox where recipient = ? and kind = 'follow-change'", READER))
                .isZero();
        mvc.perform(post("/follow/unsubscribe/0123456789abcdef0123456789abcdef")).andExpect(status().isNotFound());
    }

    @Test
    void theWeeklyDigestCollectsSeveralChangesIntoOneMail() throws Exception {
        Proposal second = proposals.submit(new ProposalInput("Huertas comunitarias", "Huertas en terrenos baldíos.",
                "ambiente", "ciudadania", null, "Pedro Gil", "pedro@example.org", true, "es", null), Channel.API);
        String first = confirmedFollow(proposal.getTrackingCode(), READER, "weekly");
        confirmedFollow(second.getTrackingCode(), READER, "weekly");

        giveReasonedResponse(proposal);
        giveReasonedResponse(second);
        tx.executeWithoutResult(s -> events.publishEvent(
                new RoundTableEvents.RoundTableScheduled(4242L, proposal.getCallId(), "ambiente")));
        assertThat(count("select count(*) from mail_outbox where recipient = ? and kind <> 'follow-confirm'", READER))
                .as("weekly followers get no mail per change").isZero();
        assertThat(count("select count(*) from follow_change where digested_at is null", null)).isEqualTo(3);

        assertThat(followers.sendWeeklyDigests()).isEqualTo(1);
        assertThat(followers.sendWeeklyDigests()).as("each change once").isZero();
        fixtures.flushOutbox();

        MimeMessage digest = onlyMail(READER, "follow-digest");
        String body = GreenMailUtil.getBody(digest);
        Document html = Jsoup.parse(quotedPrintableFree(digest));
        assertThat(html.select("li.change")).hasSize(3);
        assertThat(html.text()).contains(proposal.getTrackingCode()).contains(second.getTrackingCode())
                .contains("mesa de co-creación");
        assertThat(body).isNotBlank();
        assertThat(digest.getHeader("List-Unsubscribe")[0])
                .isEqualTo("<http://localhost:8080/follow/unsubscribe/" + first + "?all=true>");
        assertThat(digest.getHeader("List-Unsubscribe-Post")[0]).isEqualTo("List-Unsubscribe=One-Click");

        mvc.perform(post("/follow/unsubscribe/" + first + "?all=true").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .content("List-Unsubscribe=One-Click")).andExpect(status().isOk());
        assertThat(count("select count(*) from follow where email = ? and unsubscribed_at is null", READER))
                .as("the digest's header stops every follow of the address").isZero();
    }

    @Test
    void badInputIsRefusedWithTheFieldAndNothingIsStored() throws Exception {
        String code = proposal.getTrackingCode();
        refused(follow(code, "not-an-address", "each"), "follow-email");
        refused(mvc.perform(post("/follow").param("target", "proposal").param("key", code).param("email", READER)
                .param("frequency", "each")), "follow-consent");
        refused(follow("CC-ZZZZZZZZ", READER, "each"), "follow-target");
        refused(mvc.perform(post("/follow").param("target", "budget").param("key", code).param("email", READER)
                .param("consent", "true").param("frequency", "each")), "follow-target");
        refused(follow(code, READER, "hourly"), "follow-frequency");

        assertThat(count("select count(*) from follow", null)).isZero();
        assertThat(count("select count(*) from mail_outbox where kind = 'follow-confirm'", null)).isZero();
        mvc.perform(get("/follow/confirm/0123456789abcdef0123456789abcdef")).andExpect(status().isNotFound());
    }

    @Test
    void aPublishedCommitmentIsFollowedOnItsDashboardPage() throws Exception {
        new DashboardTestData(fixtures.jdbc()).smallScenario();
        long id = fixtures.jdbc().queryForObject("select id from commitment where code = 'T0001'", Long.class);
        Document page = Jsoup.parse(mvc.perform(get("/dashboard/T0001")).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString());
        assertThat(page.select("#follow input[name=target]").val()).isEqualTo("commitment");
        assertThat(page.select("#follow input[name=key]").val()).isEqualTo("T0001");

        mvc.perform(post("/follow").param("target", "commitment").param("key", "T0001").param("email", READER)
                .param("consent", "true").param("frequency", "each")
                .header("Accept-Language", "en")).andExpect(status().isOk());
        String token = tokenOf(READER);
        followers.confirm(token, "each");
        tx.executeWithoutResult(s -> events.publishEvent(new EvaluationPublished(id)));

        String body = fixtures.jdbc().queryForObject("select body_html from mail_outbox where recipient = ? and kind = "
                + "'follow-change'", String.class, READER);
        assertThat(body).contains("independent monitoring body").contains("Open data on public works")
                .contains("/dashboard/T0001");
    }

    @Test
    void aDraftsFollowerHearsOfItsCirculationPublicationAndReportsOnce() throws Exception {
        fixtures.jdbc().update("""
                insert into commitment (action_plan, co_creation_instance, title_es, title_en, start_date, end_date,
                  description, ogp_values, status, axis, lead_area_group, comment_deadline)
                values ('ARBA-2021-2023', 1, 'Compras abiertas', 'Open procurement', date '2024-01-01',
                  date '2025-12-31', 'Descripción', 'Transparencia', 'CIRCULATING', 'gasto-publico',
                  'area-gobierno-abierto', timestamp '2099-01-01 00:00:00')
                """);
        long id = fixtures.jdbc().queryForObject("select id from commitment where title_es = 'Compras abiertas'",
                Long.class);
        mvc.perform(post("/follow").param("target", "draft").param("key", String.valueOf(id)).param("email", READER)
                .param("consent", "true").param("frequency", "each")).andExpect(status().isOk());
        followers.confirm(tokenOf(READER), "each");

        tx.executeWithoutResult(s -> events.publishEvent(new DraftCirculated(id, Instant.now())));
        fixtures.jdbc().update("update commitment set status = 'PUBLISHED', code = 'TX0001' where id = ?", id);
        tx.executeWithoutResult(s -> events.publishEvent(new CommitmentPublished(id, "TX0001")));
        tx.executeWithoutResult(s -> events.publishEvent(new FollowUpReportAccepted(1L, id, LocalDate.now())));

        List<String> bodies = fixtures.jdbc().queryForList("select body_html from mail_outbox where recipient = ? "
                + "and kind = 'follow-change' order by id", String.class, READER);
        assertThat(bodies).hasSize(3);
        assertThat(bodies.get(0)).contains("abierto a comentarios").contains("/drafts/" + id);
        assertThat(bodies.get(1)).contains("Se publicó una versión").contains("TX0001").contains("/dashboard/TX0001");
        assertThat(bodies.get(2)).contains("informe mensual").contains("/dashboard/TX0001");
        refused(mvc.perform(post("/follow").param("target", "draft").param("key", "999999999").param("email", READER)
                .param("consent", "true").param("frequency", "each")), "follow-target");
    }

    @Test
    void aFollowerErasesTheirAddressAndTheDirectorysErasureTakesFollowsToo() throws Exception {
        String token = confirmedFollow(proposal.getTrackingCode(), READER, "each");
        mvc.perform(get("/follow/unsubscribe/" + token)).andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"follow-forget\"")));
        mvc.perform(post("/follow/forget/" + token).with(csrf())).andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"follow-forgotten\"")));
        assertThat(count("select count(*) from follow where email = ?", READER)).isZero();
        assertThat(count("select count(*) from mail_outbox where recipient = ?", READER)).isZero();

        // the proposer (in the directory, she consented on the proposal form) follows her own proposal, then erases
        String proposer = proposal.getEmail();
        confirmedFollow(proposal.getTrackingCode(), proposer, "weekly");
        String contactToken = fixtures.jdbc().queryForObject("select token from contact where email = ?",
                String.class, proposer);
        mvc.perform(post("/my-data/" + contactToken + "/erase").with(csrf())).andExpect(status().isOk());
        assertThat(count("select count(*) from follow where email = ?", proposer)).isZero();
    }

    // ---- helpers -----------------------------------------------------------------------------------------------

    @Test
    void refusedFormsLinkBackKeepNoBadInputAndNameTheFieldForPeople() throws Exception {
        String code = proposal.getTrackingCode();
        Document refused = Jsoup.parse(follow(code, "not-an-address", "each").andExpect(status().isBadRequest())
                .andReturn().getResponse().getContentAsString());
        assertThat(refused.getElementById("follow-back").attr("href")).isEqualTo("/proposals/" + code);
        assertThat(refused.select("#follow-email").val()).isEqualTo("not-an-address");

        String longAddress = "a".repeat(20_000) + "@example.org";
        Document tooLong = Jsoup.parse(follow(code, longAddress, "each").andExpect(status().isBadRequest())
                .andReturn().getResponse().getContentAsString());
        assertThat(tooLong.getElementById("follow-email-error").text())
                .isEqualTo("El correo electrónico puede tener como máximo 254 caracteres.");
        assertThat(tooLong.html()).doesNotContain("a".repeat(300));
        Document nul = Jsoup.parse(follow(code, "lectora\u0000@example.org", "each")
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString());
        assertThat(nul.getElementById("follow-email-error").text()).contains("caracteres no permitidos");
        assertThat(nul.select("#follow-email").val()).isEmpty();
        assertThat(count("select count(*) from follow where email like ?", "%example.org")).isZero();

        // a value of the wrong type: the app's error page, the field named for people, a link back
        for (String[] lang : new String[][] {{"es", "Consentimiento: Valor inválido."}, {"en", "Consent: Invalid value."}}) {
            Document page = Jsoup.parse(mvc.perform(post("/follow").param("target", "proposal").param("key", code)
                    .param("email", READER).param("consent", "quizás").param("frequency", "each")
                    .param("lang", lang[0]).header("Referer", "http://localhost/proposals/" + code + "?lang=" + lang[0]))
                    .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString());
            assertThat(page.getElementById("reason").text()).isEqualTo(lang[1]);
            assertThat(page.getElementById("back").attr("href")).isEqualTo("/proposals/" + code + "?lang=" + lang[0]);
        }
        Document elsewhere = Jsoup.parse(mvc.perform(post("/follow").param("consent", "quizás")
                .header("Referer", "https://evil.example.net/phish")).andReturn().getResponse().getContentAsString());
        assertThat(elsewhere.getElementById("back")).as("never a link to another site").isNull();
    }

    @Test
    void twoIdenticalFollowRequestsAtTheSameMomentBothSucceedAndStoreOneFollow() throws Exception {
        String code = proposal.getTrackingCode();
        int clients = 4;
        for (int round = 0; round < 3; round++) {
            String email = "doble-" + round + "@example.org";
            java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(clients);
            java.util.concurrent.CountDownLatch ready = new java.util.concurrent.CountDownLatch(clients);
            java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
            List<java.util.concurrent.Future<?>> done = new java.util.ArrayList<>();
            for (int i = 0; i < clients; i++) {
                done.add(pool.submit(() -> {
                    ready.countDown();
                    go.await();
                    followers.request("proposal", code, email, true, "each", java.util.Locale.forLanguageTag("es"));
                    return null;
                }));
            }
            ready.await();
            go.countDown();
            try {
                for (java.util.concurrent.Future<?> f : done) {
                    f.get(60, java.util.concurrent.TimeUnit.SECONDS); // throws if a request failed
                }
            } finally {
                pool.shutdownNow();
            }
            assertThat(count("select count(*) from follow where email = ?", email)).as(email).isEqualTo(1);
        }
    }

    private ResultActions follow(String code, String email, String frequency) throws Exception {
        return mvc.perform(post("/follow").param("target", "proposal").param("key", code).param("email", email)
                .param("consent", "true").param("frequency", frequency));
    }

    private static void refused(ResultActions result, String fieldId) throws Exception {
        result.andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("href=\"#" + fieldId + "\"")))
                .andExpect(content().string(not(containsString("id=\"follow-requested\""))));
    }

    /** @return the follow's token, confirmed through the mailed link */
    private String confirmedFollow(String code, String email, String frequency) throws Exception {
        follow(code, email, frequency).andExpect(status().isOk());
        String body = fixtures.jdbc().queryForObject("select body_html from mail_outbox where recipient = ? and kind = "
                + "'follow-confirm' order by id desc limit 1", String.class, email);
        Matcher m = CONFIRM_LINK.matcher(body);
        assertThat(m.find()).isTrue();
        mvc.perform(post(m.group(1)).with(csrf())).andExpect(status().isOk());
        assertThat(followers.byToken(m.group(2)).orElseThrow().getFrequency().name()).isEqualToIgnoringCase(frequency);
        return m.group(2);
    }

    private String tokenOf(String email) {
        return fixtures.jdbc().queryForObject("select token from follow where email = ?", String.class, email);
    }

    private String confirmLinkMailedTo(String email) throws Exception {
        fixtures.flushOutbox();
        MimeMessage mail = onlyMail(email, "follow-confirm");
        assertThat(mail.getHeader("List-Unsubscribe")).as("a confirmation is no mass mail").isNull();
        Matcher m = CONFIRM_LINK.matcher(quotedPrintableFree(mail));
        assertThat(m.find()).as("the confirmation link").isTrue();
        return m.group();
    }

    /** The reasoned response as the workflow's delegates give it: recorded, then sent. */
    private void giveReasonedResponse(Proposal p) {
        proposals.recordResponse(p.getId(), "Gracias: la propuesta es viable y se co-creará en la mesa del eje.");
        proposals.sendResponse(p.getId());
    }

    private MimeMessage onlyMail(String recipient, String kind) {
        return ReceivedMails.only(greenMail, fixtures.jdbc(), recipient, kind);
    }

    private static String quotedPrintableFree(MimeMessage m) throws Exception {
        return ReceivedMails.text(m);
    }

    private long count(String sql, String arg) {
        return arg == null ? fixtures.jdbc().queryForObject(sql, Long.class)
                : fixtures.jdbc().queryForObject(sql, Long.class, arg);
    }
}
