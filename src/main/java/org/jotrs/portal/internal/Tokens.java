package org.jotrs.portal.internal;

import java.security.SecureRandom;
import java.util.Base64;

/**
 * Random tokens for cookies and mailed links (256 bits, URL-safe), and the SHA-256 under which they
 * are stored: the database never holds a usable token.
 */
final class Tokens {

    private static final SecureRandom RANDOM = new SecureRandom();

    private Tokens() {
    }

    static String fresh() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }


    /** Whether the text can be a token at all (43 URL-safe base64 characters): others are not looked up. */
    static boolean wellFormed(String token) {
        return token != null && token.length() == 43 && token.chars().allMatch(c -> c >= 'A' && c <= 'Z'
                || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '_');
    }
}
