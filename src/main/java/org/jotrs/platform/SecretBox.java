package org.jotrs.platform;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Encrypts credentials that Jotrs must be able to use again (the OAuth2 secrets of mail accounts,
 * the API tokens of the observer's Jira and Linear targets) with AES-256-GCM under
 * {@code jotrs.secret-key} (32 random bytes, base64; {@code jotrs.postmaster.secret-key} is its
 * older name), so a database dump alone does not hand them out. Stored as {@code v1:} +
 * base64(nonce + ciphertext).
 */
@Component
public class SecretBox {

    private static final SecureRandom RANDOM = new SecureRandom();
    private final SecretKeySpec key;

    public SecretBox(@Value("${jotrs.secret-key:${jotrs.postmaster.secret-key:}}") String base64Key) {
        SecretKeySpec parsed = null;
        if (base64Key != null && !base64Key.isBlank()) {
            byte[] bytes = Base64.getDecoder().decode(base64Key.strip());
            if (bytes.length != 32) {
                throw new IllegalArgumentException("jotrs.secret-key must be 32 bytes in base64 (openssl rand -base64 32)");
            }
            parsed = new SecretKeySpec(bytes, "AES");
        }
        this.key = parsed;
    }

    public boolean available() {
        return key != null;
    }

    /** Seals a secret; null for none. */
    public String seal(String secret) {
        if (secret == null || secret.isBlank()) {
            return null;
        }
        if (key == null) {
            throw InvalidInput.of("secret", Messages.t("validation.no-secret-key"));
        }
        try {
            byte[] nonce = new byte[12];
            RANDOM.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, nonce));
            byte[] sealed = cipher.doFinal(secret.getBytes(StandardCharsets.UTF_8));
            return "v1:" + Base64.getEncoder().encodeToString(ByteBuffer.allocate(12 + sealed.length).put(nonce).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM unavailable", e);
        }
    }

    /** The secret, or null when none is stored or it cannot be opened with this key (the fetch then reports it). */
    public String open(String stored) {
        if (stored == null || !stored.startsWith("v1:") || key == null) {
            return null;
        }
        try {
            byte[] all = Base64.getDecoder().decode(stored.substring(3));
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, all, 0, 12));
            return new String(cipher.doFinal(all, 12, all.length - 12), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return null;
        }
    }
}
