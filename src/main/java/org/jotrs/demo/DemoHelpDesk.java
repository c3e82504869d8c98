package org.jotrs.demo;

/**
 * Fills a fresh instance with a small, realistic help desk so that a newcomer sees a living
 * system: queues in a support group, agents, customer companies and users, and tickets with
 * conversations in every state. Everything is written through the facades, as agents would, so
 * the rows are ordinary OTRS rows with their history; nothing in the product reads them
 * differently.
 */
public interface DemoHelpDesk {

    /** The logins of the demo agents; their password is {@link #AGENT_PASSWORD}. */
    java.util.List<String> AGENTS = java.util.List.of("anna", "ben", "chloe", "david", "emma");

    /** The demo agents' password, printed by the command (demo data is for trying Jotrs out). */
    String AGENT_PASSWORD = "demo-agent-1";

    /** What was made. */
    record Summary(int queues, int agents, int companies, int customers, int tickets, int articles) {
    }

    /**
     * Makes the demo help desk with {@code tickets} tickets.
     *
     * @throws org.jotrs.access.PermissionDenied when the actor is not an administrator
     * @throws org.jotrs.platform.InvalidInput when the instance is not fresh (it has tickets
     *     already, or one of the demo agents or queues exists), or {@code tickets} is not 1–2000
     */
    Summary fill(int actorId, int tickets);
}
