package org.jotrs.ticket;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.List;

import org.jotrs.article.NewAttachment;

/**
 * A change an agent makes to an existing ticket. Each names the permission OTRS asks for on the
 * ticket's queue group: {@code note} for notes and phone notes, {@code priority} for the priority,
 * {@code move_into} (on the target queue too) for moves, {@code owner} for locking and ownership,
 * {@code ro} for watching and linking, and {@code rw} for everything else (OTRS's compose,
 * forward, responsible, customer and merge screens ask for permissions that only {@code rw}
 * grants among the seven types). A ticket locked by another agent can only be changed by agents
 * holding {@code rw} on its queue (OTRS's lock semantics). The owner and the responsible agent
 * may always act on their ticket.
 */
public sealed interface TicketAction {

    /**
     * An internal note, or one the customer may see, with files attached to it.
     *
     * @param timeUnits time to account on the note, or null
     * @param htmlBody the note as written in the rich-text editor, or null for a plain-text note;
     *     when given it is sanitised and {@code body} is made from it
     */
    record AddNote(String subject, String body, boolean visibleForCustomer, BigDecimal timeUnits,
            List<NewAttachment> attachments, String htmlBody) implements TicketAction {

        public AddNote {
            attachments = attachments == null ? List.of() : List.copyOf(attachments);
        }

        /** A plain-text note with attachments and time. */
        public AddNote(String subject, String body, boolean visibleForCustomer, BigDecimal timeUnits,
                List<NewAttachment> attachments) {
            this(subject, body, visibleForCustomer, timeUnits, attachments, null);
        }

        /** A note without attachments or time. */
        public AddNote(String subject, String body, boolean visibleForCustomer) {
            this(subject, body, visibleForCustomer, null, List.of());
        }

        /** A note with time accounted and no attachments. */
        public AddNote(String subject, String body, boolean visibleForCustomer, BigDecimal timeUnits) {
            this(subject, body, visibleForCustomer, timeUnits, List.of());
        }

        /** A note with attachments and no time. */
        public AddNote(String subject, String body, boolean visibleForCustomer, List<NewAttachment> attachments) {
            this(subject, body, visibleForCustomer, null, attachments);
        }
    }

    /**
     * A phone call about the ticket, taken from the customer (inbound) or made to them (outbound).
     *
     * @param htmlBody what was said as written in the rich-text editor, or null for plain text;
     *     when given it is sanitised, {@code body} is made from it, and the article is stored as
     *     OTRS stores an HTML article
     */
    record AddPhoneCall(String subject, String body, boolean fromCustomer, BigDecimal timeUnits, String htmlBody)
            implements TicketAction {

        /** A call written as plain text. */
        public AddPhoneCall(String subject, String body, boolean fromCustomer, BigDecimal timeUnits) {
            this(subject, body, fromCustomer, timeUnits, null);
        }
    }

    /**
     * A mail from the ticket's queue address: a reply to an article (threaded with In-Reply-To and
     * References) or a forward. Stored as an email article and queued for sending in the same
     * transaction.
     *
     * @param articleId the article answered or forwarded, or null for a reply to the ticket
     * @param to comma-separated addresses
     * @param htmlBody the mail as written in the rich-text editor, or null for a plain-text mail;
     *     when given it is sanitised, {@code body} is made from it, and the mail is sent as
     *     {@code multipart/alternative}
     */
    record SendMail(MailKind kind, Long articleId, String to, String cc, String bcc, String subject, String body,
            BigDecimal timeUnits, List<NewAttachment> attachments, String htmlBody) implements TicketAction {

        public SendMail {
            attachments = attachments == null ? List.of() : List.copyOf(attachments);
        }

        /** A plain-text mail with attachments. */
        public SendMail(MailKind kind, Long articleId, String to, String cc, String bcc, String subject, String body,
                BigDecimal timeUnits, List<NewAttachment> attachments) {
            this(kind, articleId, to, cc, bcc, subject, body, timeUnits, attachments, null);
        }

        /** A mail without attachments. */
        public SendMail(MailKind kind, Long articleId, String to, String cc, String bcc, String subject, String body,
                BigDecimal timeUnits) {
            this(kind, articleId, to, cc, bcc, subject, body, timeUnits, List.of());
        }
    }

    /** Whether a mail answers or forwards. */
    enum MailKind {
        REPLY, FORWARD
    }

    /** A new state; pending states need {@code pendingUntil}. */
    record ChangeState(String state, LocalDateTime pendingUntil) implements TicketAction {
    }

    record ChangePriority(String priority) implements TicketAction {
    }

    record MoveToQueue(Integer queueId) implements TicketAction {
    }

    record ChangeTitle(String title) implements TicketAction {
    }

    /** A ticket type by name ({@code Unclassified}, {@code Incident}, ...). */
    record ChangeType(String type) implements TicketAction {
    }

    /** Another customer user; the customer id follows the user's company unless given. */
    record ChangeCustomer(String customerUser, String customerId) implements TicketAction {
    }

    /** Takes the ticket: locks it and makes the acting agent its owner, as OTRS does. */
    record Lock() implements TicketAction {
    }

    /** Releases the lock; the owner stays. */
    record Unlock() implements TicketAction {
    }

    /** Gives the ticket to another agent (who needs {@code owner} on the queue) and locks it for them. */
    record ChangeOwner(Integer ownerId) implements TicketAction {
    }

    /** Makes another agent responsible (who needs {@code owner} on the queue, like an owner). */
    record ChangeResponsible(Integer responsibleId) implements TicketAction {
    }

    /**
     * Merges this ticket into the target, OTRS's way: the articles move to the target, this
     * ticket gets a merge note and the state {@code merged}, both get a {@code Merged} history row,
     * and they are linked parent (target) to child.
     *
     * @param targetNumber the target's ticket number ({@code tn})
     */
    record MergeInto(String targetNumber) implements TicketAction {
    }

    /** Links this ticket to another; with {@code ParentChild} this ticket is the parent. */
    record LinkTo(String targetNumber, LinkType type) implements TicketAction {
    }

    /** Removes every link between this ticket and another. */
    record Unlink(Long otherTicketId) implements TicketAction {
    }

    /** OTRS's ticket link types. */
    enum LinkType {
        NORMAL("Normal"), PARENT_CHILD("ParentChild");

        private final String otrsName;

        LinkType(String otrsName) {
            this.otrsName = otrsName;
        }

        public String otrsName() {
            return otrsName;
        }
    }

    /** Subscribes the acting agent to the ticket (OTRS's watcher feature). */
    record Watch() implements TicketAction {
    }

    record Unwatch() implements TicketAction {
    }
}
