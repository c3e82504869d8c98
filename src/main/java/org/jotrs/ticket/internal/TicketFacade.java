package org.jotrs.ticket.internal;

import java.util.Collection;
import java.util.Set;

import org.jotrs.ticket.CreatedTicket;
import org.jotrs.ticket.NewPhoneTicket;
import org.jotrs.ticket.PhoneTicketOptions;
import org.jotrs.ticket.TicketAction;
import org.jotrs.ticket.TicketDetails;
import org.jotrs.ticket.ZoomOptions;
import org.jotrs.ticket.TicketService;
import org.springframework.stereotype.Service;

/** The facade: one method per use case, each delegating to its use-case class. */
@Service
class TicketFacade implements TicketService {

    private final TicketCreation creation;
    private final TicketReading reading;
    private final TicketListing listing;
    private final TicketBulk bulk;
    private final TicketUpdates updates;
    private final MailDrafts mailDrafts;
    private final TicketsFromMail fromMail;
    private final TicketAutoResponses autoResponses;
    private final SystemTickets systemTickets;
    private final TicketFieldEditing fieldEditing;
    private final CustomerTickets customerTickets;
    private final TicketActionsTogether together;
    private final TicketCounting counting;

    TicketFacade(TicketCreation creation, TicketReading reading, TicketListing listing, TicketBulk bulk,
            TicketUpdates updates, MailDrafts mailDrafts, TicketsFromMail fromMail, SystemTickets systemTickets,
            TicketAutoResponses autoResponses, TicketFieldEditing fieldEditing, CustomerTickets customerTickets,
            TicketActionsTogether together, TicketCounting counting) {
        this.together = together;
        this.counting = counting;
        this.fieldEditing = fieldEditing;
        this.customerTickets = customerTickets;
        this.mailDrafts = mailDrafts;
        this.fromMail = fromMail;
        this.autoResponses = autoResponses;
        this.systemTickets = systemTickets;
        this.creation = creation;
        this.updates = updates;
        this.reading = reading;
        this.listing = listing;
        this.bulk = bulk;
    }

    @Override
    public org.jotrs.ticket.MailArrival createFromMail(org.jotrs.ticket.InboundTicket ticket, org.jotrs.ticket.InboundMail mail) {
        return fromMail.create(ticket, mail);
    }

    @Override
    public org.jotrs.ticket.MailArrival createFromCustomer(org.jotrs.ticket.InboundTicket ticket,
            org.jotrs.ticket.InboundMail message) {
        return fromMail.create(ticket, message, TicketsFromMail.Origin.PORTAL);
    }

    @Override
    public org.jotrs.ticket.MailArrival addCustomerFollowUp(long ticketId, org.jotrs.ticket.InboundMail message,
            org.jotrs.ticket.InboundTicket newTicket) {
        return fromMail.followUp(ticketId, message, newTicket, TicketsFromMail.Origin.PORTAL);
    }

    @Override
    public void closeByCustomer(long ticketId, String closedState) {
        fromMail.closeByCustomer(ticketId, closedState);
    }

    @Override
    public org.jotrs.ticket.MailArrival addMailFollowUp(long ticketId, org.jotrs.ticket.InboundMail mail,
            org.jotrs.ticket.InboundTicket newTicket) {
        return fromMail.followUp(ticketId, mail, newTicket);
    }

    @Override
    public org.jotrs.ticket.AutoResponseOutcome sendAutoResponse(long ticketId, org.jotrs.ticket.AutoResponse response) {
        return autoResponses.send(ticketId, response);
    }

    @Override
    public void autoResponseSuppressed(long ticketId, String reason) {
        autoResponses.suppressed(ticketId, reason);
    }

    @Override
    public PhoneTicketOptions phoneTicketOptions(int actorId) {
        return creation.options(actorId);
    }

    @Override
    public void apply(int actorId, long ticketId, TicketAction action) {
        updates.apply(actorId, ticketId, action);
    }

