package org.jotrs.ticket.internal;

import static org.jotrs.platform.db.schema.Tables.TICKET;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jooq.DSLContext;
import org.jotrs.access.PermissionDenied;
import org.jotrs.queue.Queue;
import org.jotrs.queue.QueueService;
import org.jotrs.ticket.BulkResult;
import org.jotrs.ticket.BulkResult.Outcome;
import org.jotrs.ticket.InvalidTicketRequest;
import org.jotrs.ticket.NoSuchTicket;
import org.jotrs.ticket.TicketAction;
import org.jotrs.ticket.internal.TicketLookups.State;
import org.springframework.stereotype.Component;

/**
 * OTRS's bulk screen: the same actions on each selected ticket, one transaction per ticket, so a
 * ticket the agent may not change is reported and the rest go through. Input that no ticket
 * could take is refused first, so a typo never half-applies.
 */
@Component
class TicketBulk {

    static final int MAX_TICKETS = 500;

    private final DSLContext db;
    private final TicketUpdates updates;
    private final TicketLookups lookups;
    private final QueueService queues;
    private final Clock clock;

    TicketBulk(DSLContext db, TicketUpdates updates, TicketLookups lookups, QueueService queues, Clock clock) {
        this.db = db;
        this.updates = updates;
        this.lookups = lookups;
        this.queues = queues;
        this.clock = clock;
    }

    BulkResult apply(int actorId, List<Long> ticketIds, List<TicketAction> actions) {
        List<Long> ids = new ArrayList<>(new LinkedHashSet<>(ticketIds == null ? List.<Long>of() : ticketIds));
        if (ids.isEmpty()) {
            throw new InvalidTicketRequest(Map.of("tickets", "Select at least one ticket."));
        }
        if (ids.size() > MAX_TICKETS) {
            throw new InvalidTicketRequest(Map.of("tickets", "Select at most " + MAX_TICKETS + " tickets at a time."));
        }
        if (actions.isEmpty()) {
            throw new InvalidTicketRequest(Map.of("action", "Choose what to change."));
        }
        actions.forEach(this::validate);
        Long mergeTarget = actions.stream().filter(TicketAction.MergeInto.class::isInstance)
                .map(a -> ((TicketAction.MergeInto) a).targetNumber())
                .findFirst().map(this::ticketId).orElse(null);
        List<Outcome> outcomes = new ArrayList<>();
        for (long ticketId : ids) {
            String number = db.select(TICKET.TN).from(TICKET).where(TICKET.ID.eq(ticketId)).fetchOne(TICKET.TN);
            if (number == null) {
                outcomes.add(new Outcome(ticketId, null, "It does not exist."));
                continue;
            }
            try {
                for (TicketAction action : actions) {
                    if (action instanceof TicketAction.MergeInto && mergeTarget == ticketId) {
                        continue; // the target stays; the others merge into it
                    }
                    updates.apply(actorId, ticketId, action);
                }
                outcomes.add(new Outcome(ticketId, number, null));
            } catch (PermissionDenied | InvalidTicketRequest | NoSuchTicket refused) {
                String message = refused instanceof InvalidTicketRequest invalid
                        ? String.join(" ", invalid.errors().values()) : refused.getMessage();
                outcomes.add(new Outcome(ticketId, number, message));
            }
        }
        return new BulkResult(outcomes);
    }

    /** The checks that do not depend on the ticket, made before any ticket changes. */
    private void validate(TicketAction action) {
        switch (action) {
            case TicketAction.ChangeState change -> {
                State state = Optional.ofNullable(change.state()).flatMap(lookups::state).filter(State::settableOnChange)
                        .orElseThrow(() -> new InvalidTicketRequest(Map.of("state", "Choose a state a ticket can be set to.")));
                if (state.pending() && (change.pendingUntil() == null
                        || !change.pendingUntil().isAfter(LocalDateTime.now(clock)))) {
                    throw new InvalidTicketRequest(Map.of("pendingUntil",
                            "A pending state needs a date and time in the future."));
                }
            }
            case TicketAction.ChangePriority change -> Optional.ofNullable(change.priority()).flatMap(lookups::priority)
                    .orElseThrow(() -> new InvalidTicketRequest(Map.of("priority", "Choose a valid priority.")));
            case TicketAction.MoveToQueue move -> Optional.ofNullable(move.queueId()).flatMap(queues::find)
                    .filter(Queue::valid)
                    .orElseThrow(() -> new InvalidTicketRequest(Map.of("queue", "Choose a valid queue.")));
            case TicketAction.AddNote note -> {
                if (note.subject() == null || note.subject().isBlank() || note.body() == null || note.body().isBlank()) {
                    throw new InvalidTicketRequest(Map.of("body", "A note needs a subject and a text."));
                }
            }
            case TicketAction.MergeInto merge -> ticketId(merge.targetNumber());
            default -> {
            }
        }
    }

    private long ticketId(String number) {
        String tn = number == null ? "" : number.strip();
        Long id = db.select(TICKET.ID).from(TICKET).where(TICKET.TN.eq(tn)).fetchOne(TICKET.ID);
        if (id == null) {
            throw new InvalidTicketRequest(Map.of("targetNumber", tn.isEmpty() ? "Enter the ticket number to merge into."
                    : "There is no ticket with the number " + tn + "."));
        }
        return id;
    }
}
