package org.jotrs.observer.internal;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.jotrs.observer.internal.IssueTracker.CallFailed;

/**
 * One call to an issue tracker, bounded as a whole (connecting, the answer's headers and its body)
 * by the export timeout, so a tracker that hangs cannot hold up the exporter. A 429 and 5xx become
 * {@link CallFailed}; anything else is the tracker's own answer for the caller to read.
 */
final class TrackerHttp {

    private final HttpClient http;
    private final Duration timeout;

    TrackerHttp(Duration timeout) {
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    HttpResponse<String> send(String tracker, HttpRequest.Builder request, String secret) throws CallFailed {
        HttpRequest built = request.timeout(timeout).build();
        CompletableFuture<HttpResponse<String>> call = http.sendAsync(built, HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> response;
        try {
            response = call.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            call.cancel(true);
            throw new CallFailed(tracker + " did not answer within " + timeout.toMillis() + " ms", 0);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof HttpTimeoutException) {
                throw new CallFailed(tracker + " did not answer within " + timeout.toMillis() + " ms", 0);
            }
            if (cause instanceof IOException) {
                throw new CallFailed("Could not reach " + tracker + " at " + built.uri().getHost() + ": "
                        + redact(String.valueOf(cause.getMessage()), secret), 0);
            }
            throw new CallFailed("Calling " + tracker + " failed: " + cause, 0);
        } catch (InterruptedException e) {
            call.cancel(true);
            Thread.currentThread().interrupt();
            throw new CallFailed("Interrupted while calling " + tracker, 0);
        }
        if (response.statusCode() == 429) {
            throw new CallFailed(tracker + " is rate-limiting (HTTP 429)", retryAfterMs(response));
        }
        if (response.statusCode() >= 500) {
            throw new CallFailed(tracker + " answered HTTP " + response.statusCode() + excerpt(response.body(), secret), 0);
        }
        return response;
    }

    /** Retry-After in seconds or as an HTTP date; Linear's reset time (epoch ms) when that is all there is. */
    static long retryAfterMs(HttpResponse<?> response) {
        String retryAfter = response.headers().firstValue("Retry-After").orElse("").strip();
        if (!retryAfter.isEmpty()) {
            try {
                return Math.max(0, Long.parseLong(retryAfter) * 1000);
            } catch (NumberFormatException notSeconds) {
                try {
                    return Math.max(0, ZonedDateTime.parse(retryAfter, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant().toEpochMilli()
                            - System.currentTimeMillis());
                } catch (RuntimeException notADate) {
                    return 0;
                }
            }
        }
        String reset = response.headers().firstValue("X-RateLimit-Requests-Reset").orElse("").strip();
        try {
            return reset.isEmpty() ? 0 : Math.max(0, Long.parseLong(reset) - System.currentTimeMillis());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** The start of an error answer, for the incident screen, with the credential cut out should it be echoed. */
    static String excerpt(String body, String secret) {
        if (body == null || body.isBlank()) {
            return "";
        }
        String text = redact(body.strip().replaceAll("\\s+", " "), secret);
        return ": " + (text.length() > 300 ? text.substring(0, 300) + "…" : text);
    }

    static String redact(String text, String secret) {
        return secret == null || secret.isEmpty() ? text : text.replace(secret, "***");
    }
}
