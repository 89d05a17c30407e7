package org.cocrea.community;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.sql.Timestamp;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.internet.MimeMessage;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import org.cocrea.participant.ContactErased;
import org.cocrea.support.CocreaIntegrationTest;
import org.cocrea.support.IcalJs;
import org.cocrea.support.PublicHttp;
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
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Communities of practice (issue 11 part 6) on PostgreSQL, mails through a real SMTP server (GreenMail): staff create
 * a community (bad input 400 naming each field, nothing stored); a follower of the community (double opt-in through
 * following/) hears of a new event; the date is checked by the Stage 2 scheduling service; people register with
 * capacity and waiting list, get the iCalendar invitation (read by ical.js) and a private link to withdraw, which gives
 * the seat to the first person waiting; moving and cancelling the event mail the registrants the update or the
 * cancellation; summary and materials are public, registrants' names and e-mails never; the directory's erasure
 * removes registrations; two requests for the last seat cannot both get it.
 */
@CocreaIntegrationTest
class CommunityTests {

    private static final ZoneId BUENOS_AIRES = ZoneId.of("America/Argentina/Buenos_Aires");
    private static final Pattern CONFIRM_LINK = Pattern.compile("http://localhost:8080(/follow/confirm/([0-9a-f]{32})\\?frequency=each)");
    private static final Pattern WITHDRAW_LINK = Pattern.compile("/communities/registrations/([0-9a-f]{32})");

    @RegisterExtension
    static GreenMailExtension greenMail = new GreenMailExtension(TestSmtp.SMTP);

    @Autowired
    MockMvc mvc;
    @Autowired
    TestFixtures fixtures;
    @Autowired
    Communities communities;
    @Autowired
    CommunityRegistrations registrations;
    @Autowired
    ApplicationEventPublisher publisher;
    @Autowired
    TransactionTemplate tx;
    @LocalServerPort
    int port;

    private static final java.util.Locale ES = java.util.Locale.forLanguageTag("es");

    @BeforeEach
    @AfterEach
    void reset() {
        fixtures.reset();
    }

    private static RequestPostProcessor staff() {
        return user("equipo").authorities(new SimpleGrantedAuthority("GROUP_og-team"));
    }

    private Community community() {
        return communities.create(new Communities.CommunityInput("", "Reutilización de datos abiertos",
                "Open data reuse", "Encuentros sobre reutilización de datos abiertos de la Ciudad.",
                "Meetups on reusing the City's open data."), "equipo");
    }

    private CommunityEvent event(Community c, int capacity) {
        return communities.schedule(c.getSlug(), new Communities.EventInput("Taller de datos de movilidad",
                "Trabajamos con el dataset de bicicletas.", communities.proposeStart(c).toString(), 120,
                "https://meet.example.org/datos", capacity), "equipo");
    }

    private ResultActions register(Community c, CommunityEvent e, String name, String email) throws Exception {
        return mvc.perform(post("/communities/" + c.getSlug() + "/events/" + e.getId() + "/register").with(csrf())
                .param("name", name).param("email", email).param("organization", "Datos Abiertos Org")
                .param("organizationType", "osc-tematica").param("consent", "true"));
    }

