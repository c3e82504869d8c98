package org.jotrs.observer;

import java.time.LocalDateTime;

/**
 * A site's write-only key as listed: only its first characters are kept in readable form.
 *
 * @param revoked when it was revoked, or null while it is in use
 */
public record SiteKey(long id, String hint, LocalDateTime created, LocalDateTime revoked) {

    public boolean active() {
        return revoked == null;
    }
}
