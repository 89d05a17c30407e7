package org.cocrea.limits;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.HexFormat;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;

/** How requests are grouped: by client address, by e-mail address and by account. */
final class Keys {

    private Keys() {
    }

    /**
     * The client address as the servlet container reports it ({@code getRemoteAddr()}): the TCP peer, or the
     * {@code X-Forwarded-For} address only when {@code server.forward-headers-strategy} is set and the peer is a
     * trusted proxy. An IPv6 address stands for its /64 network (one subscriber usually has a whole /64).
     *
     * @param request the request
     * @return e.g. {@code 203.0.113.7} or {@code 2001:db8:0:1::/64}
     */
    static String client(HttpServletRequest request) {
        String address = request.getRemoteAddr();
        if (address == null || address.isEmpty()) {
            return "unknown";
        }
        if (address.indexOf(':') < 0) {
            return address;
        }
        String literal = address.replace("[", "").replace("]", "");
        int zone = literal.indexOf('%');
        if (zone >= 0) {
            literal = literal.substring(0, zone);
        }
        try {
            byte[] bytes = InetAddress.getByName(literal).getAddress(); // a literal: no name lookup
            if (bytes.length == 16) {
                return HexFormat.of().formatHex(bytes, 0, 8) + "::/64";
            }
            return InetAddress.getByAddress(bytes).getHostAddress(); // IPv4-mapped
        } catch (UnknownHostException e) {
            return literal;
        }
    }

    /**
     * @param email what the visitor typed, may be null
     * @return the address trimmed, in lower case and without a {@code +tag} in the local part ({@code Ana+1@X.org}
     *         and {@code ana@x.org} are one recipient), or null when it cannot be an address (no {@code @} between
     *         text, blanks, over 254 characters: the feature refuses it, and nothing is stored or mailed)
     */
    static String recipient(String email) {
        if (email == null) {
            return null;
        }
        String address = email.strip().toLowerCase(Locale.ROOT);
        int at = address.lastIndexOf('@');
        if (at < 1 || at == address.length() - 1 || address.length() > 254
                || address.chars().anyMatch(Character::isWhitespace)) {
            return null;
        }
        int plus = address.indexOf('+');
        if (plus > 0 && plus < at) {
            address = address.substring(0, plus) + address.substring(at);
        }
        return address;
    }

    /**
     * @param user a login name as sent, may be null
     * @return it trimmed, in lower case and cut to 64 characters, or null when blank
     */
    static String account(String user) {
        if (user == null || user.isBlank()) {
            return null;
        }
        String account = user.strip().toLowerCase(Locale.ROOT);
        return account.length() > 64 ? account.substring(0, 64) : account;
    }
}
