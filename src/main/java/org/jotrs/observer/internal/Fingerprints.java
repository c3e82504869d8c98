package org.jotrs.observer.internal;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/** What makes two signals the same incident: kind, route template, and target or normalised error message. */
final class Fingerprints {

    private static final Pattern ID_SEGMENT = Pattern.compile(
            "\\d+|[0-9a-fA-F]{8,}|[0-9a-fA-F-]{36}|(?=.*\\d)[A-Za-z0-9_-]{16,}");
    private static final Pattern NUMBERS = Pattern.compile("\\b\\d+(\\.\\d+)?\\b");
    private static final Pattern QUOTED = Pattern.compile("'[^']{0,200}'|\"[^\"]{0,200}\"");

    private Fingerprints() {
    }

    static String of(String kind, String route, String target) {
        return hash(kind + "\n" + route + "\n" + target);
    }

    /** The path of a URL with ids replaced: {@code /orders/42/items/9f8e…} becomes {@code /orders/:id/items/:id}. */
    static String route(String url) {
        if (url == null || url.isBlank()) {
            return "/";
        }
        String path;
        try {
            URI uri = new URI(url);
            path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        } catch (java.net.URISyntaxException e) {
            path = EventBatch.withoutQuery(url);
        }
        StringBuilder route = new StringBuilder();
        for (String segment : path.split("/", -1)) {
            if (!route.isEmpty() || !segment.isEmpty()) {
                route.append('/');
            }
            route.append(ID_SEGMENT.matcher(segment).matches() ? ":id" : segment);
        }
        String result = route.isEmpty() ? "/" : route.toString().replace("//", "/");
        return result.length() > 500 ? result.substring(0, 500) : result;
    }

    /** An error message without the parts that vary between occurrences (numbers, quoted values). */
    static String message(String message) {
        if (message == null) {
            return "Error";
        }
        String normal = QUOTED.matcher(message.strip()).replaceAll("'…'");
        normal = NUMBERS.matcher(normal).replaceAll("N");
        return normal.length() > 300 ? normal.substring(0, 300) : normal;
    }

    static String hash(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
