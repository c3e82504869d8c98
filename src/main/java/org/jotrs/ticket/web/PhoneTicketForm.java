package org.jotrs.ticket.web;

/**
 * The phone ticket form as submitted; {@code pendingUntil} comes from a datetime-local input
 * ({@code 2026-11-30T09:00}).
 */
public record PhoneTicketForm(Integer queueId, String customerUser, String title, String body, String priority,
        String state, String pendingUntil) {

    static PhoneTicketForm empty(String priority, String state) {
        return new PhoneTicketForm(null, "", "", "", priority, state, "");
    }
}
