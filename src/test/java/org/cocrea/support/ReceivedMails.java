package org.cocrea.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;

import jakarta.mail.internet.MimeMessage;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Finds, among the mails a test's GreenMail server received, the one the outbox sent for a row: the sender writes
 * the row's id in the {@code X-Cocrea-Outbox-Id} header.
 */
public final class ReceivedMails {

    private ReceivedMails() {
    }

    /**
     * @param greenMail the test's SMTP server
     * @param jdbc      the test database
     * @param recipient the outbox row's recipient
     * @param kind      the outbox row's kind; exactly one row of that recipient and kind must exist
     * @return the one mail received for that row
     * @throws AssertionError if there is not exactly one such row, or its mail arrived zero or several times
     */
    public static MimeMessage only(GreenMailExtension greenMail, JdbcTemplate jdbc, String recipient, String kind) {
        long id = jdbc.queryForObject("select id from mail_outbox where recipient = ? and kind = ?", Long.class,
                recipient, kind);
        List<MimeMessage> found = Arrays.stream(greenMail.getReceivedMessages()).filter(m -> {
            try {
                return String.valueOf(id).equals(m.getHeader("X-Cocrea-Outbox-Id", null));
            } catch (Exception e) {
                return false;
            }
        }).toList();
        assertThat(found).as("mails received for outbox row " + id).hasSize(1);
        return found.get(0);
    }

    /**
     * @param mail a received mail
     * @return its decoded text when it is a single part, otherwise its raw body (parts still encoded)
     * @throws Exception if the mail cannot be read
     */
    public static String text(MimeMessage mail) throws Exception {
        Object content = mail.getContent();
        return content instanceof String s ? s : GreenMailUtil.getBody(mail);
    }
}
