package org.jotrs.observer.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A batch as the SDK sends it, checked field by field. The format (version 1):
 *
 * <pre>{"v":1, "session":"…", "user":"…"?, "release":"…"?, "sentAt":epochMs?,
 *  "events":[{"id":"uuid", "t":epochMs, "type":"click", "url":"…", …kind's fields}]}</pre>
 *
 * A malformed batch is refused whole with a message naming the field ({@link Malformed}); an
 * event whose time is out of range (after the clock correction) is left out and reported.
 */
record EventBatch(String sessionId, String userRef, String release, List<Event> events, List<Rejected> rejected) {

    /** One event ready to store: its kind's fields as compact JSON. */
    record Event(String uuid, long occurredAt, String kind, String url, String data) {
    }

    /** An event left out, by its position in the batch. */
    record Rejected(int index, String reason) {
    }

    /** A batch that does not follow the format; the message says where. */
    static final class Malformed extends RuntimeException {
        Malformed(String message) {
            super(message);
        }
    }

    static final JsonMapper JSON = JsonMapper.builder().build();

    static final Set<String> KINDS = Set.of("click", "mutation", "scroll", "selection", "error", "request",
            "navigation", "visibility");

    private static final Pattern UUID = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final Pattern SESSION = Pattern.compile("[A-Za-z0-9_-]{8,64}");

    /** Clocks off by less than this are left alone: the difference is mostly the network's delay. */
    private static final long SKEW_TOLERANCE_MS = 2_000;

    /** Per kind: text fields with their maximum lengths, numeric fields, boolean fields. */
    private record Shape(Map<String, Integer> texts, Set<String> numbers, Set<String> flags) {
    }

    private static final Map<String, Shape> SHAPES = Map.of(
            "click", new Shape(Map.of("sel", 500, "text", 200, "tag", 30, "ign", 30), Set.of("x", "y", "detail"), Set.of("act", "sel_text")),
            "mutation", new Shape(Map.of(), Set.of("n"), Set.of()),
            "scroll", new Shape(Map.of(), Set.of("x", "y"), Set.of()),
            "selection", new Shape(Map.of(), Set.of(), Set.of()),
            "error", new Shape(Map.of("msg", 1000, "stack", 3000, "src", 500, "name", 100), Set.of("line", "col"), Set.of("unhandled")),
            "request", new Shape(Map.of("method", 10, "rurl", 1000), Set.of("status", "dur"), Set.of()),
            "navigation", new Shape(Map.of("from", 1000, "how", 20), Set.of(), Set.of()),
            "visibility", new Shape(Map.of("state", 20), Set.of(), Set.of()));

    static EventBatch parse(byte[] body, long now, int maxEvents, long maxAgeMs, long maxFutureMs) {
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (JacksonException e) {
            throw new Malformed("The body is not JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            throw new Malformed("The body must be a JSON object with \"session\" and \"events\".");
        }
        JsonNode version = root.get("v");
        if (version != null && !(version.isIntegralNumber() && version.longValue() == 1)) {
            throw new Malformed("v: this server reads batches of version 1.");
        }
        String session = text(root, "session", 64, true, "session");
        if (!SESSION.matcher(session).matches()) {
            throw new Malformed("session: 8 to 64 letters, digits, '-' or '_'.");
        }
        String user = text(root, "user", 200, false, "user");
        String release = text(root, "release", 100, false, "release");
        long offset = 0;
        JsonNode sentAt = root.get("sentAt");
        if (sentAt != null && !sentAt.isNull()) {
            if (!sentAt.isIntegralNumber()) {
                throw new Malformed("sentAt: expected epoch milliseconds (an integer).");
            }
            long skew = now - sentAt.longValue();
            offset = Math.abs(skew) > SKEW_TOLERANCE_MS ? skew : 0;
        }
        JsonNode events = root.get("events");
        if (events == null || !events.isArray()) {
            throw new Malformed("events: expected an array of events.");
        }
        if (events.size() > maxEvents) {
            throw new TooLarge("A batch may hold at most " + maxEvents + " events; this one has " + events.size() + ".");
        }
        List<Event> accepted = new ArrayList<>(events.size());
        List<Rejected> rejected = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (int i = 0; i < events.size(); i++) {
            String at = "events[" + i + "]";
            JsonNode event = events.get(i);
            if (!event.isObject()) {
                throw new Malformed(at + ": expected an object.");
            }
            String uuid = text(event, "id", 36, true, at + ".id");
            if (!UUID.matcher(uuid).matches()) {
                throw new Malformed(at + ".id: expected a UUID such as 3f1e…-…; was '" + clip(uuid) + "'.");
            }
            JsonNode t = event.get("t");
            if (t == null || !t.isIntegralNumber() || !t.canConvertToLong()) {
                throw new Malformed(at + ".t: expected epoch milliseconds (an integer).");
            }
            String kind = text(event, "type", 20, true, at + ".type");
            Shape shape = SHAPES.get(kind);
            if (shape == null) {
                throw new Malformed(at + ".type: expected one of " + String.join(", ", new java.util.TreeSet<>(KINDS)) + "; was '" + clip(kind) + "'.");
            }
            String url = withoutQuery(text(event, "url", 2000, true, at + ".url"));
            ObjectNode data = JSON.createObjectNode();
            for (var field : shape.texts().entrySet()) {
                String value = text(event, field.getKey(), field.getValue() * 4, false, at + "." + field.getKey());
                if (value != null) {
                    value = value.length() > field.getValue() ? value.substring(0, field.getValue()) : value;
                    data.put(field.getKey(), "rurl".equals(field.getKey()) ? withoutQuery(value) : value);
                }
            }
            for (String field : shape.numbers()) {
                JsonNode number = event.get(field);
                if (number != null && !number.isNull()) {
                    if (!number.isNumber()) {
                        throw new Malformed(at + "." + field + ": expected a number.");
                    }
                    data.put(field, Math.round(number.doubleValue()));
                }
            }
            for (String field : shape.flags()) {
                JsonNode flag = event.get(field);
                if (flag != null && !flag.isNull()) {
                    if (!flag.isBoolean()) {
                        throw new Malformed(at + "." + field + ": expected true or false.");
                    }
                    data.put(field, flag.booleanValue());
                }
            }
            long occurredAt = t.longValue() + offset;
            if (occurredAt < now - maxAgeMs) {
                rejected.add(new Rejected(i, "older than the oldest time accepted"));
            } else if (occurredAt > now + maxFutureMs) {
                rejected.add(new Rejected(i, "in the future"));
            } else if (seen.add(uuid.toLowerCase(java.util.Locale.ROOT))) {
                accepted.add(new Event(uuid.toLowerCase(java.util.Locale.ROOT), occurredAt, kind, clipUrl(url), data.toString()));
            }
        }
        return new EventBatch(session, user, release, accepted, rejected);
    }

    /** A batch over the limits: 413. */
    static final class TooLarge extends RuntimeException {
        TooLarge(String message) {
            super(message);
        }
    }

    private static String text(JsonNode parent, String field, int max, boolean required, String path) {
        JsonNode node = parent.get(field);
        if (node == null || node.isNull()) {
            if (required) {
                throw new Malformed(path + ": required.");
            }
            return null;
        }
        if (!node.isString()) {
            throw new Malformed(path + ": expected a string.");
        }
        String value = node.stringValue();
        if (value.indexOf('\0') >= 0) {
            // The same rule as InputGuard's for forms: no text holds NUL, and PostgreSQL cannot store it.
            throw new Malformed(path + ": contains a NUL character (\\u0000).");
        }
        if (required && value.isBlank()) {
            throw new Malformed(path + ": required.");
        }
        if (value.length() > max) {
            throw new Malformed(path + ": at most " + max + " characters.");
        }
        return value;
    }

    /** Query strings and fragments carry tokens and personal data: never stored. */
    static String withoutQuery(String url) {
        int cut = url.length();
        int query = url.indexOf('?');
        int fragment = url.indexOf('#');
        if (query >= 0) {
            cut = query;
        }
        if (fragment >= 0 && fragment < cut) {
            cut = fragment;
        }
        return url.substring(0, cut);
    }

    private static String clipUrl(String url) {
        return url.length() > 1000 ? url.substring(0, 1000) : url;
    }

    private static String clip(String value) {
        return value.length() > 40 ? value.substring(0, 40) + "…" : value;
    }
}
