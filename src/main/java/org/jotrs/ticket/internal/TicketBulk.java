package org.jotrs.ticket.internal;

import static org.jotrs.platform.Messages.t;
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
import org.jotrs.platform.InvalidInput;
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
 * could take is refused first, so a typo never half-applies. As in OTRS (RequiredLock, a runtime
 * setting here), each ticket is first locked for the agent, and one locked by another agent is
 * left alone.
 */
@Component
class TicketBulk {

    static final int MAX_TICKETS = 500;

    private final DSLContext db;
    private final TicketUpdates updates;
    private final TicketLookups lookups;
    private final QueueService queues;
    private final Clock clock;

    private final TicketReading reading;
    private final TicketLinking linking;

    private final TicketRuntimeSettings settings;

    TicketBulk(DSLContext db, TicketUpdates updates, TicketLookups lookups, QueueService queues, Clock clock,
            TicketReading reading, TicketLinking linking, TicketRuntimeSettings settings) {
        this.settings = settings;
        this.reading = reading;
        this.linking = linking;
        this.db = db;
        this.updates = updates;
        this.lookups = lookups;
        this.queues = queues;
        this.clock = clock;
    }

    BulkResult apply(int actorId, List<Long> ticketIds, List<TicketAction> actions) {
        List<Long> ids = new ArrayList<>(new LinkedHashSet<>(ticketIds == null ? List.<Long>of() : ticketIds));
        if (ids.isEmpty()) {
            throw new InvalidTicketRequest(Map.of("tickets", t("ticket.error.bulk-none")));
        }
        if (ids.size() > MAX_TICKETS) {
            throw new InvalidTicketRequest(Map.of("tickets", t("ticket.error.bulk-too-many", String.valueOf(MAX_TICKETS))));
        }
        if (actions.isEmpty()) {
            throw new InvalidTicketRequest(Map.of("action", t("ticket.error.bulk-no-action")));
        }
        actions.forEach(action -> validate(actorId, action));
        Long mergeTarget = actions.stream().filter(TicketAction.MergeInto.class::isInstance)
                .map(a -> ((TicketAction.MergeInto) a).targetNumber())
                .findFirst().map(number -> linking.idByNumber(actorId, number, "targetNumber")).orElse(null);
        // A ticket the agent may not read is reported exactly like one that does not exist.
        java.util.Set<Long> readable = reading.readableAmong(actorId, ids);
        List<Outcome> outcomes = new ArrayList<>();
        for (long ticketId : ids) {
            String number = readable.contains(ticketId)
                    ? db.select(TICKET.TN).from(TICKET).where(TICKET.ID.eq(ticketId)).fetchOne(TICKET.TN) : null;
            if (number == null) {
                outcomes.add(new Outcome(ticketId, null, t("ticket.error.bulk-missing")));
                continue;
            }
            try {
                if (settings.bulkRequiresLock()) {
                    updates.takeForBulk(actorId, ticketId);
                }
                for (TicketAction action : actions) {
                    if (action instanceof TicketAction.MergeInto && mergeTarget == ticketId) {
                        continue; // the target stays; the others merge into it
                    }
                    updates.apply(actorId, ticketId, action, true);
                }
                outcomes.add(new Outcome(ticketId, number, null));
            } catch (NoSuchTicket gone) {
                outcomes.add(new Outcome(ticketId, null, t("ticket.error.bulk-missing")));
            } catch (PermissionDenied | InvalidInput refused) {
                String message = refused instanceof InvalidInput invalid
                        ? String.join(" ", invalid.errors().values()) : refused.getMessage();
                outcomes.add(new Outcome(ticketId, number, message));
            }
        }
        return new BulkResult(outcomes);
    }

    /** The checks that do not depend on the ticket, made before any ticket changes. */
    private void validate(int actorId, TicketAction action) {
        switch (action) {
            case TicketAction.ChangeState change -> {
                State state = Optional.ofNullable(change.state()).flatMap(lookups::state).filter(State::settableOnChange)
                        .orElseThrow(() -> new InvalidTicketRequest(Map.of("state", t("ticket.error.choose-state"))));
                if (state.pending() && (change.pendingUntil() == null
                        || !change.pendingUntil().isAfter(LocalDateTime.now(clock)))) {
                    throw new InvalidTicketRequest(Map.of("pendingUntil", t("ticket.error.bulk-pending")));
                }
                if (state.pending()) {
                    org.jotrs.platform.ColumnLimits.epochSeconds("pendingUntil", change.pendingUntil(), clock.getZone());
                }
            }
            case TicketAction.ChangePriority change -> Optional.ofNullable(change.priority()).flatMap(lookups::priority)
                    .orElseThrow(() -> new InvalidTicketRequest(Map.of("priority", t("ticket.error.choose-priority"))));
            case TicketAction.MoveToQueue move -> Optional.ofNullable(move.queueId()).flatMap(queues::find)
                    .filter(Queue::valid)
                    .orElseThrow(() -> new InvalidTicketRequest(Map.of("queue", t("ticket.error.choose-queue"))));
            case TicketAction.AddNote note -> {
                if (note.subject() == null || note.subject().isBlank() || note.body() == null || note.body().isBlank()) {
                    throw new InvalidTicketRequest(Map.of("body", t("ticket.error.bulk-note")));
                }
            }
            case TicketAction.MergeInto merge -> linking.idByNumber(actorId, merge.targetNumber(), "targetNumber");
            default -> {
            }
        }
    }
}
