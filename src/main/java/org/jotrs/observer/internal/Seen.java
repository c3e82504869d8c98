package org.jotrs.observer.internal;

import tools.jackson.databind.JsonNode;

/** A stored event as the signal engine reads it. */
record Seen(long id, String uuid, long siteId, String session, String userRef, String kind, long t, long receivedAt,
        String url, String browser, String release, JsonNode data) {

    String text(String field) {
        JsonNode node = data.get(field);
        return node == null || node.isNull() ? null : node.asString();
    }

    long number(String field, long otherwise) {
        JsonNode node = data.get(field);
        return node == null || !node.isNumber() ? otherwise : node.longValue();
    }

    boolean flag(String field) {
        JsonNode node = data.get(field);
        return node != null && node.isBoolean() && node.booleanValue();
    }

    boolean is(String k) {
        return kind.equals(k);
    }
}
