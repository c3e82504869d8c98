package org.jotrs.ticket.web;

/**
 * The new-ticket form (phone or email) as submitted; {@code pendingUntil} comes from a
 * datetime-local input ({@code 2026-11-30T09:00}); {@code to} and {@code cc} only on the email form.
 */
public record NewTicketForm(Integer queueId, String customerUser, String title, String body, String priority,
        String state, String pendingUntil, String type, Integer ownerId, Integer responsibleId, String to, String cc) {

    static NewTicketForm empty(String priority, String state, String type) {
        return new NewTicketForm(null, "", "", "", priority, state, "", type, null, null, "", "");
    }
}
