package org.jotrs.mail;

/**
 * Where a sent agent notification is recorded on its ticket, as OTRS's notification transport
 * does: a {@code SendAgentNotification} history row named {@code %%<notification>%%<login>%%Email}.
 * Implemented by the ticket module, which owns the ticket history (the ticket module uses the mail
 * module, so the mail module asks through this interface rather than through the ticket facade).
 */
public interface NotificationHistory {

    /**
     * Records that the notification was queued for the agent; joins the caller's transaction, so the
     * row commits with the queued mail or not at all.
     *
     * @param actorId the agent whose change raised the notification (the system user, 1, for reminders)
     */
    void agentNotified(long ticketId, String notificationName, String recipientLogin, int actorId);
}