    @Test
    void staffCreateACommunityAndBadInputIsRefusedNamingEachField() throws Exception {
        mvc.perform(post("/staff/communities").with(staff()).with(csrf()).param("slug", "Datos Abiertos!")
                        .param("nameEs", "").param("descriptionEs", "x".repeat(4001)))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Dirección web (slug): usá solo letras minúsculas")))
                .andExpect(content().string(containsString("Nombre (castellano): tiene que tener entre 1 y 200")))
                .andExpect(content().string(containsString("Descripción (castellano): tiene que tener entre 1 y 4.000")))
                .andExpect(content().string(containsString("value=\"Datos Abiertos!\"")));
        assertThat(rows("select count(*) from community")).as("nothing stored").isZero();

        mvc.perform(post("/staff/communities").with(staff()).with(csrf())
                        .param("nameEs", "Reutilización de datos abiertos").param("nameEn", "Open data reuse")
                        .param("descriptionEs", "Encuentros sobre datos abiertos."))
                .andExpect(status().is3xxRedirection())
                .andExpect(header().string("Location", "/staff/communities/reutilizacion-de-datos-abiertos?created"));
        mvc.perform(post("/staff/communities").with(staff()).with(csrf())
                        .param("slug", "reutilizacion-de-datos-abiertos").param("nameEs", "Otra")
                        .param("descriptionEs", "Otra."))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("ya hay una comunidad en /communities/reutilizacion-de-datos-abiertos")));
        mvc.perform(post("/staff/communities").with(staff()).with(csrf()).param("nameEs", "x")
                        .param("descriptionEs", "y").header("Accept-Language", "en"))
                .andExpect(status().is3xxRedirection());

        mvc.perform(post("/staff/communities").with(user("ambiente").authorities(
                        new SimpleGrantedAuthority("GROUP_area-ambiente"))).with(csrf()).param("nameEs", "z")
                        .param("descriptionEs", "z"))
                .andExpect(status().isForbidden());
        mvc.perform(get("/communities").header("Accept-Language", "en")).andExpect(status().isOk())
                .andExpect(content().string(containsString("Open data reuse")))
                .andExpect(content().string(containsString("Communities of practice")));
        mvc.perform(get("/communities")).andExpect(status().isOk())
                .andExpect(content().string(containsString("Reutilización de datos abiertos")));
    }

    @Test
    void aNewEventIsAnnouncedToTheConfirmedFollowersOfTheCommunityOnly() throws Exception {
        Community c = community();
        mvc.perform(post("/follow").param("target", "community").param("key", c.getSlug())
                .param("email", "sigue@example.org").param("consent", "true").param("frequency", "each"))
                .andExpect(status().isOk());
        mvc.perform(post("/follow").param("target", "community").param("key", c.getSlug())
                .param("email", "sin-confirmar@example.org").param("consent", "true").param("frequency", "each"))
                .andExpect(status().isOk());
        fixtures.flushOutbox();
        Matcher link = CONFIRM_LINK.matcher(body(onlyMail("sigue@example.org", "follow-confirm")));
        assertThat(link.find()).isTrue();
        mvc.perform(post(link.group(1)).with(csrf())).andExpect(status().isOk());

        CommunityEvent e = event(c, 30);
        fixtures.flushOutbox();
        MimeMessage announced = onlyMail("sigue@example.org", "follow-change");
        assertThat(announced.getSubject()).startsWith("Nuevo evento: «Reutilización de datos abiertos»: Taller de datos")
                .endsWith("(hora de Buenos Aires)");
        assertThat(body(announced)).contains("Nuevo evento de la comunidad", "Taller de datos de movilidad",
                "http://localhost:8080/communities/" + c.getSlug() + "/events/" + e.getId());
        assertThat(announced.getHeader("List-Unsubscribe-Post")[0]).isEqualTo("List-Unsubscribe=One-Click");
        assertThat(rows("select count(*) from mail_outbox where recipient = 'sin-confirmar@example.org'"
                + " and kind = 'follow-change'")).as("double opt-in: nothing before confirming").isZero();

        LocalDateTime later = LocalDateTime.ofInstant(e.getStartsAt(), BUENOS_AIRES).plusDays(7);
        while (later.getDayOfWeek() == DayOfWeek.SATURDAY || later.getDayOfWeek() == DayOfWeek.SUNDAY) {
            later = later.plusDays(1);
        }
        communities.reschedule(c.getSlug(), e.getId(), later.toString());
        assertThat(fixtures.jdbc().queryForObject("select subject from mail_outbox where recipient = 'sigue@example.org'"
                + " and kind = 'follow-change' order by id desc limit 1", String.class))
                .startsWith("Cambió la fecha:").contains("antes el");
        communities.cancel(c.getSlug(), e.getId());
        assertThat(rows("select count(*) from mail_outbox where recipient = 'sigue@example.org'"
                + " and kind = 'follow-change'")).as("the move and the cancellation too").isEqualTo(3);
        assertThat(fixtures.jdbc().queryForObject("select subject from mail_outbox where recipient = 'sigue@example.org'"
                + " and kind = 'follow-change' order by id desc limit 1", String.class)).startsWith("Evento cancelado:");
    }

    @Test
    void theSchedulingServiceChecksTheDateAndEveryFieldIsNamed() throws Exception {
        Community c = community();
        LocalDateTime saturday = LocalDateTime.now(BUENOS_AIRES).plusDays(30)
                .with(TemporalAdjusters.next(DayOfWeek.SATURDAY)).withHour(11).truncatedTo(ChronoUnit.HOURS);
        mvc.perform(post("/staff/communities/" + c.getSlug() + "/events").with(staff()).with(csrf())
                        .param("title", "Taller").param("startsAt", saturday.toString())
                        .param("durationMinutes", "120").param("location", "").param("capacity", "0"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Inicio (hora de Buenos Aires):")))
                .andExpect(content().string(containsString("Lugar o enlace: tiene que tener entre 1 y 500")))
                .andExpect(content().string(containsString("Cupo: tiene que ser un número entre 1 y 10.000")))
                .andExpect(content().string(containsString("value=\"Taller\"")));
        mvc.perform(post("/staff/communities/" + c.getSlug() + "/events").with(staff()).with(csrf())
                        .param("title", "Taller").param("startsAt", "mañana").param("durationMinutes", "120")
                        .param("location", "Sala 1").param("capacity", "10"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("no es una fecha y hora válida")));
        assertThat(rows("select count(*) from community_event")).isZero();

        CommunityEvent first = event(c, 10);
        mvc.perform(post("/staff/communities/" + c.getSlug() + "/events").with(staff()).with(csrf())
                        .param("title", "Otro").param("startsAt", LocalDateTime.ofInstant(first.getStartsAt(),
                                BUENOS_AIRES).toString())
                        .param("durationMinutes", "60").param("location", "Sala 1").param("capacity", "10"))
                .andExpect(status().isBadRequest());
        assertThat(rows("select count(*) from community_event")).as("no overlap within the community").isEqualTo(1);
        mvc.perform(get("/staff/communities/" + c.getSlug()).with(staff())).andExpect(status().isOk())
                .andExpect(content().string(containsString("Taller de datos de movilidad")));
    }

    @Test
    void registrationSeatsWaitingListInvitationWithdrawalAndPromotion() throws Exception {
        Community c = community();
        CommunityEvent e = event(c, 1);
        String eventPage = "/communities/" + c.getSlug() + "/events/" + e.getId();
        register(c, e, "Ana Pérez", "ana@example.org")
                .andExpect(header().string("Location", eventPage + "?registered=seat"));
        mvc.perform(get(eventPage + "?registered=seat")).andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"registered\"")))
                .andExpect(content().string(not(containsString("id=\"registration\""))));
        register(c, e, "Beto Gómez", "Beto@Example.org")
                .andExpect(header().string("Location", eventPage + "?registered=waiting"));
        register(c, e, "Ana otra vez", "ana@example.org")
                .andExpect(header().string("Location", eventPage + "?registered=seat"));
        assertThat(rows("select count(*) from mail_outbox where recipient = 'ana@example.org' and kind = '"
                + CommunityRegistrations.CONFIRM_KIND + "'"))
                .as("registering again says nothing new on the page; the owner gets the mail again").isEqualTo(2);
        mvc.perform(post("/communities/" + c.getSlug() + "/events/" + e.getId() + "/register").with(csrf())
                        .param("name", "").param("email", "no-es-correo").param("organizationType", "marcianos"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Nombre: tiene que tener entre 1 y 150")))
                .andExpect(content().string(containsString("Correo electrónico: el correo no es válido")))
                .andExpect(content().string(containsString("Tipo de organización: elegí el tipo")))
                .andExpect(content().string(containsString("Consentimiento: tenés que aceptar")));
        assertThat(rows("select count(*) from community_event_registration")).isEqualTo(2);

        fixtures.jdbc().update("delete from mail_outbox where id = (select max(id) from mail_outbox"
                + " where recipient = 'ana@example.org')"); // the repeated confirmation
        fixtures.flushOutbox();
        MimeMessage seat = onlyMail("ana@example.org", CommunityRegistrations.CONFIRM_KIND);
        assertThat(seat.getSubject()).contains("Tu lugar en Taller de datos de movilidad");
        String ics = attachmentTo("ana@example.org", CommunityRegistrations.CONFIRM_KIND);
        JsonNode calendar = IcalJs.read(List.of(ics)).get(0);
        assertThat(calendar.has("error")).as(calendar.toString()).isFalse();
        assertThat(calendar.get("method").asText()).isEqualTo("REQUEST");
        JsonNode vevent = calendar.get("events").get(0);
        assertThat(vevent.get("startTzid").asText()).isEqualTo("America/Argentina/Buenos_Aires");
        assertThat(Instant.parse(vevent.get("startUtc").asText())).isEqualTo(e.getStartsAt());
        assertThat(vevent.get("uid").asText()).isEqualTo(e.getIcalUid());
        assertThat(attachmentTo("beto@example.org", CommunityRegistrations.CONFIRM_KIND))
                .as("no invitation without a seat").isNull();

        assertThat(body(seat)).contains("Ana");
        Matcher token = WITHDRAW_LINK.matcher(fixtures.jdbc().queryForList("select body_html from mail_outbox"
                + " where recipient = 'ana@example.org' and kind = ?", String.class, CommunityRegistrations.CONFIRM_KIND)
                .get(0));
        assertThat(token.find()).isTrue();
        mvc.perform(get("/communities/registrations/" + token.group(1))).andExpect(status().isOk())
                .andExpect(content().string(containsString("Tenés un lugar en este evento")));
        mvc.perform(post("/communities/registrations/" + token.group(1) + "/withdraw").with(csrf()))
                .andExpect(header().string("Location", "/communities/registrations/" + token.group(1)
                        + "?withdrawn=seat"));
        mvc.perform(get("/communities/registrations/" + token.group(1) + "?withdrawn=seat"))
                .andExpect(content().string(containsString("liberaste tu lugar")));
        mvc.perform(post("/communities/registrations/" + token.group(1) + "/withdraw").with(csrf()))
                .andExpect(header().string("Location", "/communities/registrations/" + token.group(1)
                        + "?withdrawn=already"));
        mvc.perform(get("/communities/registrations/0123456789abcdef0123456789abcdef"))
                .andExpect(status().isNotFound());

        assertThat(IcalJs.read(List.of(attachmentTo("ana@example.org", "community-event-withdrawn"))).get(0)
                .get("method").asText()).isEqualTo("CANCEL");
        assertThat(registrationStatus("beto@example.org")).as("the first person waiting gets the seat").isEqualTo("REGISTERED");
        assertThat(IcalJs.read(List.of(attachmentTo("beto@example.org", "community-seat"))).get(0)
                .get("method").asText()).isEqualTo("REQUEST");
        assertThat(rows("select count(*) from mail_outbox where recipient = 'ana@example.org'"
                + " and kind = 'community-event-withdrawn'")).as("withdrawing twice mails once").isEqualTo(1);

        Document page = Jsoup.parse(mvc.perform(get("/communities/" + c.getSlug() + "/events/" + e.getId()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(page.text()).contains("Lugares ocupados: 1 de 1").doesNotContain("Beto", "beto@", "ana@", "Ana Pérez");
        mvc.perform(get("/communities/" + c.getSlug() + "/events/" + e.getId() + "/calendar.ics"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("BEGIN:VEVENT")))
                .andExpect(content().string(not(containsString("ATTENDEE"))));
    }

    @Test
    void movingAndCancellingMailTheRegistrantsTheUpdateAndTheCancellation() throws Exception {
        Community c = community();
        CommunityEvent e = event(c, 1);
        register(c, e, "Ana Pérez", "ana@example.org").andExpect(status().is3xxRedirection());
        register(c, e, "Beto Gómez", "beto@example.org").andExpect(status().is3xxRedirection());
        LocalDateTime later = LocalDateTime.ofInstant(e.getStartsAt(), BUENOS_AIRES).plusDays(7);
        while (later.getDayOfWeek() == DayOfWeek.SATURDAY || later.getDayOfWeek() == DayOfWeek.SUNDAY) {
            later = later.plusDays(1);
        }
        mvc.perform(post("/staff/communities/" + c.getSlug() + "/events/" + e.getId() + "/reschedule").with(staff())
                .with(csrf()).param("startsAt", later.toString())).andExpect(status().is3xxRedirection());
        JsonNode updated = IcalJs.read(List.of(attachmentTo("ana@example.org", "community-event-updated"))).get(0);
        assertThat(updated.get("method").asText()).isEqualTo("REQUEST");
        assertThat(updated.get("events").get(0).get("sequence").asInt()).isEqualTo(1);
        assertThat(rows("select count(*) from mail_outbox where recipient = 'beto@example.org'"
                + " and kind = 'community-event-updated'")).as("waiting list: no invitation to update").isZero();

        mvc.perform(post("/staff/communities/" + c.getSlug() + "/events/" + e.getId() + "/cancel").with(staff())
                .with(csrf())).andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Confirmación: tildá la casilla")));
        assertThat(rows("select count(*) from community_event where status = 'CANCELLED'")).as("one stray click")
                .isZero();
        mvc.perform(post("/staff/communities/" + c.getSlug() + "/events/" + e.getId() + "/cancel").with(staff())
                .with(csrf()).param("confirm", "true")).andExpect(status().is3xxRedirection());
        JsonNode cancelled = IcalJs.read(List.of(attachmentTo("ana@example.org", "community-event-cancelled"))).get(0);
        assertThat(cancelled.get("method").asText()).isEqualTo("CANCEL");
        assertThat(cancelled.get("events").get(0).get("sequence").asInt()).isEqualTo(2);
        assertThat(rows("select count(*) from mail_outbox where recipient = 'beto@example.org'"
                + " and kind = 'community-event-cancelled'")).as("the waiting list is told").isEqualTo(1);
        assertThat(registrationStatus("ana@example.org")).as("staff still see who had a seat").isEqualTo("REGISTERED");
        mvc.perform(post("/staff/communities/" + c.getSlug() + "/events/" + e.getId() + "/cancel").with(staff())
                .with(csrf()).param("confirm", "true")).andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Estado: el evento ya empezó, se realizó o se canceló")));
        register(c, e, "Carla", "carla@example.org").andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("la inscripción de este evento está cerrada")));
        mvc.perform(get("/communities/" + c.getSlug() + "/events/" + e.getId())).andExpect(status().isOk())
                .andExpect(content().string(containsString("Cancelado")));
    }

    @Test
    void summaryAndMaterialsArePublicAndBadAddressesAreRefused() throws Exception {
        Community c = community();
        long past = pastEvent(c);
        mvc.perform(post("/staff/communities/" + c.getSlug() + "/events/" + past + "/summary").with(staff())
                        .with(csrf()).param("summary", "").param("attendance", "-3"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Resumen público: tiene que tener entre 1 y 20.000")))
                .andExpect(content().string(containsString("Asistencia: tiene que ser un número")));
        mvc.perform(post("/staff/communities/" + c.getSlug() + "/events/" + past + "/summary").with(staff())
                        .with(csrf()).param("summary", "Exploramos el dataset de bicicletas públicas.")
                        .param("attendance", "23"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post("/staff/communities/" + c.getSlug() + "/events/" + past + "/materials").with(staff())
                        .with(csrf()).param("materialTitle", "Presentación").param("materialUrl", "javascript:alert(1)"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Dirección del material: tiene que ser una dirección web")));
        mvc.perform(post("/staff/communities/" + c.getSlug() + "/events/" + past + "/materials").with(staff())
                        .with(csrf()).param("materialTitle", "Presentación")
                        .param("materialUrl", "https://data.buenosaires.gob.ar/dataset/bicicletas-publicas"))
                .andExpect(status().is3xxRedirection());
        assertThat(rows("select count(*) from community_event_material")).isEqualTo(1);

        Document page = Jsoup.parse(mvc.perform(get("/communities/" + c.getSlug())).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString());
        assertThat(page.select("#event-" + past).text()).contains("Exploramos el dataset", "Presentación", "Realizado");
        assertThat(page.select("#event-" + past + " a[href^=https://data.buenosaires]")).hasSize(1);
        assertThat(page.select("#follow input[name=target]").val()).isEqualTo("community");
        mvc.perform(get("/communities/" + c.getSlug() + "/events/" + past)).andExpect(status().isOk())
                .andExpect(content().string(containsString("Participaron 23 personas")))
                .andExpect(content().string(not(containsString("id=\"registration\""))));
        mvc.perform(get("/communities/no-existe")).andExpect(status().isNotFound());
        mvc.perform(get("/communities/" + c.getSlug() + "/events/999999")).andExpect(status().isNotFound());
        mvc.perform(get("/staff/communities/" + c.getSlug() + "/events/" + past)).andExpect(status().is3xxRedirection());
    }

    @Test
    void anEventThatAlreadyTookPlaceIsRecordedWithoutMailsAndAFutureOneIsRefused() throws Exception {
        Community c = community();
        LocalDateTime future = LocalDateTime.now(BUENOS_AIRES).plusDays(3).truncatedTo(ChronoUnit.HOURS);
        mvc.perform(post("/staff/communities/" + c.getSlug() + "/past-events").with(staff()).with(csrf())
                        .param("title", "Encuentro").param("startsAt", future.toString()).param("durationMinutes", "90")
                        .param("location", "Sala 1").param("summary", "Resumen").param("attendance", "12"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Inicio (hora de Buenos Aires): tiene que haber terminado")))
                .andExpect(content().string(containsString("value=\"Encuentro\"")));
        LocalDateTime past = LocalDateTime.now(BUENOS_AIRES).minusDays(40).truncatedTo(ChronoUnit.HOURS);
        mvc.perform(post("/staff/communities/" + c.getSlug() + "/past-events").with(staff()).with(csrf())
                        .param("title", "Encuentro de 2025").param("startsAt", past.toString())
                        .param("durationMinutes", "90").param("location", "Sala 1")
                        .param("summary", "Se mapearon los datasets de movilidad.").param("attendance", "12"))
                .andExpect(status().is3xxRedirection());
        assertThat(rows("select count(*) from community_event where status = 'HELD'")).isEqualTo(1);
        assertThat(rows("select count(*) from mail_outbox")).as("nobody is mailed").isZero();
        mvc.perform(get("/communities/" + c.getSlug())).andExpect(status().isOk())
                .andExpect(content().string(containsString("Se mapearon los datasets de movilidad.")));
    }

    @Test
    void theDirectorysErasureAnonymisesTheRegistrationsAndEndsThoseOfUpcomingEvents() throws Exception {
        Community c = community();
        CommunityEvent e = event(c, 5);
        register(c, e, "Ana Pérez", "ana@example.org").andExpect(status().is3xxRedirection());
        register(c, e, "Beto Gómez", "beto@example.org").andExpect(status().is3xxRedirection());
        tx.executeWithoutResult(s -> publisher.publishEvent(new ContactErased("ana@example.org")));
        assertThat(rows("select count(*) from community_event_registration where email = 'ana@example.org'"
                + " or name = 'Ana Pérez'")).isZero();
        assertThat(rows("select count(*) from community_event_registration where status = 'CANCELLED'"
                + " and email like 'erased-%'")).as("anonymised; an upcoming event's registration ends").isEqualTo(1);
        assertThat(rows("select count(*) from community_event_registration where status = 'REGISTERED'"))
                .isEqualTo(1);
    }

    @Test
    void twoRequestsForTheLastSeatCannotBothGetIt() throws Exception {
        Community c = community();
        CommunityEvent e = event(c, 1);
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Callable<EventRegistration>> calls = List.of("uno@example.org", "dos@example.org").stream()
                    .<Callable<EventRegistration>>map(email -> () -> {
                        start.await();
                        return registrations.register(e.getId(), "Persona", email, "", "ciudadania", true,
                                java.util.Locale.forLanguageTag("es"));
                    }).toList();
            List<Future<EventRegistration>> results = calls.stream().map(pool::submit).toList();
            start.countDown();
            for (Future<EventRegistration> f : results) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(rows("select count(*) from community_event_registration where status = 'REGISTERED'"))
                .isEqualTo(1);
        assertThat(rows("select count(*) from community_event_registration where status = 'WAITLISTED'"))
                .isEqualTo(1);
    }

    @Test
    void aLongEventPageIsWholeForAVisitorWithoutASession() {
        Community c = community();
        CommunityEvent e = communities.schedule(c.getSlug(), new Communities.EventInput("Taller largo",
                "Descripción del taller. ".repeat(330), communities.proposeStart(c).toString(), 120, "Sala 1", 5),
                "equipo");
        var page = new PublicHttp(port).get("/communities/" + c.getSlug() + "/events/" + e.getId());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).as("the registration form (its CSRF token opens a session) and the end of the page")
                .contains("id=\"registration\"", "name=\"_csrf\"", "</html>");
    }

    @Test
    void whoWithdrewAndRegisteredAgainQueuesBehindThoseAlreadyWaiting() {
        Community c = community();
        CommunityEvent e = event(c, 1);
        EventRegistration seated = registrations.register(e.getId(), "Ana", "ana@example.org", "", "ciudadania", true,
                ES);
        EventRegistration again = registrations.register(e.getId(), "Xavi", "xavi@example.org", "", "ciudadania", true,
                ES);
        registrations.withdraw(again.getToken());
        registrations.register(e.getId(), "Wanda", "wanda@example.org", "", "ciudadania", true, ES);
        registrations.register(e.getId(), "Xavi", "xavi@example.org", "", "ciudadania", true, ES);
        registrations.withdraw(seated.getToken());
        assertThat(registrationStatus("wanda@example.org")).isEqualTo("REGISTERED");
        assertThat(registrationStatus("xavi@example.org")).isEqualTo("WAITLISTED");
    }

    @Test
    void erasingAPersonWithASeatGivesItToTheFirstPersonWaiting() {
        Community c = community();
        CommunityEvent e = event(c, 1);
        registrations.register(e.getId(), "Ana", "ana@example.org", "", "ciudadania", true, ES);
        registrations.register(e.getId(), "Beto", "beto@example.org", "", "ciudadania", true, ES);
        tx.executeWithoutResult(s -> publisher.publishEvent(new ContactErased("ana@example.org")));
        assertThat(registrationStatus("beto@example.org")).isEqualTo("REGISTERED");
        assertThat(attachmentTo("beto@example.org", "community-seat")).contains("METHOD:REQUEST");
        assertThat(rows("select count(*) from mail_outbox where recipient like 'erased-%'")).isZero();
    }

    @Test
    void twoRequestsSchedulingAtTheSameTimeGiveOneEvent() throws Exception {
        Community c = community();
        String start = communities.proposeStart(c).toString();
        List<Object> outcomes = together(() -> communities.schedule(c.getSlug(), new Communities.EventInput("Uno", "",
                start, 60, "Sala", 5), "equipo"), () -> communities.schedule(c.getSlug(),
                new Communities.EventInput("Dos", "", start, 60, "Sala", 5), "equipo"));
        assertThat(rows("select count(*) from community_event")).isEqualTo(1);
        assertThat(outcomes).filteredOn(o -> o instanceof org.cocrea.kernel.InputRefusedException).hasSize(1);
    }

    @Test
    void twoCommunitiesCreatedAtOnceWithOneAddressGiveOneAndARefusal() throws Exception {
        List<Object> outcomes = together(() -> communities.create(new Communities.CommunityInput("misma", "A", "",
                "a", ""), "equipo"), () -> communities.create(new Communities.CommunityInput("misma", "B", "", "b", ""),
                "equipo"));
        assertThat(rows("select count(*) from community")).isEqualTo(1);
        assertThat(outcomes).as("a refusal naming the address, not a database error")
                .filteredOn(o -> o instanceof org.cocrea.kernel.InputRefusedException).hasSize(1);
    }

    @Test
    void oddInputIsRefusedNamingTheField() throws Exception {
        Community c = community();
        CommunityEvent e = event(c, 5);
        String base = "/staff/communities/" + c.getSlug();
        mvc.perform(post(base + "/events").with(staff()).with(csrf()).param("title", "T")
                        .param("startsAt", "-5000-01-01T10:00").param("durationMinutes", "1e3")
                        .param("location", "Sala").param("capacity", "abc"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Inicio (hora de Buenos Aires): tiene que ser una fecha entre los años 2000 y 2100")))
                .andExpect(content().string(containsString("Duración (minutos): tiene que ser entre 15 y 480")))
                .andExpect(content().string(containsString("Cupo: tiene que ser un número")));
        mvc.perform(post(base + "/events/" + e.getId() + "/reschedule").with(staff()).with(csrf())
                        .param("startsAt", LocalDateTime.ofInstant(e.getStartsAt(), BUENOS_AIRES).toString()))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("es la fecha que el evento ya tiene")));
        mvc.perform(post("/staff/communities").with(staff()).with(csrf()).param("slug", "invisible")
                        .param("nameEs", "\u200B\u00A0").param("descriptionEs", "\u00A0"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Nombre (castellano): tiene que tener entre 1 y 200")));
        mvc.perform(post(base + "/events/" + e.getId() + "/materials").with(staff()).with(csrf())
                        .param("materialTitle", "Planilla").param("materialUrl", "https://user:clave@example.org/x"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Dirección del material:")));
        register(c, e, "Ana\r\nBcc: otro", "ana@example.org").andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Nombre: tiene caracteres no permitidos")));
        communities.cancel(c.getSlug(), e.getId());
        mvc.perform(post(base + "/events/" + e.getId() + "/materials").with(staff()).with(csrf())
                        .param("materialTitle", "Planilla").param("materialUrl", "https://example.org/x"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("el evento está cancelado")));
        assertThat(rows("select count(*) from community_event")).isEqualTo(1);
        assertThat(rows("select count(*) from community_event_registration")).isZero();
        assertThat(rows("select count(*) from community_event_material")).isZero();
        mvc.perform(get("/communities/" + c.getSlug().toUpperCase(java.util.Locale.ROOT)))
                .andExpect(header().string("Location", "/communities/" + c.getSlug()));
    }

    /** Runs both at once (released together by a latch); each outcome is its result or the exception it threw. */
    private static List<Object> together(Callable<Object> one, Callable<Object> two) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Object>> futures = List.of(one, two).stream().map(call -> pool.submit(() -> {
                start.await();
                try {
                    return call.call();
                } catch (Exception e) {
                    return (Object) e;
                }
            })).toList();
            start.countDown();
            List<Object> outcomes = new java.util.ArrayList<>();
            for (Future<Object> f : futures) {
                outcomes.add(f.get());
            }
            return outcomes;
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void staffCorrectAnEventAndMoreSeatsGoToThoseWaiting() throws Exception {
        Community c = community();
        CommunityEvent e = event(c, 1);
        registrations.register(e.getId(), "Ana", "ana@example.org", "", "ciudadania", true, ES);
        registrations.register(e.getId(), "Beto", "beto@example.org", "", "ciudadania", true, ES);
        registrations.register(e.getId(), "Caro", "caro@example.org", "", "ciudadania", true, ES);
        String edit = "/staff/communities/" + c.getSlug() + "/events/" + e.getId() + "/edit";
        mvc.perform(post(edit).with(staff()).with(csrf()).param("title", "Taller corregido")
                        .param("location", "https://meet.example.org/nuevo").param("capacity", "0"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Cupo: tiene que ser un número entre 1 y 10.000")));
        mvc.perform(post(edit).with(staff()).with(csrf()).param("title", "Taller corregido")
                        .param("location", "https://meet.example.org/nuevo").param("capacity", "2"))
                .andExpect(status().is3xxRedirection());
        assertThat(registrationStatus("beto@example.org")).as("the new seat goes to the first waiting")
                .isEqualTo("REGISTERED");
        assertThat(registrationStatus("caro@example.org")).isEqualTo("WAITLISTED");
        JsonNode updated = IcalJs.read(List.of(attachmentTo("ana@example.org", "community-event-corrected"))).get(0);
        assertThat(updated.get("method").asText()).isEqualTo("REQUEST");
        assertThat(updated.get("events").get(0).get("sequence").asInt()).isEqualTo(1);
        mvc.perform(post(edit).with(staff()).with(csrf()).param("title", "Taller corregido")
                        .param("location", "https://meet.example.org/nuevo").param("capacity", "1"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("ya hay 2 personas con lugar")));
        mvc.perform(get("/communities/" + c.getSlug() + "/events/" + e.getId())).andExpect(status().isOk())
                .andExpect(content().string(containsString("Taller corregido")))
                .andExpect(content().string(containsString("href=\"https://meet.example.org/nuevo\"")));
    }

    @Test
    void theProposedDateAvoidsAnUpcomingRoundTable() {
        Community c = community();
        LocalDateTime first = communities.proposeStart(c);
        fixtures.openCall(java.time.Duration.ofDays(5));
        fixtures.jdbc().update("""
                insert into round_table (call_id, axis, title, starts_at, duration_minutes, capacity, status, ical_uid,
                    ical_sequence, created_at)
                values (?, 'datos-abiertos', 'Mesa de datos abiertos', ?, 120, 40, 'SCHEDULED', ?, 0, now())""",
                fixtures.openCallId(), Timestamp.from(first.atZone(BUENOS_AIRES).toInstant()),
                UUID.randomUUID() + "@cocrea");
        LocalDateTime proposed = communities.proposeStart(c);
        assertThat(proposed).as("the same people are invited to both").isAfterOrEqualTo(first.plusHours(2));
    }

    private long pastEvent(Community c) {
        Instant start = Instant.now().minus(3, ChronoUnit.DAYS);
        Map<String, Object> row = fixtures.jdbc().queryForMap("""
                insert into community_event (community_id, title, starts_at, duration_minutes, location, capacity,
                    status, ical_uid, ical_sequence, created_by, created_at)
                values (?, 'Encuentro de bicicletas', ?, 90, 'Sala 1', 20, 'SCHEDULED', ?, 0, 'equipo', ?)
                returning id""", c.getId(), Timestamp.from(start), UUID.randomUUID() + "@cocrea",
                Timestamp.from(start.minus(20, ChronoUnit.DAYS)));
        return ((Number) row.get("id")).longValue();
    }

    private String registrationStatus(String email) {
        return fixtures.jdbc().queryForObject("select status from community_event_registration where email = ?",
                String.class, email);
    }

    private String attachmentTo(String recipient, String kind) {
        List<String> found = fixtures.jdbc().queryForList("select attachment_content from mail_outbox"
                + " where recipient = ? and kind = ? order by id desc", String.class, recipient, kind);
        assertThat(found).as(kind + " to " + recipient).isNotEmpty();
        return found.get(0);
    }

    private long rows(String sql) {
        return fixtures.jdbc().queryForObject(sql, Long.class);
    }

    private MimeMessage onlyMail(String recipient, String kind) {
        return ReceivedMails.only(greenMail, fixtures.jdbc(), recipient, kind);
    }

    private static String body(MimeMessage m) throws Exception {
        return ReceivedMails.text(m);
    }
}