    @Override
    public org.jotrs.ticket.TicketCounts counts(int actorId) {
        return counting.counts(actorId);
    }

    @Override
    public void applyTogether(int actorId, long ticketId, java.util.List<TicketAction> actions) {
        together.apply(actorId, ticketId, actions);
    }

    @Override
    public void changeFields(int actorId, long ticketId, org.jotrs.ticket.TicketFieldsEdit edit) {
        fieldEditing.change(actorId, ticketId, edit);
    }

    @Override
    public java.util.List<org.jotrs.ticket.TicketSummary> openTicketsOfCustomer(int actorId, String customerUser,
            long exceptTicketId, int limit) {
        return customerTickets.openOf(actorId, customerUser, exceptTicketId, limit);
    }

    @Override
    public ZoomOptions zoomOptions(int actorId, long ticketId) {
        return reading.options(actorId, ticketId);
    }

    @Override
    public TicketDetails details(int actorId, long ticketId) {
        return reading.details(actorId, ticketId);
    }

    @Override
    public org.jotrs.ticket.TicketList list(int actorId, org.jotrs.ticket.TicketListQuery query) {
        return listing.list(actorId, query);
    }

    @Override
    public org.jotrs.ticket.BulkResult applyToAll(int actorId, java.util.List<Long> ticketIds,
            java.util.List<org.jotrs.ticket.TicketAction> actions) {
        return bulk.apply(actorId, ticketIds, actions);
    }

    @Override
    public CreatedTicket createPhoneTicket(int actorId, NewPhoneTicket request) {
        return creation.createPhone(actorId, request);
    }

    @Override
    public CreatedTicket createTicket(int actorId, NewPhoneTicket request, org.jotrs.ticket.FirstArticle article) {
        return creation.createWithArticle(actorId, request, article);
    }

    @Override
    public CreatedTicket createEmailTicket(int actorId, org.jotrs.ticket.NewEmailTicket request) {
        return creation.createEmail(actorId, request);
    }

    @Override
    public java.util.Optional<Long> ticketIdByNumber(String number) {
        return reading.idByNumber(number);
    }

    @Override
    public org.jotrs.ticket.MailDraft mailDraft(int actorId, long ticketId, org.jotrs.ticket.TicketAction.MailKind kind,
            Long articleId, Integer templateId) {
        return mailDrafts.draft(actorId, ticketId, kind, articleId, templateId);
    }

    @Override
    public java.util.Optional<String> templateText(int actorId, long ticketId,
            org.jotrs.ticket.TicketAction.MailKind kind, int templateId) {
        return mailDrafts.templateText(actorId, ticketId, kind, templateId);
    }

    @Override
    public org.jotrs.article.Attachment attachment(int actorId, long ticketId, long articleId, int fileId) {
        return reading.attachment(actorId, ticketId, articleId, fileId);
    }

    @Override
    public String articleHtml(int actorId, long ticketId, long articleId) {
        return reading.articleHtml(actorId, ticketId, articleId);
    }

    @Override
    public void markSeen(int actorId, long ticketId) {
        reading.markSeen(actorId, ticketId);
    }

    @Override
    public boolean canRead(int actorId, long ticketId) {
        return reading.canRead(actorId, ticketId);
    }

    @Override
    public Set<Long> readableAmong(int actorId, Collection<Long> ticketIds) {
        return reading.readableAmong(actorId, ticketIds);
    }

    @Override
    public CreatedTicket createSystemTicket(org.jotrs.ticket.NewSystemTicket request) {
        return systemTickets.create(request);
    }

    @Override
    public long addSystemNote(long ticketId, String from, String subject, String body, boolean reopen) {
        return systemTickets.addNote(ticketId, from, subject, body, reopen);
    }

    @Override
    public Set<Long> closedAmong(Collection<Long> ticketIds) {
        return systemTickets.closedAmong(ticketIds);
    }
}
