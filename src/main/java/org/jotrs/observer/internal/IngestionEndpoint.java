package org.jotrs.observer.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

import jakarta.servlet.http.HttpServletRequest;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.jotrs.platform.SecretTokens;

/**
 * {@code POST /observer/v1/events?key=…}: the SDK's batches. The key travels in the query string
 * because {@code navigator.sendBeacon} cannot set headers; it is a public, write-only key. The
 * answer comes only after the events are committed ({@code 202}); every refusal has a status and
 * a one-line reason in JSON. Responses carry CORS headers for the calling origin so the SDK can
 * read the status and knows not to retry a 4xx.
 */
@RestController
class IngestionEndpoint {

    private static final Logger log = LoggerFactory.getLogger(IngestionEndpoint.class);

    private final ActiveKeys keys;
    private final IngestionLimits limits;
    private final EventStore store;
    private final ObserverProperties properties;
    private final Clock clock;

    IngestionEndpoint(ActiveKeys keys, IngestionLimits limits, EventStore store, ObserverProperties properties, Clock clock) {
        this.keys = keys;
        this.limits = limits;
        this.store = store;
        this.properties = properties;
        this.clock = clock;
    }

    /** Preflight for SDKs that send JSON or gzip; the POST itself checks the key and origin. */
    @RequestMapping(path = "/observer/v1/events", method = RequestMethod.OPTIONS)
    ResponseEntity<Void> preflight(@RequestHeader(name = HttpHeaders.ORIGIN, required = false) String origin) {
        HttpHeaders headers = cors(origin);
        headers.set(HttpHeaders.ACCESS_CONTROL_ALLOW_METHODS, "POST");
        headers.set(HttpHeaders.ACCESS_CONTROL_ALLOW_HEADERS, "Content-Type, Content-Encoding");
        headers.set(HttpHeaders.ACCESS_CONTROL_MAX_AGE, "600");
        return ResponseEntity.noContent().headers(headers).build();
    }

    @RequestMapping(path = "/observer/v1/events", method = RequestMethod.POST)
    ResponseEntity<Map<String, Object>> ingest(@RequestParam(name = "key", required = false) String key,
            @RequestHeader(name = HttpHeaders.ORIGIN, required = false) String origin,
            @RequestHeader(name = HttpHeaders.CONTENT_ENCODING, required = false) String encoding,
            @RequestHeader(name = HttpHeaders.USER_AGENT, required = false) String userAgent,
            HttpServletRequest request) throws IOException {
        if (key == null || key.isBlank()) {
            return refuse(origin, HttpStatus.UNAUTHORIZED, "The site key is missing: send it as ?key=…");
        }
        Optional<ActiveKeys.Grant> grant = key.length() > 100 ? Optional.empty() : keys.lookup(SecretTokens.sha256Hex(key));
        if (grant.isEmpty()) {
            return refuse(origin, HttpStatus.UNAUTHORIZED, "This key is unknown or has been revoked.");
        }
        String normalised = origin == null ? null : SiteRules.origin(origin);
        if (normalised == null || !grant.get().origins().contains(normalised)) {
            return refuse(origin, HttpStatus.FORBIDDEN, origin == null
                    ? "The Origin header is missing; batches come from the pages of an allowed origin."
                    : "Origin " + clip(origin) + " is not allowed for this site.");
        }
        long wait = limits.secondsToWait(grant.get().keyId());
        if (wait > 0) {
            ResponseEntity<Map<String, Object>> refused = refuse(origin, HttpStatus.TOO_MANY_REQUESTS,
                    "Too many batches for this key; retry after " + wait + " s.");
            HttpHeaders headers = new HttpHeaders();
            headers.putAll(refused.getHeaders());
            headers.set(HttpHeaders.RETRY_AFTER, Long.toString(wait));
            return new ResponseEntity<>(refused.getBody(), headers, refused.getStatusCode());
        }
        long max = properties.maxBatchSize().toBytes();
        if (request.getContentLengthLong() > max) {
            return refuse(origin, HttpStatus.CONTENT_TOO_LARGE, "A batch may be at most " + max + " bytes.");
        }
        byte[] body;
        try {
            body = read(request.getInputStream(), encoding, max);
        } catch (TooLargeBody e) {
            return refuse(origin, HttpStatus.CONTENT_TOO_LARGE, "A batch may be at most " + max + " bytes (after gzip is undone).");
        } catch (ZipException | java.io.EOFException e) {
            return refuse(origin, HttpStatus.BAD_REQUEST, "The body is not valid gzip.");
        } catch (UnsupportedEncoding e) {
            return refuse(origin, HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Content-Encoding may be gzip or none.");
        }
        long now = clock.millis();
        EventBatch batch;
        try {
            batch = EventBatch.parse(body, now, properties.maxEventsPerBatch(), properties.maxEventAge().toMillis(),
                    properties.maxFuture().toMillis());
        } catch (EventBatch.Malformed e) {
            return refuse(origin, HttpStatus.BAD_REQUEST, e.getMessage());
        } catch (EventBatch.TooLarge e) {
            return refuse(origin, HttpStatus.CONTENT_TOO_LARGE, e.getMessage());
        }
        int stored = store.store(grant.get().siteId(), batch, now, Browsers.of(userAgent));
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("accepted", stored);
        answer.put("duplicates", batch.events().size() - stored);
        answer.put("rejected", batch.rejected());
        log.debug("observer batch site={} events={} stored={}", grant.get().siteId(), batch.events().size(), stored);
        return ResponseEntity.status(HttpStatus.ACCEPTED).headers(cors(origin)).contentType(MediaType.APPLICATION_JSON).body(answer);
    }

    private static ResponseEntity<Map<String, Object>> refuse(String origin, HttpStatus status, String message) {
        return ResponseEntity.status(status).headers(cors(origin)).contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("error", message));
    }

    /** Lets the calling page read the answer (and its Retry-After); cookies are never involved. */
    private static HttpHeaders cors(String origin) {
        HttpHeaders headers = new HttpHeaders();
        if (origin != null && SiteRules.origin(origin) != null) {
            headers.set(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, origin);
            headers.set(HttpHeaders.ACCESS_CONTROL_EXPOSE_HEADERS, "Retry-After");
        }
        headers.set(HttpHeaders.VARY, "Origin");
        return headers;
    }

    private static final class TooLargeBody extends IOException {
    }

    private static final class UnsupportedEncoding extends IOException {
    }

    /** The body, gunzipped if so marked, refused past {@code max} bytes either way (no gzip bombs). */
    private static byte[] read(InputStream raw, String encoding, long max) throws IOException {
        InputStream in = raw;
        if (encoding != null && !encoding.isBlank() && !encoding.equalsIgnoreCase("identity")) {
            if (!encoding.strip().equalsIgnoreCase("gzip")) {
                throw new UnsupportedEncoding();
            }
            in = new GZIPInputStream(raw);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(8192);
        byte[] buffer = new byte[8192];
        int n;
        while ((n = in.read(buffer)) > 0) {
            out.write(buffer, 0, n);
            if (out.size() > max) {
                throw new TooLargeBody();
            }
        }
        return out.toByteArray();
    }

    private static String clip(String value) {
        return value.length() > 100 ? value.substring(0, 100) + "…" : value;
    }
}
