package org.cocrea.participant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.cocrea.mailing.Mailing;
import org.cocrea.mailing.MailingDraft;
import org.cocrea.mailing.MassMailings;
import org.cocrea.notification.MailOutbox;
import org.cocrea.proposal.Channel;
import org.cocrea.proposal.Proposal;
import org.cocrea.proposal.ProposalInput;
import org.cocrea.proposal.Proposals;
import org.cocrea.support.CocreaIntegrationTest;
import org.cocrea.support.TestFixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The contact directory end to end: proposers who consented join it, the public subscribe page, each person's
 * one-click unsubscribe, data export and erasure through their private token (Ley 25.326), the staff contact import
 * and the staff pages of calls for participation (with their access rules).
 */
@CocreaIntegrationTest
class DirectoryTests {

    private static final String ANA = "ana.perez@example.org";
    private static final String UNKNOWN_TOKEN = "0123456789abcdef0123456789abcdef";
    private static final String CSV_HEADER = String.join(",", ContactCsvImport.COLUMNS);

    @Autowired
    MockMvc mvc;
    @Autowired
    TestFixtures fixtures;
    @Autowired
    Contacts contacts;
    @Autowired
    Proposals proposals;
    @Autowired
    MailOutbox outbox;
    @Autowired
    MassMailings mailings;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    ContactImportJob importJob;

    @BeforeEach
    void reset() {
        fixtures.reset();
    }

    // ---- proposers join the directory ------------------------------------------------------------------------

    @Test
    void consentingProposerJoinsTheDirectoryWithTheProposalsAxisAndOrganization() {
        fixtures.openCall(Duration.ofDays(2));
        assertThat(contacts.byEmail(ANA)).isEmpty();

        Proposal p = submitProposal(ANA, "academia", "Universidad del Oeste", "datos-abiertos", "en");

        tx.executeWithoutResult(s -> {
            Contact c = contacts.byEmail(ANA).orElseThrow();
            assertThat(c.getName()).isEqualTo("Ana Pérez");
            assertThat(c.getSource()).isEqualTo("proposal");
            assertThat(c.getAxes()).containsExactly("datos-abiertos");
            assertThat(c.getTopics()).isEmpty();
            assertThat(c.getLanguage()).isEqualTo("en");
            assertThat(c.getConsentAt()).as("consent given on the proposal form")
                    .isEqualTo(proposals.get(p.getId()).getSubmittedAt());
            assertThat(c.getConsentScope()).isNotBlank();
            assertThat(c.isSubscribed()).isTrue();
            assertThat(c.getToken()).hasSize(32);
            assertThat(c.getOrganization()).isNotNull();
            assertThat(c.getOrganization().getName()).isEqualTo("Universidad del Oeste");
            assertThat(c.getOrganization().getType()).isEqualTo("academia");
        });
        assertThat(contactRows()).as("only the proposer, no demo users").isEqualTo(1);
    }

    @Test
    void secondProposalOfTheSamePersonAddsItsAxisToTheSameContact() {
        fixtures.openCall(Duration.ofDays(2));
        submitProposal(ANA, "ciudadania", null, "datos-abiertos", "es");
        submitProposal(ANA.toUpperCase(), "ciudadania", null, "ambiente", "es");

        assertThat(contactRows()).isEqualTo(1);
        Contact c = contacts.byEmail(ANA).orElseThrow();
        assertThat(c.getAxes()).containsExactlyInAnyOrder("datos-abiertos", "ambiente");
        assertThat(organizationRows()).as("citizens bring no organisation").isZero();
    }

    // ---- subscribe page --------------------------------------------------------------------------------------

    @Test
    void subscribingWithConsentNeedsTheConfirmationLinkMailedToTheAddress() throws Exception {
        mvc.perform(post("/subscribe").with(csrf()).param("email", "luis@example.org").param("name", "Luis")
                .param("consent", "true").param("topics", "reutilizacion-datos"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"subscribed\"")))
                .andExpect(content().string(not(containsString("id=\"errors\""))));

        Contact pending = contacts.byEmail("luis@example.org").orElseThrow();
        assertThat(pending.isSubscribed()).as("double opt-in: not before confirming").isFalse();
        String mail = fixtures.jdbc().queryForObject("select body_html from mail_outbox where kind = "
                + "'subscription-confirm' and recipient = 'luis@example.org'", String.class);
        assertThat(mail).contains("/subscribe/confirm/" + pending.getToken());
        mvc.perform(post("/subscribe/confirm/" + pending.getToken()).with(csrf()).param("topics", "reutilizacion-datos"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("id=\"confirmed\"")));

