package org.jotrs.platform;

/**
 * Who administers Jotrs, for platform use cases that only administrators may run (the access
 * module answers it with OTRS's rule: {@code rw} on the group {@code admin}).
 */
public interface Administrators {

    /** @throws RuntimeException the access module's permission refusal, for non-administrators */
    void requireAdministrator(int agentId);
}
