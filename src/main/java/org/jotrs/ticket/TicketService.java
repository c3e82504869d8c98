package org.jotrs.ticket;

import java.util.Collection;
import java.util.Set;

/**
 * The ticket use cases. Every path (agent UI, REST, mail, automation) goes through here: each
 * method checks the acting agent's permission first and writes the OTRS history rows and the
 * change feed in the same transaction as the change.
 */
public interface TicketService {

    /**
     * Creates a ticket with the caller's first article, as OTRS's phone ticket screen does.
     *
     * @param actorId the agent entering it ({@code users.id}); needs {@code create} on the queue's group
     * @throws org.jotrs.access.PermissionDenied without that permission
     * @throws InvalidTicketRequest for missing or unknown values
     */
    CreatedTicket createPhoneTicket(int actorId, NewPhoneTicket request);

    /**
     * Creates a ticket as {@link #createPhoneTicket} does, but with the first article the caller
     * describes (channel, sender, visibility, subject, HTML, time units, history type), as OTRS's
     * GenericInterface TicketCreate writes it. The ticket's body is {@code request.body()}, as text
     * (ignored when the article has an HTML body, whose text is stored instead).
     *
     * @throws org.jotrs.access.PermissionDenied without {@code create} on the queue's group
     * @throws InvalidTicketRequest for missing or unknown values, or an unknown history type
     */
    CreatedTicket createTicket(int actorId, NewPhoneTicket request, FirstArticle article);

    /**
     * Opens a ticket with a mail to the customer, as OTRS's email ticket screen does: the mail is
     * stored as the first article and queued for sending in the same transaction.
     *
     * @param actorId the agent writing it; needs {@code create} on the queue's group
     * @throws org.jotrs.access.PermissionDenied without that permission
     * @throws InvalidTicketRequest for missing or unknown values, bad addresses, or a queue without a sender address
     */
    CreatedTicket createEmailTicket(int actorId, NewEmailTicket request);

    /** The choices for a phone ticket: only queues where the agent holds {@code create}. */
    PhoneTicketOptions phoneTicketOptions(int actorId);

    /**
     * Applies one action to a ticket: permission check, validation, the change, its OTRS history
     * row and change-feed row, all in one transaction. The ticket row is locked for the duration,
     * so concurrent changes to one ticket apply one after the other and none is lost.
     *
     * @throws NoSuchTicket when it does not exist
     * @throws org.jotrs.access.PermissionDenied without the action's permission
     * @throws InvalidTicketRequest for invalid values
     */
    void apply(int actorId, long ticketId, TicketAction action);

    /** The navigation's and the dashboard's counts for the agent (see {@link TicketCounts}). */
    TicketCounts counts(int actorId);

    /**
     * Applies several actions to one ticket as one change, in the given order, all or nothing: an
     * answer with its next state, owner and lock ("answer and close" in one submit). Each action
     * checks its own permission and writes its own history, as with {@link #apply}. Merges and
     * links are not accepted here (they lock a second ticket).
     *
     * @throws NoSuchTicket when it does not exist or the agent may not read it
     * @throws org.jotrs.access.PermissionDenied without the permission one of the actions needs
     * @throws InvalidTicketRequest for invalid values in any of them
     */
    void applyTogether(int actorId, long ticketId, java.util.List<TicketAction> actions);

    /**
     * Saves the zoom's field panel: every field the agent changed, in one transaction, each with
     * its own permission, validation and OTRS history row; all or nothing. A field the agent changed
     * that someone else changed since the form opened is refused (see {@link TicketFieldsEdit}).
     *
     * @throws NoSuchTicket when it does not exist or the agent may not read it
     * @throws TicketChangedMeanwhile when the save would overwrite another agent's change
     * @throws org.jotrs.access.PermissionDenied without the permission one of the changes needs
     * @throws InvalidTicketRequest for invalid values
     */
    void changeFields(int actorId, long ticketId, TicketFieldsEdit edit);

    /**
     * The customer user's other tickets that are not closed and that the agent may read, the most
     * recently changed first.
     */
    java.util.List<TicketSummary> openTicketsOfCustomer(int actorId, String customerUser, long exceptTicketId, int limit);

    /**
     * The choices for the zoom's action forms on one ticket.
     *
     * @throws NoSuchTicket when it does not exist
     * @throws org.jotrs.access.PermissionDenied when the agent may not read it
     */
    ZoomOptions zoomOptions(int actorId, long ticketId);

