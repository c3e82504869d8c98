package org.jotrs.ticket.internal;

import static org.jotrs.platform.db.schema.Tables.QUEUE;
import static org.jotrs.platform.db.schema.Tables.TICKET;
import static org.jotrs.platform.db.schema.Tables.TICKET_LOCK_TYPE;
import static org.jotrs.platform.db.schema.Tables.TICKET_PRIORITY;
import static org.jotrs.platform.db.schema.Tables.TICKET_STATE;
import static org.jotrs.platform.db.schema.Tables.USERS;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.jooq.DSLContext;
import org.jooq.Field;
import org.jotrs.access.AccessService;
import org.jotrs.access.Permission;
import org.jotrs.access.PermissionDenied;
import org.jotrs.article.ArticleService;
import org.jotrs.article.Channel;
import org.jotrs.article.NewArticle;
import org.jotrs.article.SenderType;
import org.jotrs.platform.ChangeFeed;
import org.jotrs.queue.Queue;
import org.jotrs.queue.QueueService;
import org.jotrs.ticket.InvalidTicketRequest;
import org.jotrs.ticket.NoSuchTicket;
import org.jotrs.ticket.TicketAction;
import org.jotrs.ticket.TicketAction.AddNote;
import org.jotrs.ticket.TicketAction.ChangePriority;
import org.jotrs.ticket.TicketAction.ChangeState;
import org.jotrs.ticket.TicketAction.MoveToQueue;
import org.jotrs.ticket.ZoomOptions;
import org.jotrs.ticket.internal.TicketHistory.Snapshot;
import org.jotrs.ticket.internal.TicketLookups.Priority;
import org.jotrs.ticket.internal.TicketLookups.State;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Changes to existing tickets, with OTRS's permission per action and its history wording:
 * AddNote "%%Note", StateUpdate "%%Old%%New%%", PriorityUpdate "%%Old%%OldID%%New%%NewID",
 * Move "%%NewQueue%%NewID%%OldQueue%%OldID", SetPendingTime "%%yyyy-MM-dd HH:mm".
 */
@Component
class TicketUpdates {

    private static final DateTimeFormatter PENDING_HISTORY = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final DSLContext db;
    private final AccessService access;
    private final QueueService queues;
    private final ArticleService articles;
    private final TicketLookups lookups;
    private final TicketHistory history;
    private final ChangeFeed feed;
    private final Clock clock;

    TicketUpdates(DSLContext db, AccessService access, QueueService queues, ArticleService articles,
            TicketLookups lookups, TicketHistory history, ChangeFeed feed, Clock clock) {
        this.db = db;
        this.access = access;
        this.queues = queues;
        this.articles = articles;
        this.lookups = lookups;
        this.history = history;
        this.feed = feed;
        this.clock = clock;
    }

    /** The ticket as an action starts from, read with its row locked. */
    private record Current(Snapshot snapshot, int responsibleId, String queueName, int groupId, String stateName,
            String priorityName, boolean locked, String ownerLogin) {
    }

    @Transactional
    void apply(int actorId, long ticketId, TicketAction action) {
        Current current = lockAndRead(ticketId);
        switch (action) {
            case AddNote note -> addNote(actorId, current, note);
            case ChangeState change -> changeState(actorId, current, change);
            case ChangePriority change -> changePriority(actorId, current, change);
            case MoveToQueue move -> move(actorId, current, move);
            case TicketAction.Lock lock -> lock(actorId, current);
            case TicketAction.Unlock unlock -> unlock(actorId, current);
            case TicketAction.ChangeOwner change -> changeOwner(actorId, current, change);
        }
    }

    @Transactional(readOnly = true)
    ZoomOptions options(int actorId) {
        Set<Integer> groups = access.groupsWith(actorId, Permission.MOVE_INTO);
        List<Queue> targets = queues.validQueues().stream().filter(queue -> groups.contains(queue.groupId())).toList();
        List<String> states = lookups.states().stream()
                .filter(State::settableOnChange)
                .map(State::name).toList();
        return new ZoomOptions(states, lookups.priorities(), targets);
    }

    private void addNote(int actorId, Current current, AddNote note) {
        require(actorId, current, Permission.NOTE, "add notes");
        Map<String, String> errors = new java.util.LinkedHashMap<>();
        if (note.subject() == null || note.subject().isBlank()) {
            errors.put("subject", "Enter a subject.");
        }
        if (note.body() == null || note.body().isBlank()) {
            errors.put("body", "Enter the note.");
        }
        errors.putAll(articles.attachmentProblems(note.attachments()));
        if (!errors.isEmpty()) {
            throw new InvalidTicketRequest(errors);
        }
        long ticketId = current.snapshot().ticketId();
        long articleId = articles.add(new NewArticle(ticketId, SenderType.AGENT, Channel.INTERNAL,
                note.visibleForCustomer(), access.mailbox(actorId), null, note.subject().strip(), note.body(), actorId,
                note.attachments()));
        history.add(current.snapshot(), articleId, "AddNote", "%%Note", actorId);
        updateTicket(ticketId, actorId, Map.of());
        feed.append(ChangeFeed.ObjectType.ARTICLE, articleId, ticketId, "ArticleCreate", actorId);
    }

