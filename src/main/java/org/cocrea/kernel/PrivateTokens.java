package org.cocrea.kernel;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * The private tokens of the links Cocrea mails to a person (the directory's {@code /my-data/{token}}, a follow's
 * confirmation and unsubscribe, a draft comment's edit link, a community registration's withdraw link): 128 random
 * bits from {@link SecureRandom} written as 32 lower-case hexadecimal digits. The link is the only proof of owning the
 * address, so the token must not be guessable.
 */
public final class PrivateTokens {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Pattern FORM = Pattern.compile("[0-9a-f]{32}");

    private PrivateTokens() {
    }

    /** @return a new token, 32 hexadecimal digits */
    public static String next() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    /**
     * @param token text from a link, may be null
     * @return whether it has a token's form (so that anything else is refused before a database lookup)
     */
    public static boolean wellFormed(String token) {
        return token != null && FORM.matcher(token).matches();
    }
}
