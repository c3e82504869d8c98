package org.jotrs.ticket.internal;

import org.jotrs.mail.NotificationHistory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** The mail module's sent notifications as OTRS's {@code SendAgentNotification} history rows. */
@Component
class NotificationHistoryRows implements NotificationHistory {

    private final TicketRows rows;
    private final TicketHistory history;

    NotificationHistoryRows(TicketRows rows, TicketHistory history) {
        this.rows = rows;
        this.history = history;
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void agentNotified(long ticketId, String notificationName, String recipientLogin, int actorId) {
        history.add(rows.read(ticketId).snapshot(), null, HistoryType.SEND_AGENT_NOTIFICATION,
                "%%" + notificationName + "%%" + recipientLogin + "%%Email", actorId);
    }
}
