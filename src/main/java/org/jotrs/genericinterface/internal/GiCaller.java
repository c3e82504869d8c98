package org.jotrs.genericinterface.internal;

/**
 * Who calls an operation: an agent ({@code users.id}) or a customer user (login and company).
 */
record GiCaller(boolean customer, int agentId, String customerLogin, String customerId) {

    static GiCaller agent(int agentId) {
        return new GiCaller(false, agentId, null, null);
    }

    static GiCaller customer(String login, String customerId) {
        return new GiCaller(true, 0, login, customerId);
    }
}