    /**
     * The ticket with its articles and history, for an agent who owns it, is responsible for it
     * or holds {@code ro} on its queue's group.
     *
     * @throws NoSuchTicket when it does not exist
     * @throws org.jotrs.access.PermissionDenied when the agent may not read it
     */
    TicketDetails details(int actorId, long ticketId);

    /**
     * A page of one of the agent's ticket lists, with the queues they may read and their counts.
     *
     * @throws org.jotrs.access.PermissionDenied for a queue filter the agent may not read
     */
    TicketList list(int actorId, TicketListQuery query);

    /**
     * Applies the actions to each ticket in turn, each ticket in a transaction of its own, as
     * OTRS's bulk screen does: a ticket the agent may not change is reported and left as it was;
     * the others are changed. Input that is invalid for every ticket (an unknown state, a missing
     * pending date) is refused before any ticket is touched.
     *
     * @throws InvalidTicketRequest for such input
     */
    BulkResult applyToAll(int actorId, java.util.List<Long> ticketIds, java.util.List<TicketAction> actions);

    /** The id of the ticket with this number ({@code tn}); reading it is checked separately. */
    java.util.Optional<Long> ticketIdByNumber(String number);

    /**
     * The starting point of the reply or forward form, for an agent who may send it ({@code rw}).
     *
     * The body is the queue's salutation, the chosen template, its signature and then the quoted
     * article, with OTRS's placeholders filled in.
     *
     * @param articleId the article to answer or forward; null for the last one from the customer
     * @param templateId a template of the queue to start from, or null
     * @throws NoSuchTicket when the ticket does not exist
     * @throws org.jotrs.access.PermissionDenied without the permission
     */
    MailDraft mailDraft(int actorId, long ticketId, TicketAction.MailKind kind, Long articleId, Integer templateId);

    /**
     * The text of one of the queue's templates for this kind of mail, with OTRS's placeholders
     * filled in for this ticket and agent: what the compose form inserts at the cursor. Empty when
     * the template is not offered for the ticket's queue and kind (or not valid).
     *
     * @throws NoSuchTicket when the ticket does not exist
     * @throws org.jotrs.access.PermissionDenied without the permission the compose form needs
     */
    java.util.Optional<String> templateText(int actorId, long ticketId, TicketAction.MailKind kind, int templateId);

    /**
     * Attachment {@code fileId} (OTRS FileID, 1-based, as the zoom lists it) of an article of the
     * ticket, for an agent who may read the ticket (see {@link #details}).
     *
     * @throws NoSuchTicket when the ticket does not exist
     * @throws org.jotrs.access.PermissionDenied when the agent may not read it
     * @throws NoSuchAttachment when the article is not on that ticket or has no such attachment
     */
    org.jotrs.article.Attachment attachment(int actorId, long ticketId, long articleId, int fileId);

    /**
     * The HTML body of an article of the ticket, sanitised to show in a sandboxed frame (no
     * scripts, no remote content), for an agent who may read the ticket.
     *
     * @throws NoSuchTicket when the ticket does not exist
     * @throws org.jotrs.access.PermissionDenied when the agent may not read it
     * @throws NoSuchAttachment when the article is not on that ticket or has no HTML body
     */
    String articleHtml(int actorId, long ticketId, long articleId);

    /**
     * Records that the agent has read the ticket and its articles, as OTRS's zoom does: the
     * ticket's and each article's {@code Seen} flag for the agent. Nothing is written when the
     * ticket is already marked seen (no article came since), so opening a ticket again costs one
     * indexed read.
     *
     * @throws org.jotrs.access.PermissionDenied when the agent may not read it
     */
    void markSeen(int actorId, long ticketId);

    /**
     * Whether the agent may read the ticket now: owner, responsible, or {@code ro} on its queue's
     * group (the rule of {@link #details}). False for a ticket that does not exist. Read from the
     * database on every call, so a moved ticket or a changed permission counts at once.
     */
    boolean canRead(int actorId, long ticketId);

    /**
     * Of the given tickets, those the agent may read now (see {@link #canRead}); two queries
     * however many tickets, for pages and streams that check many at once.
     */
    Set<Long> readableAmong(int actorId, Collection<Long> ticketIds);

