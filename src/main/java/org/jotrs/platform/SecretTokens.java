package org.jotrs.platform;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The stored form of a random secret (an API token, a GenericInterface session, an observer key, a
 * portal cookie or mailed link): its SHA-256 in hex. The secrets carry 256 random bits, so neither a
 * salt nor a slow hash is needed, and a lookup by the hash stays one indexed query; the database never
 * holds a usable secret.
 */
public final class SecretTokens {

    private SecretTokens() {
    }

    /** SHA-256 of the UTF-8 text, lower-case hex; for malformed input too, which then simply matches nothing. */
    public static String sha256Hex(String secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
