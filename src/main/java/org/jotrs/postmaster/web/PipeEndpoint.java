package org.jotrs.postmaster.web;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

import jakarta.servlet.http.HttpServletRequest;

import org.jotrs.postmaster.Delivery;
import org.jotrs.postmaster.Postmaster;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.TransactionException;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Where the pipe command ({@code bin/jotrs-pipe}) hands over one RFC 822 message. The answer is
 * one line of text, and the status tells the command which exit code to give the MTA: 200 taken
 * (stored, known, ignored or kept in the quarantine: nothing for the MTA to retry), 400/413 refused
 * for good (the MTA bounces it), 503 try again later (database down), 401/404 a setup problem
 * (the MTA keeps the message and retries while the token is fixed).
 */
@RestController
class PipeEndpoint {

    private static final Logger log = LoggerFactory.getLogger(PipeEndpoint.class);

    private final Postmaster postmaster;
    private final byte[] token;
    private final long maxSize;

    PipeEndpoint(Postmaster postmaster, @Value("${jotrs.postmaster.pipe-token:}") String token) {
        this.postmaster = postmaster;
        this.token = token == null || token.isBlank() ? null : token.strip().getBytes(StandardCharsets.UTF_8);
        this.maxSize = postmaster.maxMessageSize();
    }

    @PostMapping("/postmaster/pipe")
    ResponseEntity<String> pipe(HttpServletRequest request) throws IOException {
        if (token == null) {
            return line(HttpStatus.NOT_FOUND, "The pipe is turned off: set jotrs.postmaster.pipe-token on the server.");
        }
        String authorization = request.getHeader("Authorization");
        byte[] presented = authorization != null && authorization.startsWith("Bearer ")
                ? authorization.substring(7).strip().getBytes(StandardCharsets.UTF_8) : new byte[0];
        if (!MessageDigest.isEqual(presented, token)) {
            log.warn("postmaster pipe refused remote={} reason=wrong token", request.getRemoteAddr());
            return line(HttpStatus.UNAUTHORIZED, "The pipe token was refused: it must equal jotrs.postmaster.pipe-token.");
        }
        if (request.getContentLengthLong() > maxSize) {
            return tooLarge(request.getContentLengthLong());
        }
        byte[] raw;
        try (InputStream in = request.getInputStream()) {
            raw = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxSize + 1));
        }
        if (raw.length > maxSize) {
            return tooLarge(raw.length);
        }
        if (raw.length == 0 || new String(raw, 0, Math.min(raw.length, 4096), StandardCharsets.ISO_8859_1).isBlank()) {
            return line(HttpStatus.BAD_REQUEST, "The message is empty.");
        }
        try {
            return switch (postmaster.deliver(raw)) {
                case Delivery.Stored stored -> line(HttpStatus.OK, "stored as article " + stored.articleId() + " of Ticket#"
                        + stored.ticketNumber() + (stored.newTicket() ? " (new ticket)" : " (follow-up)"));
                case Delivery.Duplicate duplicate -> line(HttpStatus.OK, "taken in before; not stored again");
                case Delivery.Ignored ignored -> line(HttpStatus.OK, "ignored: " + ignored.reason());
                case Delivery.Quarantined kept -> line(HttpStatus.OK, "kept in the quarantine " + kept.quarantineId()
                        + " for an administrator: " + kept.reason());
            };
        } catch (DataAccessException | TransactionException e) {
            log.warn("postmaster pipe database unavailable reason={}", e.toString());
            return line(HttpStatus.SERVICE_UNAVAILABLE, "The database is unavailable; try again later.");
        }
    }

    private ResponseEntity<String> tooLarge(long size) {
        return line(HttpStatus.CONTENT_TOO_LARGE, "The message (" + size + " bytes) is larger than the limit of " + maxSize
                + " bytes (jotrs.postmaster.max-message-size).");
    }

    private static ResponseEntity<String> line(HttpStatus status, String text) {
        return ResponseEntity.status(status).contentType(new MediaType("text", "plain", StandardCharsets.UTF_8))
                .body(text.replaceAll("[\\r\\n]+", " ") + "\n");
    }
}
