package org.jotrs.platform;

/**
 * The agent may not do this (HTTP 403), and nothing was changed. The one "forbidden" family:
 * {@code org.jotrs.access.PermissionDenied} extends it. A refusal never names a ticket or queue the
 * agent may not read; those are answered as {@link NoSuchEntry} instead.
 */
public class AccessRefused extends RuntimeException {

    public AccessRefused(String message) {
        super(message);
    }
}
