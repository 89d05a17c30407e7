package org.cocrea.participant;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;

import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.junit5.GreenMailExtension;

import org.cocrea.roundtable.RoundTableScheduler;
import org.cocrea.roundtable.RoundTables;
import org.cocrea.support.CocreaIntegrationTest;
import org.cocrea.support.PublicHttp;
import org.cocrea.support.TestFixtures;
import org.cocrea.support.TestSmtp;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Thirty clients submit at the same instant (a {@link CountDownLatch} start gate, thirty threads, real HTTP against
 * the application on its random port, PostgreSQL): submissions that share a new e-mail address and organisation all
 * store and all get their mail. Before the contact and organisation were inserted "if absent", all but a few of
 * them failed with 500 on the unique keys {@code contact_email_key} / {@code organization_name_key} and were lost.
 */
@CocreaIntegrationTest
class ConcurrentSubmissionTests {

    private static final int CLIENTS = 30;
    private static final String EMAIL = "misma.persona@concurrente.example.org";

    @RegisterExtension
    static GreenMailExtension greenMail = new GreenMailExtension(TestSmtp.SMTP);

    @Autowired
    TestFixtures fixtures;
    @Autowired
    ObjectMapper json;
    @Autowired
    RoundTables roundTables;
    @Autowired
    RoundTableScheduler scheduler;
    @LocalServerPort
    int port;

    JdbcTemplate jdbc;

    @BeforeEach
    void openCall() {
        fixtures.reset();
        fixtures.openCall(Duration.ofDays(2));
        jdbc = fixtures.jdbc();
    }

    @Test
    void thirtyApiProposalsWithTheSameNewAddressAndOrganisationAreAllStoredAndConfirmed() throws Exception {
        List<Integer> statuses = race(i -> {
            PublicHttp client = new PublicHttp(port);
            byte[] body = body(proposal(i));
            return () -> client.post("/api/proposals", "application/json", body);
        });

        assertThat(statuses).as("every client gets 201").containsOnly(201).hasSize(CLIENTS);
        assertThat(count("select count(*) from proposal where lower(email) = ?", EMAIL)).isEqualTo(CLIENTS);
        assertThat(count("select count(*) from contact where email = ?", EMAIL)).isEqualTo(1);
        assertThat(count("select count(*) from organization where name = 'Red Concurrente'")).isEqualTo(1);
        assertThat(jdbc.queryForList("select a.axis from contact_axis a join contact c on c.id = a.contact_id "
                + "where c.email = ? order by a.axis", String.class, EMAIL)).containsExactly("ambiente", "ninez");
        assertThat(mailsArrivingTo(EMAIL, CLIENTS)).allSatisfy(m -> assertThat(m.getSubject())
                .startsWith("Recibimos tu propuesta (CC-"));
    }

    @Test
    void thirtyProposalFormsAndSubscriptionsOfOneNewAddressAreAllStoredAndMailed() throws Exception {
        List<Integer> statuses = race(i -> {
            PublicHttp client = new PublicHttp(port);
            if (i % 2 == 0) {
                client.get("/proposals/new");
                Map<String, Object> form = new LinkedHashMap<>(proposal(i));
                return () -> client.postForm("/proposals/new", form);
            }
            client.get("/subscribe");
            Map<String, Object> form = Map.of("email", EMAIL, "name", "Misma Persona", "topics",
                    "reutilizacion-datos", "consent", "true");
            return () -> {
                HttpResponse<String> r = client.postForm("/subscribe", form);
                return r.statusCode() == 200 && r.body().contains("id=\"subscribed\"") ? 201 : r.statusCode();
            };
        });

        // the form answers 302 to the proposal's page; the subscribe page 200 with the notice (counted as 201)
        assertThat(statuses).as("every client stored").containsOnly(302, 201).hasSize(CLIENTS);
        assertThat(count("select count(*) from proposal where lower(email) = ?", EMAIL)).isEqualTo(CLIENTS / 2);
        assertThat(count("select count(*) from contact where email = ?", EMAIL)).isEqualTo(1);
        List<MimeMessage> mails = mailsArrivingTo(EMAIL, CLIENTS);
        assertThat(mails).filteredOn(m -> subject(m).startsWith("Recibimos tu propuesta")).hasSize(CLIENTS / 2);
        assertThat(mails).filteredOn(m -> !subject(m).startsWith("Recibimos tu propuesta")).hasSize(CLIENTS / 2);
    }