    private void changeState(int actorId, Current current, ChangeState change) {
        require(actorId, current, Permission.RW, "change the state");
        State state = Optional.ofNullable(change.state()).flatMap(lookups::state)
                .filter(State::settableOnChange)
                .orElseThrow(() -> new InvalidTicketRequest(Map.of("state", "Choose a state a ticket can be set to.")));
        int untilTime = 0;
        if (state.pending()) {
            if (change.pendingUntil() == null) {
                throw new InvalidTicketRequest(Map.of("pendingUntil", "A pending state needs the date and time to wait until."));
            }
            if (!change.pendingUntil().isAfter(LocalDateTime.now(clock))) {
                throw new InvalidTicketRequest(Map.of("pendingUntil", "The pending date must be in the future."));
            }
            untilTime = (int) change.pendingUntil().atZone(clock.getZone()).toEpochSecond();
        }
        long ticketId = current.snapshot().ticketId();
        updateTicket(ticketId, actorId, Map.of(TICKET.TICKET_STATE_ID, state.id(), TICKET.UNTIL_TIME, untilTime));
        Snapshot after = withState(current.snapshot(), state.id());
        if (state.id() != current.snapshot().stateId()) {
            history.add(after, null, "StateUpdate", "%%" + current.stateName() + "%%" + state.name() + "%%", actorId);
        }
        if (state.pending()) {
            history.add(after, null, "SetPendingTime", "%%" + PENDING_HISTORY.format(change.pendingUntil()), actorId);
        }
        feed.append(ChangeFeed.ObjectType.TICKET, ticketId, ticketId, "TicketStateUpdate", actorId);
    }

    private void changePriority(int actorId, Current current, ChangePriority change) {
        require(actorId, current, Permission.PRIORITY, "change the priority");
        Priority priority = Optional.ofNullable(change.priority()).flatMap(lookups::priority)
                .orElseThrow(() -> new InvalidTicketRequest(Map.of("priority", "Choose a valid priority.")));
        if (priority.id() == current.snapshot().priorityId()) {
            return;
        }
        long ticketId = current.snapshot().ticketId();
        updateTicket(ticketId, actorId, Map.of(TICKET.TICKET_PRIORITY_ID, priority.id()));
        Snapshot before = current.snapshot();
        Snapshot after = new Snapshot(before.ticketId(), before.typeId(), before.queueId(), before.ownerId(),
                priority.id(), before.stateId());
        history.add(after, null, "PriorityUpdate", "%%" + current.priorityName() + "%%" + before.priorityId()
                + "%%" + priority.name() + "%%" + priority.id(), actorId);
        feed.append(ChangeFeed.ObjectType.TICKET, ticketId, ticketId, "TicketPriorityUpdate", actorId);
    }

    private void move(int actorId, Current current, MoveToQueue move) {
        require(actorId, current, Permission.MOVE_INTO, "move tickets out of queue " + current.queueName());
        Queue target = Optional.ofNullable(move.queueId()).flatMap(queues::find).filter(Queue::valid)
                .orElseThrow(() -> new InvalidTicketRequest(Map.of("queue", "Choose a valid queue.")));
        access.require(actorId, target.groupId(), Permission.MOVE_INTO, "move tickets into queue " + target.name());
        if (target.id() == current.snapshot().queueId()) {
            return;
        }
        long ticketId = current.snapshot().ticketId();
        updateTicket(ticketId, actorId, Map.of(TICKET.QUEUE_ID, target.id()));
        Snapshot before = current.snapshot();
        Snapshot after = new Snapshot(before.ticketId(), before.typeId(), target.id(), before.ownerId(),
                before.priorityId(), before.stateId());
        history.add(after, null, "Move", "%%" + target.name() + "%%" + target.id() + "%%" + current.queueName()
                + "%%" + before.queueId(), actorId);
        feed.append(ChangeFeed.ObjectType.TICKET, ticketId, ticketId, "TicketQueueUpdate", actorId);
    }

    private void lock(int actorId, Current current) {
        require(actorId, current, Permission.OWNER, "take tickets");
        if (current.locked() && current.snapshot().ownerId() == actorId) {
            return;
        }
        setOwnerAndLock(actorId, current, actorId, "TicketLockUpdate");
    }

    private void unlock(int actorId, Current current) {
        require(actorId, current, Permission.OWNER, "release tickets");
        if (!current.locked()) {
            return;
        }
        long ticketId = current.snapshot().ticketId();
        updateTicket(ticketId, actorId, Map.of(TICKET.TICKET_LOCK_ID, lookups.lockId("unlock")));
        history.add(current.snapshot(), null, "Unlock", "%%unlock", actorId);
        feed.append(ChangeFeed.ObjectType.TICKET, ticketId, ticketId, "TicketLockUpdate", actorId);
    }

