package org.jotrs.ticket.internal;

import static org.jotrs.platform.db.schema.Tables.TICKET;
import static org.jotrs.platform.db.schema.Tables.TICKET_HISTORY;
import static org.jotrs.platform.db.schema.Tables.TICKET_HISTORY_TYPE;
import static org.jotrs.platform.db.schema.Tables.TICKET_PRIORITY;
import static org.jotrs.platform.db.schema.Tables.TICKET_STATE;
import static org.jotrs.platform.db.schema.Tables.TICKET_TYPE;
import static org.jotrs.platform.db.schema.Tables.USERS;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiPredicate;

import org.jooq.DSLContext;
import org.jotrs.platform.Messages;
import org.jotrs.ticket.NoSuchTicket;
import org.jotrs.ticket.TicketAction;
import org.jotrs.ticket.TicketChangedMeanwhile;
import org.jotrs.ticket.TicketFieldsEdit;
import org.jotrs.ticket.TicketFieldsEdit.Edit;
import org.jotrs.ticket.internal.TicketLookups.State;
import org.jotrs.ticket.internal.TicketRows.Current;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Saves the zoom's field panel: all fields in one transaction, each through its own
 * {@link TicketAction} (so each keeps its permission, validation, OTRS history row and feed row),
 * after an optimistic check per field against what the agent saw when the form opened.
 *
 * <p>The check is per field rather than on the ticket's {@code change_time}: a colleague who
 * changed the priority does not block an agent who only changes the title, but an agent who
 * changes the priority too would overwrite that change and is refused. All checks run on the
 * locked row before the first write, so a refusal writes nothing.
 */
@Component
class TicketFieldEditing {

    /** The OTRS history type that records a change of each field, to name who changed it. */
    private static final Map<String, String> HISTORY_OF_FIELD = Map.of("title", "TitleUpdate", "type", "TypeUpdate",
            "customerUser", "CustomerUpdate", "customerId", "CustomerUpdate", "priority", "PriorityUpdate", "state",
            "StateUpdate", "pendingUntil", "SetPendingTime", "queueId", "Move", "ownerId", "OwnerUpdate",
            "responsibleId", "ResponsibleUpdate");

    private final DSLContext db;
    private final TicketRows rows;
    private final TicketLookups lookups;
    private final TicketUpdates updates;
    private final TransactionTemplate transactions;

    TicketFieldEditing(DSLContext db, TicketRows rows, TicketLookups lookups, TicketUpdates updates,
            TransactionTemplate transactions) {
        this.db = db;
        this.rows = rows;
        this.lookups = lookups;
        this.updates = updates;
        this.transactions = transactions;
    }

    /** The values as stored now, in the edit's terms. */
    private record Stored(String title, String type, String customerUser, String customerId, String priority,
            String state, LocalDateTime pendingUntil, int queueId, int ownerId, int responsibleId, Integer changedBy) {
    }

    void change(int actorId, long ticketId, TicketFieldsEdit edit) {
        // As in TicketUpdates: a ticket the agent may not read is answered like one that does not exist.
        if (!rows.mayRead(actorId, rows.read(ticketId))) {
            throw new NoSuchTicket(ticketId);
        }
        transactions.executeWithoutResult(status -> {
            // The row lock comes first, so every read below sees the latest committed ticket
            // (MariaDB's REPEATABLE READ takes its snapshot at the first plain read).
            Current current = rows.lockAndRead(ticketId);
            if (!rows.mayRead(actorId, current)) {
                throw new NoSuchTicket(ticketId);
            }
            Stored now = stored(ticketId);
            List<TicketAction> actions = actions(edit, now, ticketId);
            for (TicketAction action : actions) {
                updates.apply(actorId, ticketId, action);
            }
        });
    }

    private List<TicketAction> actions(TicketFieldsEdit edit, Stored now, long ticketId) {
        Map<String, Boolean> wants = new LinkedHashMap<>();
        Map<String, String> conflicts = new LinkedHashMap<>();
        check("title", edit.title(), now.title(), TicketFieldEditing::sameText, wants, conflicts);
        check("type", edit.type(), now.type(), TicketFieldEditing::sameText, wants, conflicts);
        check("customerUser", edit.customerUser(), now.customerUser(), (a, b) -> blank(a).equalsIgnoreCase(blank(b)),
                wants, conflicts);
        check("customerId", edit.customerId(), now.customerId(), TicketFieldEditing::sameText, wants, conflicts);
        check("priority", edit.priority(), now.priority(), TicketFieldEditing::sameText, wants, conflicts);
        check("state", edit.state(), now.state(), TicketFieldEditing::sameText, wants, conflicts);
        String wantedState = wants.containsKey("state") ? edit.state().wanted() : now.state();
        boolean pending = wantedState != null && lookups.state(wantedState).map(State::pending).orElse(false);
        if (pending) {
            check("pendingUntil", edit.pendingUntil(), now.pendingUntil(), TicketFieldEditing::sameMinute, wants,
                    conflicts);
        }
        check("queueId", edit.queueId(), now.queueId(), Objects::equals, wants, conflicts);
        check("ownerId", edit.ownerId(), now.ownerId(), Objects::equals, wants, conflicts);
        check("responsibleId", edit.responsibleId(), now.responsibleId(), Objects::equals, wants, conflicts);
        if (!conflicts.isEmpty()) {
            Map<String, String> names = new LinkedHashMap<>();
            Map<String, String> errors = new LinkedHashMap<>();
            conflicts.keySet().forEach(field -> {
                String who = whoChanged(ticketId, field, now.changedBy());
                names.put(field, who);
                errors.put(field, Messages.t("ticket.fields.changed-meanwhile", who));
            });
            throw new TicketChangedMeanwhile(errors, names);
        }
        List<TicketAction> actions = new ArrayList<>();
        if (wants.containsKey("title")) {
            actions.add(new TicketAction.ChangeTitle(edit.title().wanted()));
        }
        if (wants.containsKey("type")) {
            actions.add(new TicketAction.ChangeType(edit.type().wanted()));
        }
        if (wants.containsKey("customerUser") || wants.containsKey("customerId")) {
            String user = wants.containsKey("customerUser") ? edit.customerUser().wanted() : now.customerUser();
            // A new customer user brings their company unless the agent named another one.
            String company = wants.containsKey("customerId") ? edit.customerId().wanted() : null;
            actions.add(new TicketAction.ChangeCustomer(user, company));
        }
        if (wants.containsKey("priority")) {
            actions.add(new TicketAction.ChangePriority(edit.priority().wanted()));
        }
        if (wants.containsKey("state") || wants.containsKey("pendingUntil")) {
            LocalDateTime until = edit.pendingUntil() == null ? now.pendingUntil() : edit.pendingUntil().wanted();
            actions.add(new TicketAction.ChangeState(wantedState, until));
        }
        // The move before owner and responsible: they must be allowed to own tickets in the new queue.
        if (wants.containsKey("queueId")) {
            actions.add(new TicketAction.MoveToQueue(edit.queueId().wanted()));
        }
        if (wants.containsKey("ownerId")) {
            actions.add(new TicketAction.ChangeOwner(edit.ownerId().wanted()));
        }
        if (wants.containsKey("responsibleId")) {
            actions.add(new TicketAction.ChangeResponsible(edit.responsibleId().wanted()));
        }
        return actions;
    }

