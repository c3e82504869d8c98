package org.jotrs.platform;

/**
 * Installation-wide facts that must survive restarts and be shared by all nodes
 * ({@code jotrs_system_state}).
 */
public interface SystemState {

    /**
     * Moves a fact from one value to another if, and only if, it has the expected value now. One
     * conditional update: of several nodes racing, exactly one succeeds. Joins the caller's
     * transaction.
     *
     * @return whether this call made the change
     */
    boolean transition(String name, String expected, String next);
}
