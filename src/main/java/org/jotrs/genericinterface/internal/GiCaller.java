package org.jotrs.genericinterface.internal;

/**
 * Who calls an operation: an agent ({@code users.id}) or a customer user (their login; which
 * tickets they see is the ticket module's {@code CustomerTicketAccess}, asked on every call).
 */
record GiCaller(boolean customer, int agentId, String customerLogin) {

    static GiCaller agent(int agentId) {
        return new GiCaller(false, agentId, null);
    }

    static GiCaller customer(String login) {
        return new GiCaller(true, 0, login);
    }
}
