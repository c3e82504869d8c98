package org.jotrs.genericinterface.internal;

import java.util.Set;

/**
 * Who calls an operation: an agent ({@code users.id}) or a customer user (login, and the
 * companies whose tickets they see: their own {@code customer_id} and those
 * {@code customer_user_customer} gives them, as OTRS's customer interface).
 */
record GiCaller(boolean customer, int agentId, String customerLogin, Set<String> companies) {

    static GiCaller agent(int agentId) {
        return new GiCaller(false, agentId, null, Set.of());
    }

    static GiCaller customer(String login, Set<String> companies) {
        return new GiCaller(true, 0, login, Set.copyOf(companies));
    }
}