    /**
     * Opens a ticket with an incoming mail as its first article, as OTRS's postmaster does: no
     * agent acts (the system user 1 is the author), so no permission is checked; the ticket gets
     * OTRS's {@code NewTicket}, {@code CustomerUpdate} and {@code EmailCustomer} history rows, and
     * the raw message is kept with the article. Joins the caller's transaction when there is one.
     *
     * @throws InvalidTicketRequest for an unknown queue, priority, state or type
     */
    MailArrival createFromMail(InboundTicket ticket, InboundMail mail);

    /**
     * Adds an incoming mail to an existing ticket as OTRS's postmaster FollowUp does: a merged
     * ticket is followed to the ticket it was merged into; on a closed ticket the queue's
     * follow-up option decides (possible: reopen; reject: store only; new ticket: open a new
     * ticket with {@code newTicket}); any other ticket that is not {@code new} is set to
     * {@code open}; the queue's follow-up lock locks a reopened ticket to its owner.
     *
     * @param newTicket the fields for a new ticket, should the queue want one for this follow-up
     * @throws NoSuchTicket when it does not exist
     */
    MailArrival addMailFollowUp(long ticketId, InboundMail mail, InboundTicket newTicket);

    /**
     * Sends an auto response for a mail that arrived, as OTRS's SendAutoResponse does, for the
     * postmaster (no agent acts, so no permission is asked): unless the address had its daily
     * limit of auto responses ({@code ticket_loop_protection}; then a {@code LoopProtection}
     * history row and nothing is sent), a system article with the mail queued in the outbox
     * (marked {@code Auto-Submitted: auto-replied}, {@code X-Loop}) and a {@code SendAutoReply},
     * {@code SendAutoReject} or {@code SendAutoFollowUp} history row. Joins the caller's transaction.
     *
     * @throws NoSuchTicket when it does not exist
     */
    AutoResponseOutcome sendAutoResponse(long ticketId, AutoResponse response);

    /** Records on the ticket why no auto response was sent to a mail (a {@code Misc} history row, as OTRS writes). */
    void autoResponseSuppressed(long ticketId, String reason);

    /**
     * Opens a ticket that Jotrs raises by itself (see {@link NewSystemTicket}): no permission is
     * asked, the system user (id 1) is the creator. Joins the caller's transaction, so the caller
     * can record the ticket id in the same commit and never open two for one cause.
     *
     * @throws InvalidTicketRequest for a queue that does not exist or is invalid
     */
    CreatedTicket createSystemTicket(NewSystemTicket request);

    /**
     * Adds an internal note from the system user to a ticket (a recurrence, an automation's
     * remark); joins the caller's transaction.
     *
     * @param reopen whether a ticket in a closed or pending state goes back to "open" (a recurrence
     *     of what it was closed for), with its StateUpdate history row
     * @return the article id
     * @throws NoSuchTicket when it does not exist
     */
    long addSystemNote(long ticketId, String from, String subject, String body, boolean reopen);

    /** Of the given tickets, those now in a closed (or removed, merged) state. */
    Set<Long> closedAmong(Collection<Long> ticketIds);

    /**
     * Opens a ticket a customer entered in the customer portal, as OTRS's customer interface
     * does: the system user (1) is the author, the article is the customer's (sender type
     * customer, visible to them) on channel Internal with a {@code WebRequestCustomer} history
     * row. The portal has checked who the customer is and that they may use the queue. Joins the
     * caller's transaction.
     *
     * @throws InvalidTicketRequest for an unknown queue, priority, state or type
     * @throws org.jotrs.article.InvalidArticle for attachments the article store refuses
     */
    MailArrival createFromCustomer(InboundTicket ticket, InboundMail message);

    /**
     * Adds a customer's answer from the portal to their ticket, as {@link #addMailFollowUp} does for
     * mail (merged tickets followed, the queue's follow-up option on a closed ticket: reopen,
     * store only, or a new ticket), with OTRS's customer interface's channel and history type.
     * The portal has checked the ticket is the customer's. Joins the caller's transaction.
     *
     * @throws NoSuchTicket when it does not exist
     */
    MailArrival addCustomerFollowUp(long ticketId, InboundMail message, InboundTicket newTicket);

    /**
     * Closes a ticket for its customer (the portal's "close", where an administrator allows it):
     * the closed state, its {@code StateUpdate} history row by the system user, the change feed.
     * Nothing is written when it already has that state.
     *
     * @throws NoSuchTicket when it does not exist
     * @throws InvalidTicketRequest when the state is not a closed one
     */
    void closeByCustomer(long ticketId, String closedState);
}
