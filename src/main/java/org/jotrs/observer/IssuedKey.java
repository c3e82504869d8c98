package org.jotrs.observer;

/** A key just issued: the only time its full text is known (only its hash is stored). */
public record IssuedKey(long id, long siteId, String key) {
}
