package org.jotrs.ticket.web;

/**
 * The new-ticket form (phone or email) as submitted; {@code pendingUntil} comes from a
 * datetime-local input ({@code 2026-11-30T09:00}); {@code to} and {@code cc} only on the email form;
 * {@code bodyHtml} comes from the rich-text editor (absent when the browser runs no JavaScript, and
 * the plain {@code body} is the text).
 */
public record NewTicketForm(Integer queueId, String customerUser, String title, String body, String priority,
        String state, String pendingUntil, String type, Integer ownerId, Integer responsibleId, String to, String cc,
        String bodyHtml) {

    static NewTicketForm empty(String priority, String state, String type) {
        return new NewTicketForm(null, "", "", "", priority, state, "", type, null, null, "", "", null);
    }

    /** The same form with another customer (the one just made from the form). */
    NewTicketForm withCustomerUser(String login) {
        return new NewTicketForm(queueId, login, title, body, priority, state, pendingUntil, type, ownerId,
                responsibleId, to, cc, bodyHtml);
    }

    /** The editor's HTML, or null when the plain text was posted. */
    public String html() {
        return bodyHtml == null || bodyHtml.isBlank() ? null : bodyHtml;
    }
}
