package org.jotrs.observer.internal;

import tools.jackson.databind.JsonNode;

/**
 * A stored event as the signal engine reads it. Two are the same event when their ids are: the
 * rules look events up in their session's list ({@code indexOf}), and comparing every field
 * (the JSON tree included) made that lookup a visible share of the engine's time under load.
 */
record Seen(long id, String uuid, long siteId, String session, String userRef, String kind, long t, long receivedAt,
        String url, String browser, String release, JsonNode data) {

    @Override
    public boolean equals(Object other) {
        return other instanceof Seen seen && seen.id == id;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(id);
    }

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
