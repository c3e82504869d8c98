package org.jotrs.ticket.internal;

import java.util.Collection;
import java.util.Set;

import org.jotrs.ticket.CreatedTicket;
import org.jotrs.ticket.NewPhoneTicket;
import org.jotrs.ticket.PhoneTicketOptions;
import org.jotrs.ticket.QueueOverview;
import org.jotrs.ticket.TicketAction;
import org.jotrs.ticket.TicketDetails;
import org.jotrs.ticket.ZoomOptions;
import org.jotrs.ticket.TicketService;
import org.springframework.stereotype.Service;

/** The facade: one method per use case, each delegating to its use-case class. */
@Service
class JooqTicketService implements TicketService {

    private final PhoneTicketCreation phoneTicketCreation;
    private final TicketReading reading;
    private final QueueViewing queueViewing;
    private final TicketUpdates updates;

    JooqTicketService(PhoneTicketCreation phoneTicketCreation, TicketReading reading, QueueViewing queueViewing,
            TicketUpdates updates) {
        this.phoneTicketCreation = phoneTicketCreation;
        this.updates = updates;
        this.reading = reading;
        this.queueViewing = queueViewing;
    }

    @Override
    public PhoneTicketOptions phoneTicketOptions(int actorId) {
        return phoneTicketCreation.options(actorId);
    }

    @Override
    public void apply(int actorId, long ticketId, TicketAction action) {
        updates.apply(actorId, ticketId, action);
    }

    @Override
    public ZoomOptions zoomOptions(int actorId) {
        return updates.options(actorId);
    }

    @Override
    public TicketDetails details(int actorId, long ticketId) {
        return reading.details(actorId, ticketId);
    }

    @Override
    public QueueOverview queueOverview(int actorId, Integer queueId, int page) {
        return queueViewing.overview(actorId, queueId, page);
    }

    @Override
    public CreatedTicket createPhoneTicket(int actorId, NewPhoneTicket request) {
        return phoneTicketCreation.create(actorId, request);
    }

    @Override
    public boolean canRead(int actorId, long ticketId) {
        return reading.canRead(actorId, ticketId);
    }

    @Override
    public Set<Long> readableAmong(int actorId, Collection<Long> ticketIds) {
        return reading.readableAmong(actorId, ticketIds);
    }
}
