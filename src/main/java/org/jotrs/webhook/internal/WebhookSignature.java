package org.jotrs.webhook.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The signature a receiver checks: {@code X-Jotrs-Signature: v1=<hex>}, the HMAC-SHA256 with the
 * webhook's secret over {@code <X-Jotrs-Timestamp>.<body>} (the timestamp in Unix seconds, a dot,
 * the exact bytes of the body). Signing the timestamp with the body lets receivers refuse replays
 * of an old delivery.
 */
final class WebhookSignature {

    private WebhookSignature() {
    }

    static String sign(String secret, long timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((timestamp + ".").getBytes(StandardCharsets.US_ASCII));
            return "v1=" + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