        Contact c = contacts.byEmail("luis@example.org").orElseThrow();
        assertThat(c.isSubscribed()).isTrue();
        assertThat(c.getTopics()).containsExactly("reutilizacion-datos");
        assertThat(c.getConsentAt()).isNotNull();
        assertThat(c.getConsentScope()).isNotBlank();
        assertThat(c.getSource()).isEqualTo("form");
        assertThat(c.getName()).as("nothing a stranger typed is kept before the owner confirms").isNull();
    }

    @Test
    void subscribingWithoutConsentShowsTheConsentErrorAndStoresNothing() throws Exception {
        mvc.perform(post("/subscribe").with(csrf()).param("email", "luis@example.org")
                .param("topics", "reutilizacion-datos"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Tenés que aceptar el tratamiento de tus datos.")))
                .andExpect(content().string(not(containsString("id=\"subscribed\""))));

        assertThat(contactRows()).isZero();
    }

    @Test
    void subscribingWithABadEmailShowsTheEmailError() throws Exception {
        mvc.perform(post("/subscribe").with(csrf()).param("email", "luis@@example").param("consent", "true"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("El correo no es válido.")))
                .andExpect(content().string(not(containsString("id=\"subscribed\""))));

        assertThat(contactRows()).isZero();
    }

    @Test
    void aRefusedSubscriptionNamesEveryReasonAndKeepsWhatWasChosen() throws Exception {
        String page = mvc.perform(post("/subscribe").with(csrf()).param("email", "luis@@example")
                        .param("organization", "Vecinos del Sur").param("organizationType", "osc-territorial")
                        .param("topics", "construccion-comunidad"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);

        // both reasons at once (the consent and the address), each field tied to its message
        assertThat(page).contains("role=\"alert\"").contains("Tenés que aceptar el tratamiento de tus datos.")
                .contains("El correo no es válido.").contains("<title>Error: Recibir las convocatorias")
                .containsPattern("id=\"email\"[^>]*aria-invalid=\"true\"[^>]*aria-describedby=\"email-error\"")
                .containsPattern("id=\"consent\"[^>]*aria-invalid=\"true\"[^>]*aria-describedby=\"consent-error\"")
                .contains("id=\"email-error\"").contains("id=\"consent-error\"");
        // what was typed and chosen stays
        assertThat(page).contains("value=\"luis@@example\"").contains("value=\"Vecinos del Sur\"")
                .containsPattern("value=\"osc-territorial\"[^>]*selected")
                .containsPattern("value=\"construccion-comunidad\"[^>]*checked")
                .doesNotContainPattern("value=\"reutilizacion-datos\"[^>]*checked");
        assertThat(contactRows()).isZero();
    }

    @Test
    void subscribingToAnUnknownTopicIsRefused() throws Exception {
        mvc.perform(post("/subscribe").with(csrf()).param("email", "luis@example.org").param("consent", "true")
                .param("topics", "deportes"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"errors\"")))
                .andExpect(content().string(containsString("topics: topic")))
                .andExpect(content().string(not(containsString("id=\"subscribed\""))));

        assertThat(contactRows()).isZero();
    }

    @Test
    void subscribingWithoutCsrfTokenIsRefused() throws Exception {
        mvc.perform(post("/subscribe").param("email", "luis@example.org").param("consent", "true"))
                .andExpect(status().isForbidden());

        assertThat(contactRows()).isZero();
    }

    @Test
    void subscribingAgainAfterUnsubscribingSubscribesAgainOnlyOnceConfirmed() throws Exception {
        Contact c = register("luis@example.org", Set.of());
        contacts.unsubscribe(c.getToken());

        mvc.perform(post("/subscribe").with(csrf()).param("email", "luis@example.org").param("name", "Otro nombre")
                .param("consent", "true"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"subscribed\"")));
        Contact unchanged = contacts.byEmail("luis@example.org").orElseThrow();
        assertThat(unchanged.isSubscribed()).as("a stranger cannot resubscribe someone").isFalse();
        assertThat(unchanged.getName()).as("nor change their data").isNotEqualTo("Otro nombre");

        mvc.perform(post("/subscribe/confirm/" + c.getToken()).with(csrf())).andExpect(status().isOk());
        assertThat(contacts.byEmail("luis@example.org").orElseThrow().isSubscribed()).isTrue();
    }

    // ---- unsubscribe -----------------------------------------------------------------------------------------

    @Test
    void unsubscribePageAsksToConfirmWithTheEmail() throws Exception {
        Contact c = register("luis@example.org", Set.of("reutilizacion-datos"));

        mvc.perform(get("/unsubscribe/" + c.getToken()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("luis@example.org")))
                .andExpect(content().string(containsString("action=\"/unsubscribe/" + c.getToken() + "\"")));

        assertThat(contacts.byId(c.getId()).orElseThrow().isSubscribed()).as("a GET changes nothing").isTrue();
    }

    @Test
    void oneClickUnsubscribeWorksWithoutCsrfToken() throws Exception {
        Contact c = register("luis@example.org", Set.of("reutilizacion-datos"));

        // what a mail client sends for List-Unsubscribe-Post (RFC 8058): no session, no CSRF token
        mvc.perform(post("/unsubscribe/" + c.getToken()).param("List-Unsubscribe", "One-Click"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"unsubscribed\"")));

        Contact after = contacts.byId(c.getId()).orElseThrow();
        assertThat(after.isSubscribed()).isFalse();
        assertThat(after.getUnsubscribedAt()).isNotNull();
        assertThat(after.getEmail()).as("unsubscribing erases nothing").isEqualTo("luis@example.org");
    }

    @Test
    void unknownUnsubscribeTokenIsNotFound() throws Exception {
        Contact c = register("luis@example.org", Set.of());

        mvc.perform(get("/unsubscribe/" + UNKNOWN_TOKEN)).andExpect(status().isNotFound());
        mvc.perform(post("/unsubscribe/" + UNKNOWN_TOKEN)).andExpect(status().isNotFound());
        mvc.perform(post("/unsubscribe/short")).andExpect(status().isNotFound());

        assertThat(contacts.byId(c.getId()).orElseThrow().isSubscribed()).isTrue();
    }

    // ---- my data: page, export, erasure ----------------------------------------------------------------------

    @Test
    void myDataPageShowsWhatIsHeldAboutThePerson() throws Exception {
        fixtures.openCall(Duration.ofDays(2));
        submitProposal(ANA, "academia", "Universidad del Oeste", "datos-abiertos", "es");
        Contact c = contacts.byEmail(ANA).orElseThrow();

        mvc.perform(get("/my-data/" + c.getToken()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(ANA)))
                .andExpect(content().string(containsString("Universidad del Oeste")))
                .andExpect(content().string(containsString("action=\"/my-data/" + c.getToken() + "/erase\"")));
    }

    @Test
    void myDataPageOfAnUnknownTokenIsNotFound() throws Exception {
        register("luis@example.org", Set.of());

        mvc.perform(get("/my-data/" + UNKNOWN_TOKEN)).andExpect(status().isNotFound());
        mvc.perform(get("/my-data/nope")).andExpect(status().isNotFound());
    }

    @Test
    void exportHoldsEverythingCocreaKeepsAboutThePerson() throws Exception {
        fixtures.openCall(Duration.ofDays(2));
        Proposal p = submitProposal(ANA, "academia", "Universidad del Oeste", "datos-abiertos", "es");
        register(ANA, Set.of("reutilizacion-datos"));
        Contact c = contacts.byEmail(ANA).orElseThrow();

        mvc.perform(get("/my-data/" + c.getToken() + "/export"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.email").value(ANA))
                .andExpect(jsonPath("$.name").value("Ana Pérez"))
                .andExpect(jsonPath("$.organization.name").value("Universidad del Oeste"))
                .andExpect(jsonPath("$.organization.type").value("academia"))
                .andExpect(jsonPath("$.axes", containsInAnyOrder("datos-abiertos")))
                .andExpect(jsonPath("$.topics", containsInAnyOrder("reutilizacion-datos")))
                .andExpect(jsonPath("$.subscribed").value(true))
                .andExpect(jsonPath("$.proposals", hasSize(1)))
                .andExpect(jsonPath("$.proposals[0].trackingCode").value(p.getTrackingCode()))
                .andExpect(jsonPath("$.mails", hasSize(1)))
                .andExpect(jsonPath("$.mails[0].subject", containsString(p.getTrackingCode())));
    }

    @Test
    void exportOfAnUnknownTokenIsNotFound() throws Exception {
        register("luis@example.org", Set.of());

        mvc.perform(get("/my-data/" + UNKNOWN_TOKEN + "/export")).andExpect(status().isNotFound());
        mvc.perform(get("/my-data/nope/export")).andExpect(status().isNotFound());
    }

    @Test
    void erasureRemovesPersonalDataButKeepsTheParticipationCounts() throws Exception {
        fixtures.openCall(Duration.ofDays(2));
        Proposal p = submitProposal(ANA, "academia", "Universidad del Oeste", "datos-abiertos", "es");
        register(ANA, Set.of("reutilizacion-datos"));
        Contact c = contacts.byEmail(ANA).orElseThrow();
        assertThat(outbox.to(ANA)).isNotEmpty();

        // a cross-site form cannot erase someone's data
        mvc.perform(post("/my-data/" + c.getToken() + "/erase")).andExpect(status().isForbidden());
        assertThat(contacts.byId(c.getId()).orElseThrow().getErasedAt()).isNull();

        mvc.perform(post("/my-data/" + c.getToken() + "/erase").with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"erased\"")));

        Contact erased = contacts.byId(c.getId()).orElseThrow();
        assertThat(erased.getEmail()).isEqualTo("erased-" + c.getId() + "@invalid");
        assertThat(erased.getName()).isNull();
        assertThat(erased.getConsentAt()).isNull();
        assertThat(erased.getTopics()).isEmpty();
        assertThat(erased.isSubscribed()).isFalse();
        assertThat(erased.getErasedAt()).isNotNull();
        assertThat(erased.getAxes()).as("participation by axis still counts").containsExactly("datos-abiertos");
        assertThat(fixtures.jdbc().queryForObject("select o.name from contact c join organization o "
                + "on o.id = c.organization_id where c.id = ?", String.class, c.getId()))
                .as("participation by organisation still counts").isEqualTo("Universidad del Oeste");
        assertThat(contactRows()).isEqualTo(1);
        assertThat(contacts.byEmail(ANA)).isEmpty();

        Proposal anonymised = proposals.get(p.getId());
        assertThat(anonymised.getEmail()).doesNotContainIgnoringCase("ana.perez");
        assertThat(anonymised.getContactName()).doesNotContain("Ana");
        assertThat(anonymised.getTitle()).as("the proposal itself is public and stays").isEqualTo("Datos de obras");
        assertThat(outbox.to(ANA)).isEmpty();
        assertThat(fixtures.jdbc().queryForObject("select count(*) from mail_outbox where lower(recipient) = ?",
                Long.class, ANA)).isZero();

        mvc.perform(get("/my-data/" + c.getToken() + "/export")).andExpect(status().isNotFound());
    }

    @Test
    void exportListsMailsWrittenToTheAddressInAnyCase() throws Exception {
        Contact c = registerThenProposeWithCapitals();

        mvc.perform(get("/my-data/" + c.getToken() + "/export"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.proposals", hasSize(1)))
                .andExpect(jsonPath("$.mails", hasSize(1)));
    }

    @Test
    void erasureForgetsMailsWrittenToTheAddressInAnyCase() throws Exception {
        Contact c = registerThenProposeWithCapitals();

        mvc.perform(post("/my-data/" + c.getToken() + "/erase").with(csrf())).andExpect(status().isOk());

        assertThat(fixtures.jdbc().queryForObject("select count(*) from mail_outbox where lower(recipient) = ?",
                Long.class, ANA)).as("the confirmation mail holds the person's name and address").isZero();
    }

    /** Ana subscribes as ana.perez@example.org, then proposes as Ana.Perez@Example.org: one person. */
    private Contact registerThenProposeWithCapitals() {
        fixtures.openCall(Duration.ofDays(2));
        Contact c = register(ANA, Set.of("reutilizacion-datos"));
        submitProposal("Ana.Perez@Example.org", "ciudadania", null, "datos-abiertos", "es");
        assertThat(contacts.byEmail(ANA).orElseThrow().getId()).as("the same person").isEqualTo(c.getId());
        assertThat(fixtures.jdbc().queryForObject("select count(*) from mail_outbox where lower(recipient) = ?",
                Long.class, ANA)).isEqualTo(1);
        return c;
    }

    @Test
    void erasureOfAnUnknownTokenIsNotFound() throws Exception {
        Contact c = register("luis@example.org", Set.of());

        mvc.perform(post("/my-data/" + UNKNOWN_TOKEN + "/erase").with(csrf())).andExpect(status().isNotFound());

        assertThat(contacts.byId(c.getId()).orElseThrow().getEmail()).isEqualTo("luis@example.org");
    }

    // ---- staff contact import --------------------------------------------------------------------------------

    @Test
    void contactImportReportsBadRowsByLineAndStoresTheGoodOnes() throws Exception {
        String csv = CSV_HEADER + "\n"
                + "ana@example.org,Ana,Fundación Datos,osc-tematica,datos-abiertos;ambiente,reutilizacion-datos,es,"
                + "2024-05-01T10:00:00-03:00,Convocatorias de gobierno abierto\n"
                + "luis@example.org,Luis,,,ambiente,,en,,\n"
                + "not-an-email,Nadie,,,,,es,,\n"
                + "eva@example.org,Eva,Club Eva,club-de-barrio,,,es,,\n"
                + "raul@example.org,Raúl,,,,,es,ayer,Convocatorias\n"
                + "sol@example.org,Sol,,,,deportes,es,,\n";

        Report report = importContacts(csv);

        assertThat(report.fileError()).isNull();
        assertThat(report.imported()).isEqualTo(2);
        assertThat(report.rejected()).extracting(ContactCsvImport.Rejected::line).containsExactly(4L, 5L, 6L, 7L);
        assertThat(report.rejected()).extracting(r -> r.problems().get(0)).containsExactly("email: email",
                "organizationType: organizationType", "consent_at: dateTime", "topics: topic");
        assertThat(report.rejected()).extracting(ContactCsvImport.Rejected::email).containsExactly("not-an-email",
                "eva@example.org", "raul@example.org", "sol@example.org");

        tx.executeWithoutResult(s -> {
            Contact ana = contacts.byEmail("ana@example.org").orElseThrow();
            assertThat(ana.getSource()).isEqualTo("csv");
            assertThat(ana.getConsentAt()).isEqualTo(Instant.parse("2024-05-01T13:00:00Z"));
            assertThat(ana.getAxes()).containsExactlyInAnyOrder("datos-abiertos", "ambiente");
            assertThat(ana.getTopics()).containsExactly("reutilizacion-datos");
            assertThat(ana.getOrganization().getName()).isEqualTo("Fundación Datos");
            assertThat(ana.getOrganization().getType()).isEqualTo("osc-tematica");
        });
        Contact luis = contacts.byEmail("luis@example.org").orElseThrow();
        assertThat(luis.getConsentAt()).as("empty consent_at: no consent").isNull();
        assertThat(luis.getLanguage()).isEqualTo("en");
        assertThat(contactRows()).isEqualTo(2);
        assertThat(organizationRows()).as("a refused row creates no organisation").isEqualTo(1);
    }

    @Test
    void contactReimportUpdatesInsteadOfDuplicating() throws Exception {
        importContacts(CSV_HEADER + "\n"
                + "ana@example.org,Ana,Fundación Datos,osc-tematica,datos-abiertos,,es,,\n"
                + "luis@example.org,Luis,,,ambiente,,es,,\n");
        Contact before = contacts.byEmail("ana@example.org").orElseThrow();

        Report again = importContacts(CSV_HEADER + "\n"
                + "ANA@example.org,Ana María,Fundación Datos,osc-tematica,ninez,construccion-comunidad,es,"
                + "2024-06-01T09:00:00Z,Convocatorias\n"
                + "luis@example.org,Luis,,,ambiente,,es,,\n");

        assertThat(again.imported()).isEqualTo(2);
        assertThat(again.rejected()).isEmpty();
        assertThat(contactRows()).isEqualTo(2);
        assertThat(organizationRows()).isEqualTo(1);
        Contact ana = contacts.byEmail("ana@example.org").orElseThrow();
        assertThat(ana.getId()).isEqualTo(before.getId());
        assertThat(ana.getToken()).as("links already mailed keep working").isEqualTo(before.getToken());
        assertThat(ana.getName()).isEqualTo("Ana María");
        assertThat(ana.getAxes()).containsExactlyInAnyOrder("datos-abiertos", "ninez");
        assertThat(ana.getTopics()).containsExactly("construccion-comunidad");
        assertThat(ana.getConsentAt()).isEqualTo(Instant.parse("2024-06-01T09:00:00Z"));
    }

    @Test
    void contactImportNeedsAStaffLogin() throws Exception {
        mvc.perform(get("/staff/contacts/import"))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrlPattern("**/login"));
        mvc.perform(multipart("/staff/contacts/import").file(csvFile(CSV_HEADER + "\nana@example.org,,,,,,es,,\n"))
                .with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrlPattern("**/login"));
        mvc.perform(multipart("/staff/contacts/import").file(csvFile(CSV_HEADER + "\nana@example.org,,,,,,es,,\n"))
                .with(csrf()).with(user("vecina").authorities(new SimpleGrantedAuthority("GROUP_proposers"))))
                .andExpect(status().isForbidden());

        assertThat(contactRows()).isZero();
    }

    // ---- staff mailing pages ---------------------------------------------------------------------------------

    @Test
    void staffSeeTheMailingsAndEachOnesProgress() throws Exception {
        register("luis@example.org", Set.of("reutilizacion-datos"));
        register("eva@example.org", Set.of());
        Mailing m = mailings.prepare(new MailingDraft("Mesa de datos abiertos", "Te invitamos a la mesa.",
                "Open data round table", "You are invited.", "reutilizacion-datos", "https://example.org/mesa"),
                null, "x");

        mvc.perform(get("/staff/mailings").with(staff()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Mesa de datos abiertos")))
                .andExpect(content().string(containsString("href=\"/staff/mailings/" + m.getId() + "\"")));
        mvc.perform(get("/staff/mailings/" + m.getId()).with(staff()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Mesa de datos abiertos")))
                .andExpect(content().string(containsString("Destinatarios: 1")))
                .andExpect(content().string(containsString("Por preparar: 1")))
                .andExpect(content().string(containsString("https://example.org/mesa")));
    }

    @Test
    void unknownMailingIsNotFound() throws Exception {
        mvc.perform(get("/staff/mailings/987654").with(staff())).andExpect(status().isNotFound());
    }

    @Test
    void mailingPagesNeedAStaffLogin() throws Exception {
        Mailing m = mailings.prepare(new MailingDraft("Mesa", "Texto", "Table", "Text", null,
                "https://example.org/mesa"), null, "x");

        for (String path : List.of("/staff/mailings", "/staff/mailings/" + m.getId())) {
            mvc.perform(get(path))
                    .andExpect(status().is3xxRedirection())
                    .andExpect(redirectedUrlPattern("**/login"));
        }
    }

    // ---- helpers ---------------------------------------------------------------------------------------------

    private Proposal submitProposal(String email, String submitterType, String organization, String axis,
            String language) {
        return proposals.submit(new ProposalInput("Datos de obras", "Publicar los datos de las obras públicas.", axis,
                submitterType, organization, "Ana Pérez", email, true, language, null), Channel.WEB);
    }

    private Contact register(String email, Set<String> topics) {
        return contacts.register(new ContactInput(email, null, null, null, Set.of(), topics, "es", Instant.now(),
                "Convocatorias de gobierno abierto"), "form");
    }

    /** What an import reported once its job ran. */
    private record Report(int imported, List<ContactCsvImport.Rejected> rejected, String fileError) {
    }

    /** Uploads (303 at once, nothing stored yet), runs the import job, then reads the import's page. */
    private Report importContacts(String csv) throws Exception {
        long before = contactRows();
        MvcResult result = mvc.perform(multipart("/staff/contacts/import").file(csvFile(csv)).with(csrf())
                .with(staff()))
                .andExpect(status().isSeeOther())
                .andExpect(redirectedUrlPattern("/staff/contacts/imports/*"))
                .andReturn();
        assertThat(contactRows()).as("nothing is stored before the job runs").isEqualTo(before);
        while (importJob.runOnce()) {
            // until no import waits
        }
        MvcResult page = mvc.perform(get(result.getResponse().getRedirectedUrl()).with(staff()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"import-report\"")))
                .andReturn();
        ContactCsvImport.Status job = (ContactCsvImport.Status) page.getModelAndView().getModel().get("job");
        assertThat(job.status()).isEqualTo("DONE");
        @SuppressWarnings("unchecked")
        List<ContactCsvImport.Rejected> refusals = (List<ContactCsvImport.Rejected>) page.getModelAndView().getModel()
                .get("refusals");
        assertThat(job.refused()).isEqualTo(refusals.size());
        return new Report(job.imported(), refusals, job.fileError());
    }

    private static MockMultipartFile csvFile(String csv) {
        return new MockMultipartFile("file", "contactos.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8));
    }

    private static RequestPostProcessor staff() {
        return user("x").authorities(new SimpleGrantedAuthority("GROUP_og-team"));
    }

    private long contactRows() {
        return fixtures.jdbc().queryForObject("select count(*) from contact", Long.class);
    }

    private long organizationRows() {
        return fixtures.jdbc().queryForObject("select count(*) from organization", Long.class);
    }
}
