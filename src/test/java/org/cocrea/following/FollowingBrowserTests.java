package org.cocrea.following;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.internet.MimeMessage;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import org.cocrea.proposal.Proposal;
import org.cocrea.proposal.Proposals;
import org.cocrea.support.ChromiumPerClass;
import org.cocrea.support.CocreaIntegrationTest;
import org.cocrea.support.TestFixtures;
import org.cocrea.support.TestSmtp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Following a proposal in the system's headless Chromium (see {@code DashboardBrowserTests} for what it needs): the
 * visitor subscribes on the proposal's page, confirms through the link of the mail GreenMail received, then the area's
 * reasoned response is sent and the follower receives the mail of the change.
 */
@CocreaIntegrationTest
class FollowingBrowserTests {

    private static final String READER = "vecina@example.org";
    private static final Pattern CONFIRM_LINK = Pattern.compile("http://localhost:8080(/follow/confirm/[0-9a-f]{32}\\?frequency=each)");

    @RegisterExtension
    static final ChromiumPerClass chromium = new ChromiumPerClass("es", 1280, 900);
    @RegisterExtension
    static GreenMailExtension greenMail = new GreenMailExtension(TestSmtp.SMTP);

    @LocalServerPort
    int port;
    @Autowired
    TestFixtures fixtures;
    @Autowired
    Proposals proposals;

    Proposal proposal;

    @BeforeEach
    void proposal() {
        proposal = fixtures.feasibilityReview("seguimiento-ambiente").proposal();
        browser().manage().deleteAllCookies();
    }

    @AfterEach
    void cleanUp() {
        fixtures.reset();
    }

    @Test
    void visitorFollowsAProposalConfirmsByMailAndHearsOfTheReasonedResponse() throws Exception {
        open("/proposals/" + proposal.getTrackingCode() + "?lang=es");
        browser().findElement(By.id("follow-email")).sendKeys(READER);
        assertThat(browser().findElement(By.id("follow-each")).isSelected()).as("one mail per change by default")
                .isTrue();
        browser().findElement(By.id("follow-consent")).click();
        chromium.navigateBy(By.id("follow-submit"));
        assertThat(browser().findElement(By.id("follow-requested")).getText()).contains("enlace para confirmar");

        fixtures.flushOutbox();
        Matcher link = CONFIRM_LINK.matcher(body(onlyMailTo(READER)));
        assertThat(link.find()).as("the confirmation link in the mail").isTrue();
        open(link.group(1));
        chromium.navigateBy(By.id("follow-confirm"));
        assertThat(browser().findElement(By.id("follow-confirmed")).getText()).contains(proposal.getTrackingCode());

        proposals.recordResponse(proposal.getId(), "La propuesta es viable y se co-creará en la mesa del eje.");
        proposals.sendResponse(proposal.getId());
        fixtures.flushOutbox();

        List<MimeMessage> mails = mailsTo(READER);
        assertThat(mails).hasSize(2);
        MimeMessage change = mails.get(1);
        assertThat(change.getSubject()).contains(proposal.getTrackingCode());
        assertThat(body(change)).contains("respuesta fundamentada");
        assertThat(change.getHeader("List-Unsubscribe")[0]).startsWith("<http://localhost:8080/follow/unsubscribe/");
    }

    private MimeMessage onlyMailTo(String recipient) throws Exception {
        List<MimeMessage> mails = mailsTo(recipient);
        assertThat(mails).hasSize(1);
        return mails.get(0);
    }

    private static List<MimeMessage> mailsTo(String recipient) {
        return Arrays.stream(greenMail.getReceivedMessagesForDomain(recipient)).toList();
    }

    private static String body(MimeMessage m) throws Exception {
        return m.getContent() instanceof String s ? s : GreenMailUtil.getBody(m);
    }

    private void open(String path) {
        chromium.open("http://localhost:" + port + path);
    }

    private static WebDriver browser() {
        return chromium.driver();
    }
}
