package org.jotrs.ticket.internal;

import org.jotrs.ticket.CreatedTicket;
import org.jotrs.ticket.NewPhoneTicket;
import org.jotrs.ticket.PhoneTicketOptions;
import org.jotrs.ticket.QueueOverview;
import org.jotrs.ticket.TicketDetails;
import org.jotrs.ticket.TicketService;
import org.springframework.stereotype.Service;

/** The facade: one method per use case, each delegating to its use-case class. */
@Service
class JooqTicketService implements TicketService {

    private final PhoneTicketCreation phoneTicketCreation;
    private final TicketReading reading;
    private final QueueViewing queueViewing;

    JooqTicketService(PhoneTicketCreation phoneTicketCreation, TicketReading reading, QueueViewing queueViewing) {
        this.phoneTicketCreation = phoneTicketCreation;
        this.reading = reading;
        this.queueViewing = queueViewing;
    }

    @Override
    public PhoneTicketOptions phoneTicketOptions(int actorId) {
        return phoneTicketCreation.options(actorId);
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
}