    @Test
    void thirtySubscriptionsOfOneNewAddressStoreOneUnconfirmedContactAndMailEachConfirmation() throws Exception {
        List<Integer> statuses = race(i -> {
            PublicHttp client = new PublicHttp(port);
            client.get("/subscribe");
            Map<String, Object> form = Map.of("email", i % 3 == 0 ? EMAIL.toUpperCase() : EMAIL, "name", "Persona",
                    "consent", "true");
            return () -> {
                HttpResponse<String> r = client.postForm("/subscribe", form);
                return r.statusCode() == 200 && r.body().contains("id=\"subscribed\"") ? 201 : r.statusCode();
            };
        });

        assertThat(statuses).containsOnly(201).hasSize(CLIENTS);
        List<Map<String, Object>> contacts = jdbc.queryForList("select email, subscribed, consent_at, name from contact");
        assertThat(contacts).as("one contact, only the address until its owner confirms").hasSize(1);
        assertThat(contacts.get(0)).containsEntry("email", EMAIL).containsEntry("subscribed", false)
                .containsEntry("consent_at", null).containsEntry("name", null);
        assertThat(mailsArrivingTo(EMAIL, CLIENTS)).hasSize(CLIENTS);
    }

    @Test
    void thirtyRegistrationsAtOnceFillTheSeatsThenTheWaitingListAndOneAddressGetsOneSeat() throws Exception {
        long table = scheduledTable(10);
        List<Integer> statuses = race(i -> {
            PublicHttp client = new PublicHttp(port);
            client.get("/round-tables/" + table);
            // clients 0-19 are different people; 20-29 are one person registering from several devices
            String email = i < 20 ? "persona" + i + "@mesa.example.org" : EMAIL;
            Map<String, Object> form = Map.of("name", "Persona " + i, "email", email, "organization",
                    "Red Concurrente", "organizationType", "academia", "consent", "true");
            return () -> {
                HttpResponse<String> r = client.postForm("/round-tables/" + table + "/register", form);
                if (r.statusCode() != 200) {
                    return r.statusCode();
                }
                return r.body().contains("id=\"registered\"") ? 201 : r.body().contains("id=\"errors\"") ? 409 : 200;
            };
        });

        assertThat(statuses).as("21 people registered, the same person's 9 other tries refused as duplicates")
                .containsOnly(201, 409).filteredOn(s -> s == 201).hasSize(21);
        assertThat(count("select count(*) from round_table_registration where round_table_id = ?", table))
                .isEqualTo(21);
        assertThat(count("select count(*) from round_table_registration where round_table_id = ? and email = ?",
                table, EMAIL)).isEqualTo(1);
        assertThat(count("select count(*) from round_table_registration where round_table_id = ? "
                + "and status = 'REGISTERED'", table)).isEqualTo(10);
        assertThat(count("select count(*) from round_table_registration where round_table_id = ? "
                + "and status = 'WAITLISTED'", table)).isEqualTo(11);
        assertThat(count("select count(*) from mail_outbox where kind = 'round-table-registration'")).isEqualTo(21);
    }

    @Test
    void thirtyCommentsAtOnceWithOneAddressAreAllStored() throws Exception {
        long draft = circulatingDraft();
        List<Integer> statuses = race(i -> {
            PublicHttp client = new PublicHttp(port);
            client.get("/drafts/" + draft);
            Map<String, Object> form = Map.of("section", "objective", "name", "Misma Persona", "email", EMAIL,
                    "consent", "true", "body", "Comentario número " + i + " 🌳");
            return () -> client.postForm("/drafts/" + draft + "/comments", form).statusCode();
        });

        assertThat(statuses).containsOnly(302).hasSize(CLIENTS);
        assertThat(count("select count(*) from draft_comment where commitment_id = ? and email = ?", draft, EMAIL))
                .isEqualTo(CLIENTS);
    }