    private void changeOwner(int actorId, Current current, TicketAction.ChangeOwner change) {
        require(actorId, current, Permission.OWNER, "change the owner");
        Integer ownerId = change.ownerId();
        if (ownerId == null || !access.permissionsOn(ownerId, current.groupId()).contains(Permission.OWNER)) {
            throw new InvalidTicketRequest(Map.of("owner",
                    "Choose an agent who may own tickets in queue " + current.queueName() + "."));
        }
        setOwnerAndLock(actorId, current, ownerId, "TicketOwnerUpdate");
    }

    /** OTRS locks a ticket whenever it gets an owner, and writes Lock before OwnerUpdate. */
    private void setOwnerAndLock(int actorId, Current current, int ownerId, String feedKind) {
        long ticketId = current.snapshot().ticketId();
        String ownerLogin = db.select(USERS.LOGIN).from(USERS).where(USERS.ID.eq(ownerId))
                .and(USERS.VALID_ID.eq((short) 1)).fetchOptional(USERS.LOGIN)
                .orElseThrow(() -> new InvalidTicketRequest(Map.of("owner", "There is no valid agent " + ownerId + ".")));
        updateTicket(ticketId, actorId, Map.of(TICKET.TICKET_LOCK_ID, lookups.lockId("lock"), TICKET.USER_ID, ownerId));
        Snapshot before = current.snapshot();
        Snapshot after = new Snapshot(before.ticketId(), before.typeId(), before.queueId(), ownerId,
                before.priorityId(), before.stateId());
        if (!current.locked()) {
            history.add(after, null, "Lock", "%%lock", actorId);
        }
        if (before.ownerId() != ownerId) {
            history.add(after, null, "OwnerUpdate", "%%" + ownerLogin + "%%" + ownerId, actorId);
        }
        feed.append(ChangeFeed.ObjectType.TICKET, ticketId, ticketId, feedKind, actorId);
    }

    /**
     * OTRS's ticket permission check: the owner and the responsible agent may act on their ticket
     * (Ticket::Permission::OwnerCheck and ResponsibleCheck); everyone else needs the permission
     * on the queue's group. A ticket locked by another agent takes rw on the group as well.
     */
    private void require(int actorId, Current current, Permission permission, String what) {
        Snapshot ticket = current.snapshot();
        if (ticket.ownerId() == actorId || current.responsibleId() == actorId) {
            return;
        }
        access.require(actorId, current.groupId(), permission, what + " in queue " + current.queueName());
        if (current.locked() && !access.permissionsOn(actorId, current.groupId()).contains(Permission.RW)) {
            throw new PermissionDenied(Permission.RW,
                    "change a ticket locked by " + current.ownerLogin() + " (it is locked by its owner)");
        }
    }

    /** Reads the ticket and locks its row until the transaction ends (SELECT ... FOR UPDATE). */
    private Current lockAndRead(long ticketId) {
        db.select(TICKET.ID).from(TICKET).where(TICKET.ID.eq(ticketId)).forUpdate().fetchOptional()
                .orElseThrow(() -> new NoSuchTicket(ticketId));
        return db.select(TICKET.ID, TICKET.TYPE_ID, TICKET.QUEUE_ID, TICKET.USER_ID, TICKET.TICKET_PRIORITY_ID,
                        TICKET.TICKET_STATE_ID, TICKET.RESPONSIBLE_USER_ID, QUEUE.NAME, QUEUE.GROUP_ID, TICKET_STATE.NAME,
                        TICKET_PRIORITY.NAME, TICKET_LOCK_TYPE.NAME, USERS.LOGIN)
                .from(TICKET)
                .join(TICKET_LOCK_TYPE).on(TICKET_LOCK_TYPE.ID.eq(TICKET.TICKET_LOCK_ID))
                .leftJoin(USERS).on(USERS.ID.eq(TICKET.USER_ID))
                .join(QUEUE).on(QUEUE.ID.eq(TICKET.QUEUE_ID))
                .join(TICKET_STATE).on(TICKET_STATE.ID.eq(TICKET.TICKET_STATE_ID))
                .join(TICKET_PRIORITY).on(TICKET_PRIORITY.ID.eq(TICKET.TICKET_PRIORITY_ID))
                .where(TICKET.ID.eq(ticketId))
                .fetchSingle(r -> new Current(new Snapshot(r.value1(), r.value2() == null ? 0 : r.value2(), r.value3(),
                        r.value4(), r.value5(), r.value6()), r.value7(), r.value8(), r.value9(), r.value10(), r.value11(),
                        !"unlock".equals(r.value12()), r.value13()));
    }

    /** Sets the values and stamps the change, as every OTRS ticket update does. */
    private void updateTicket(long ticketId, int actorId, Map<? extends Field<?>, ?> values) {
        Map<Field<?>, Object> all = new HashMap<>(values);
        all.put(TICKET.CHANGE_TIME, LocalDateTime.now(clock));
        all.put(TICKET.CHANGE_BY, actorId);
        db.update(TICKET).set(all).where(TICKET.ID.eq(ticketId)).execute();
    }

    private static Snapshot withState(Snapshot before, short stateId) {
        return new Snapshot(before.ticketId(), before.typeId(), before.queueId(), before.ownerId(),
                before.priorityId(), stateId);
    }
}
