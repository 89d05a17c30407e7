package org.cocrea.notification;

import java.util.regex.Pattern;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;

/** Decides whether an e-mail address is one the outbox can deliver to. */
public final class EmailAddresses {

    private static final Pattern EMAIL = Pattern.compile(
            "^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$");

    private EmailAddresses() {
    }

    /**
     * @param email a trimmed address, at most 254 characters
     * @return whether it is deliverable in form: ASCII local part of at most 64 characters (RFC 5321) with no
     *         leading, trailing or doubled dot, a dotted host name, and Jakarta Mail's strict parse accepts it
     */
    public static boolean isValid(String email) {
        if (email == null || email.length() > 254 || !EMAIL.matcher(email).matches()) {
            return false;
        }
        String local = email.substring(0, email.lastIndexOf('@'));
        if (local.length() > 64 || local.startsWith(".") || local.endsWith(".") || local.contains("..")) {
            return false;
        }
        try {
            new InternetAddress(email, true).validate();
            return true;
        } catch (AddressException e) {
            return false;
        }
    }
}
