package org.jotrs.observer;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.zip.GZIPOutputStream;

/** Sends batches to the ingestion endpoint as the SDK does, and builds them. */
final class ObserverClient {

    private final String baseUrl;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    ObserverClient(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    HttpResponse<String> post(String key, String origin, String body) {
        return post(key, origin, body.getBytes(StandardCharsets.UTF_8), false);
    }

    HttpResponse<String> post(String key, String origin, byte[] body, boolean gzip) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + "/observer/v1/events"
                        + (key == null ? "" : "?key=" + key)))
                .header("Content-Type", "text/plain")
                .header("User-Agent", "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36");
        if (origin != null) {
            request.header("Origin", origin);
        }
        if (gzip) {
            request.header("Content-Encoding", "gzip");
            body = gzip(body);
        }
        try {
            return client.send(request.POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static byte[] gzip(byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream zip = new GZIPOutputStream(out)) {
            zip.write(body);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toByteArray();
    }

    /** A batch of one session; each event given as its JSON fields without id (added here). */
    static String batch(String session, long sentAt, List<String> events) {
        List<String> withIds = new ArrayList<>();
        for (String event : events) {
            withIds.add("{\"id\":\"" + UUID.randomUUID() + "\"," + event.substring(1));
        }
        return "{\"v\":1,\"session\":\"" + session + "\",\"sentAt\":" + sentAt + ",\"events\":[" + String.join(",", withIds) + "]}";
    }

    static String click(long t, String url, String selector, String text, int x, int y) {
        return "{\"t\":" + t + ",\"type\":\"click\",\"url\":\"" + url + "\",\"sel\":\"" + selector + "\",\"text\":\"" + text
                + "\",\"tag\":\"button\",\"x\":" + x + ",\"y\":" + y + ",\"detail\":1,\"act\":true}";
    }

    static String error(long t, String url, String message) {
        return "{\"t\":" + t + ",\"type\":\"error\",\"url\":\"" + url + "\",\"msg\":\"" + message
                + "\",\"name\":\"TypeError\",\"src\":\"https://shop.example.com/js/checkout.js\",\"line\":12,\"col\":5}";
    }

    static String mutation(long t, String url) {
        return "{\"t\":" + t + ",\"type\":\"mutation\",\"url\":\"" + url + "\",\"n\":1}";
    }
}
