package org.jotrs.ticket;

import java.time.LocalDateTime;

/**
 * A ticket from a customer's phone call, as an agent enters it (OTRS AgentTicketPhone).
 *
 * @param customerUser the caller's customer login ({@code customer_user.login})
 * @param priority a {@code ticket_priority} name; null for OTRS's default "3 normal"
 * @param state a {@code ticket_state} name; null for OTRS's default "open"
 * @param pendingUntil required when the state is a pending one, else ignored
 */
public record NewPhoneTicket(Integer queueId, String customerUser, String title, String body, String priority,
        String state, LocalDateTime pendingUntil) {
}