    // ---- helpers ---------------------------------------------------------------------------------------------

    /** What one client does once the gate opens; returns the HTTP status (or a status the test derived). */
    interface Shot {
        Object fire() throws Exception;
    }

    /**
     * Prepares {@link #CLIENTS} clients (each on its own thread, e.g. opening the form for its CSRF token), then
     * opens the start gate so they all send at once.
     *
     * @return each client's status, in client order
     */
    private List<Integer> race(IntFunction<Shot> prepare) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        try {
            CountDownLatch ready = new CountDownLatch(CLIENTS);
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> results = new ArrayList<>();
            for (int i = 0; i < CLIENTS; i++) {
                int client = i;
                results.add(pool.submit(() -> {
                    Shot shot;
                    try {
                        shot = prepare.apply(client);
                    } finally {
                        ready.countDown();
                    }
                    start.await();
                    Object outcome = shot.fire();
                    return outcome instanceof HttpResponse<?> r ? r.statusCode() : (Integer) outcome;
                }));
            }
            assertThat(ready.await(60, TimeUnit.SECONDS)).as("clients ready").isTrue();
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> f : results) {
                statuses.add(f.get(120, TimeUnit.SECONDS));
            }
            return statuses;
        } finally {
            pool.shutdownNow();
        }
    }

    private Map<String, Object> proposal(int i) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("title", "Propuesta concurrente " + i);
        body.put("description", "Descripción de la propuesta número " + i);
        body.put("axis", i % 2 == 0 ? "ambiente" : "ninez");
        body.put("submitterType", "osc-tematica");
        body.put("organization", "Red Concurrente");
        body.put("name", "Misma Persona");
        body.put("email", i % 3 == 0 ? EMAIL.toUpperCase() : EMAIL);
        body.put("consent", true);
        return body;
    }

    private byte[] body(Object value) {
        try {
            return json.writeValueAsBytes(value);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private long count(String sql, Object... args) {
        return jdbc.queryForObject(sql, Long.class, args);
    }

    /** Delivers the outbox and waits (deadline 60 s) until {@code expected} mails reached the address. */
    private List<MimeMessage> mailsArrivingTo(String address, int expected) throws Exception {
        fixtures.flushOutbox();
        Instant deadline = Instant.now().plusSeconds(60);
        List<MimeMessage> to = new ArrayList<>();
        while (true) {
            to.clear();
            for (MimeMessage m : greenMail.getReceivedMessages()) {
                if (m.getRecipients(Message.RecipientType.TO) != null
                        && m.getRecipients(Message.RecipientType.TO)[0].toString().equalsIgnoreCase(address)) {
                    to.add(m);
                }
            }
            if (to.size() >= expected || Instant.now().isAfter(deadline)) {
                break;
            }
            greenMail.waitForIncomingEmail(500, greenMail.getReceivedMessages().length + 1);
        }
        assertThat(to).as("mails to " + address).hasSize(expected);
        return to;
    }

    private static String subject(MimeMessage m) {
        try {
            return m.getSubject();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A SCHEDULED round-table of {@code ambiente} with the given seats (as RoundTableRegistrationTests builds it). */
    private long scheduledTable(int capacity) {
        long callId = fixtures.openCallId();
        long id = roundTables.create(callId, "ambiente", null).getId();
        Instant start = scheduler.propose(Duration.ofHours(2), List.of());
        roundTables.confirm(id, start, 120, "https://meet.example.org/ambiente", capacity);
        return id;
    }

    /** A commitment draft circulating for comments until tomorrow. */
    private long circulatingDraft() {
        jdbc.update("""
                insert into commitment (action_plan, co_creation_instance, title_es, start_date, end_date,
                  description, ogp_values, status, axis, lead_area_group, version, comment_deadline)
                values ('ARBA-2021-2023', 1, 'Borrador concurrente', date '2026-01-01', date '2026-12-31',
                  'Descripción', 'Transparencia', 'CIRCULATING', 'ambiente', 'area-ambiente', 1, ?)
                """, Timestamp.from(Instant.now().plus(Duration.ofDays(1))));
        return count("select id from commitment where title_es = 'Borrador concurrente'");
    }
}