    /**
     * Decides one field: untouched in the form, or already as wanted, means nothing to do; changed
     * in the form from a value that is no longer stored means someone else changed it meanwhile.
     */
    private static <T> void check(String field, Edit<T> edit, T stored, BiPredicate<T, T> same,
            Map<String, Boolean> wants, Map<String, String> conflicts) {
        if (edit == null || same.test(edit.seen(), edit.wanted()) || same.test(edit.wanted(), stored)) {
            return;
        }
        if (!same.test(edit.seen(), stored)) {
            conflicts.put(field, field);
            return;
        }
        wants.put(field, true);
    }

    private static boolean sameText(String a, String b) {
        return blank(a).equals(blank(b));
    }

    private static String blank(String value) {
        return value == null ? "" : value.strip();
    }

    private static boolean sameMinute(LocalDateTime a, LocalDateTime b) {
        if (a == null || b == null) {
            return a == b;
        }
        return a.truncatedTo(ChronoUnit.MINUTES).equals(b.truncatedTo(ChronoUnit.MINUTES));
    }

    private Stored stored(long ticketId) {
        return db.select(TICKET.TITLE, TICKET_TYPE.NAME, TICKET.CUSTOMER_USER_ID, TICKET.CUSTOMER_ID,
                        TICKET_PRIORITY.NAME, TICKET_STATE.NAME, TICKET.UNTIL_TIME, TICKET.QUEUE_ID, TICKET.USER_ID,
                        TICKET.RESPONSIBLE_USER_ID, TICKET.CHANGE_BY)
                .from(TICKET)
                .join(TICKET_STATE).on(TICKET_STATE.ID.eq(TICKET.TICKET_STATE_ID))
                .join(TICKET_PRIORITY).on(TICKET_PRIORITY.ID.eq(TICKET.TICKET_PRIORITY_ID))
                .leftJoin(TICKET_TYPE).on(TICKET_TYPE.ID.eq(TICKET.TYPE_ID))
                .where(TICKET.ID.eq(ticketId))
                .fetchOptional(r -> new Stored(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(), r.value6(),
                        r.value7() == null || r.value7() == 0 ? null
                                : LocalDateTime.ofInstant(Instant.ofEpochSecond(r.value7()), ZoneId.systemDefault()),
                        r.value8(), r.value9(), r.value10() == null ? 0 : r.value10(), r.value11()))
                .orElseThrow(() -> new NoSuchTicket(ticketId));
    }

    /** The agent who last changed the field (its latest history row), else whoever changed the ticket last. */
    private String whoChanged(long ticketId, String field, Integer lastChangedBy) {
        Integer agentId = db.select(TICKET_HISTORY.CREATE_BY)
                .from(TICKET_HISTORY)
                .join(TICKET_HISTORY_TYPE).on(TICKET_HISTORY_TYPE.ID.eq(TICKET_HISTORY.HISTORY_TYPE_ID))
                .where(TICKET_HISTORY.TICKET_ID.eq(ticketId))
                .and(TICKET_HISTORY_TYPE.NAME.eq(HISTORY_OF_FIELD.get(field)))
                .orderBy(TICKET_HISTORY.ID.desc())
                .limit(1)
                .fetchOptional(TICKET_HISTORY.CREATE_BY)
                .orElse(lastChangedBy);
        if (agentId == null) {
            return "?";
        }
        return db.select(USERS.FIRST_NAME, USERS.LAST_NAME, USERS.LOGIN).from(USERS).where(USERS.ID.eq(agentId))
                .fetchOptional(r -> {
                    String name = (Objects.toString(r.value1(), "") + " " + Objects.toString(r.value2(), "")).strip();
                    return name.isEmpty() ? r.value3() : name;
                })
                .orElse("?");
    }
}
