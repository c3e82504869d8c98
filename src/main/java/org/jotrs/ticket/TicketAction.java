package org.jotrs.ticket;

import java.time.LocalDateTime;
import java.util.List;

import org.jotrs.article.NewAttachment;

/**
 * A change an agent makes to an existing ticket. Each names the permission OTRS asks for on the
 * ticket's queue group: {@code note} for notes, {@code priority} for the priority,
 * {@code move_into} (on the target queue too) for moves, {@code rw} for states, {@code owner}
 * for locking and ownership. A ticket locked by another agent can only be changed by agents
 * holding {@code rw} on its queue (OTRS's lock semantics).
 */
public sealed interface TicketAction {

    /** An internal note, or one the customer may see, with files attached to it. */
    record AddNote(String subject, String body, boolean visibleForCustomer, List<NewAttachment> attachments)
            implements TicketAction {

        public AddNote {
            attachments = attachments == null ? List.of() : List.copyOf(attachments);
        }

        /** A note without attachments. */
        public AddNote(String subject, String body, boolean visibleForCustomer) {
            this(subject, body, visibleForCustomer, List.of());
        }
    }

    /** A new state; pending states need {@code pendingUntil}. */
    record ChangeState(String state, LocalDateTime pendingUntil) implements TicketAction {
    }

    record ChangePriority(String priority) implements TicketAction {
    }

    record MoveToQueue(Integer queueId) implements TicketAction {
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
}
