package org.jotrs.ticket.internal;

import org.jotrs.platform.ColumnLimits;

import static org.jotrs.platform.db.schema.Tables.TICKET;
import static org.jotrs.platform.db.schema.Tables.TICKET_TYPE;
import static org.jotrs.platform.db.schema.Tables.TICKET_WATCHER;
import static org.jotrs.platform.db.schema.Tables.USERS;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jooq.DSLContext;
import org.jotrs.access.AccessService;
import org.jotrs.access.Permission;
import org.jotrs.article.ArticleService;
import org.jotrs.platform.Messages;
import org.jotrs.article.Channel;
import org.jotrs.article.NewArticle;
import org.jotrs.article.WrittenHtml;
import org.jotrs.article.SenderType;
import org.jotrs.customer.CustomerDirectory;
import org.jotrs.customer.CustomerUser;
import org.jotrs.platform.ChangeFeed;
import org.jotrs.platform.FeedKind;
import org.jotrs.queue.Queue;
import org.jotrs.queue.QueueService;
import org.jotrs.ticket.InvalidTicketRequest;
import org.jotrs.ticket.NoSuchTicket;
import org.jotrs.ticket.TicketAction;
import org.jotrs.ticket.TicketAction.AddNote;
import org.jotrs.ticket.TicketAction.AddPhoneCall;
import org.jotrs.ticket.TicketAction.ChangeCustomer;
import org.jotrs.ticket.TicketAction.ChangePriority;
import org.jotrs.ticket.TicketAction.ChangeResponsible;
import org.jotrs.ticket.TicketAction.ChangeState;
import org.jotrs.ticket.TicketAction.ChangeTitle;
import org.jotrs.ticket.TicketAction.ChangeType;
import org.jotrs.ticket.TicketAction.MoveToQueue;
import org.jotrs.ticket.internal.TicketHistory.Snapshot;
import org.jotrs.ticket.internal.TicketLookups.Priority;
import org.jotrs.ticket.internal.TicketLookups.State;
import org.jotrs.ticket.internal.TicketRows.Current;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Changes to existing tickets, with OTRS's permission per action and its history wording:
 * AddNote "%%Note", StateUpdate "%%Old%%New%%", PriorityUpdate "%%Old%%OldID%%New%%NewID",
 * Move "%%NewQueue%%NewID%%OldQueue%%OldID", SetPendingTime "%%yyyy-MM-dd HH:mm",
 * TypeUpdate "%%New%%NewID%%Old%%OldID", ResponsibleUpdate "%%login%%id", TitleUpdate
 * "%%Old%%New", Subscribe "%%First Last (login)". Merging, links and mail have their own classes.
 */
@Component
class TicketUpdates {

    private static final DateTimeFormatter PENDING_HISTORY = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    /** OTRS's SetPendingTime name for "no pending time" (its year, month, day, hour, minute as %02d of 0). */
    static final String NO_PENDING_TIME = "%%00-00-00 00:00";

    private final DSLContext db;
    private final AccessService access;
    private final QueueService queues;
    private final ArticleService articles;
    private final CustomerDirectory customers;
    private final TicketRows rows;
    private final TicketLookups lookups;
    private final TicketHistory history;
    private final TimeAccounting timeAccounting;
    private final TicketMerging merging;
    private final TicketLinking linking;
    private final TicketMailing mailing;
    private final ChangeFeed feed;
    private final Clock clock;
    private final TransactionTemplate transactions;
    private final ArticleArrival arrival;

    TicketUpdates(DSLContext db, AccessService access, QueueService queues, ArticleService articles,
            CustomerDirectory customers, TicketRows rows, TicketLookups lookups, TicketHistory history,
            TimeAccounting timeAccounting, TicketMerging merging, TicketLinking linking, TicketMailing mailing,
            ChangeFeed feed, Clock clock, TransactionTemplate transactions, ArticleArrival arrival) {
        this.transactions = transactions;
        this.arrival = arrival;
        this.db = db;
        this.access = access;
        this.queues = queues;
        this.articles = articles;
        this.customers = customers;
        this.rows = rows;
        this.lookups = lookups;
        this.history = history;
        this.timeAccounting = timeAccounting;
        this.merging = merging;
        this.linking = linking;
        this.mailing = mailing;
        this.feed = feed;
        this.clock = clock;
    }

    /**
     * Checks the action's permission on the ticket as it is now, then locks the ticket row (and,
     * for merges and links, the other ticket's row too, always the lower id first, so two agents
     * linking or merging A and B in opposite directions cannot deadlock), and then checks and
     * applies the action on the locked rows. Checking before locking means that an agent without
     * the right can never hold a lock on a ticket it may not see.
     *
     * <p>The checks before the lock run before the change's transaction begins: on MariaDB/MySQL
     * (REPEATABLE READ) a plain read inside the transaction would fix its snapshot before the lock,
     * and the change would then work on what the ticket was before a concurrent change committed.
     */
    void apply(int actorId, long ticketId, TicketAction action) {
        apply(actorId, ticketId, action, false);
    }

    /**
     * As {@link #apply(int, long, TicketAction)}; {@code fromBulk} marks a change made on the bulk
     * screen, whose notes OTRS records as {@code AddNote "%%Bulk"}.
     */
    void apply(int actorId, long ticketId, TicketAction action, boolean fromBulk) {
        Need need = needOf(action);
        rows.require(actorId, rows.read(ticketId), need.permission(), need.action());
        Long otherId = switch (action) {
            case TicketAction.MergeInto merge -> linking.idByNumber(actorId, merge.targetNumber(), "targetNumber");
            case TicketAction.LinkTo link -> linking.idByNumber(actorId, link.targetNumber(), "targetNumber");
            case TicketAction.Unlink unlink -> readableId(actorId, unlink.otherTicketId());
            default -> null;
        };
        if (otherId != null && otherId == ticketId) {
            String field = action instanceof TicketAction.Unlink ? "otherTicketId" : "targetNumber";
            throw new InvalidTicketRequest(Map.of(field, action instanceof TicketAction.MergeInto
                    ? Messages.t("ticket.error.merge-itself") : Messages.t("ticket.error.link-itself")));
        }
        transactions.executeWithoutResult(status -> applyLocked(actorId, ticketId, otherId, action, fromBulk));
    }

    /**
     * OTRS's bulk screen with {@code RequiredLock} (its default): before changing a ticket it locks
     * it for the agent and makes them its owner (TicketLockSet, TicketOwnerSet: Lock, the unlock
     * timeout reset, OwnerUpdate when the owner changes); a ticket another agent has locked is
     * left alone ("Ticket is locked by another agent and will be ignored!").
     */
    void takeForBulk(int actorId, long ticketId) {
        rows.require(actorId, rows.read(ticketId), Permission.OWNER, "permission.action.take-tickets");
        transactions.executeWithoutResult(status -> {
            Current current = rows.lockAndRead(ticketId);
            if (current.locked() && current.snapshot().ownerId() != actorId) {
                throw new InvalidTicketRequest(Map.of("lock", Messages.t("ticket.error.bulk-locked", current.ownerLogin())));
            }
            lock(actorId, current);
        });
    }

    private void applyLocked(int actorId, long ticketId, Long otherId, TicketAction action, boolean fromBulk) {
        Current current;
        Current other = null;
        if (otherId == null) {
            current = rows.lockAndRead(ticketId);
        } else if (ticketId < otherId) {
            current = rows.lockAndRead(ticketId);
            other = rows.lockAndRead(otherId);
        } else {
            other = rows.lockAndRead(otherId);
            current = rows.lockAndRead(ticketId);
        }
        switch (action) {
            case AddNote note -> addNote(actorId, current, note, fromBulk);
            case AddPhoneCall call -> addPhoneCall(actorId, current, call);
            case TicketAction.SendMail mail -> mailing.send(actorId, current, mail);
            case ChangeState change -> changeState(actorId, current, change);
            case ChangePriority change -> changePriority(actorId, current, change);
            case MoveToQueue move -> move(actorId, current, move);
            case ChangeTitle change -> changeTitle(actorId, current, change);
            case ChangeType change -> changeType(actorId, current, change);
            case ChangeCustomer change -> changeCustomer(actorId, current, change);
            case TicketAction.Lock lock -> lock(actorId, current);
            case TicketAction.Unlock unlock -> unlock(actorId, current);
            case TicketAction.ChangeOwner change -> changeOwner(actorId, current, change);
            case ChangeResponsible change -> changeResponsible(actorId, current, change);
            case TicketAction.MergeInto merge -> merging.merge(actorId, current, other);
            case TicketAction.LinkTo link -> linking.link(actorId, current, other, link);
            case TicketAction.Unlink unlink -> linking.unlink(actorId, current, other);
            case TicketAction.Watch watch -> watch(actorId, current, true);
            case TicketAction.Unwatch unwatch -> watch(actorId, current, false);
        }
    }

    /** What an action needs on its ticket, and the bundle key of its words in the refusal (see PermissionDenied). */
    private record Need(Permission permission, String action) {
    }

    /** The permission each action takes on its ticket (checked again by the action once the row is locked). */
    private static Need needOf(TicketAction action) {
        return switch (action) {
            case AddNote note -> new Need(Permission.NOTE, "permission.action.add-notes");
            case AddPhoneCall call -> new Need(Permission.NOTE, "permission.action.add-phone-calls");
            case ChangePriority change -> new Need(Permission.PRIORITY, "permission.action.change-priority");
            case MoveToQueue move -> new Need(Permission.MOVE_INTO, "permission.action.move-out-of-this-queue");
            case TicketAction.Lock lock -> new Need(Permission.OWNER, "permission.action.take-tickets");
            case TicketAction.Unlock unlock -> new Need(Permission.OWNER, "permission.action.release-tickets");
            case TicketAction.ChangeOwner change -> new Need(Permission.OWNER, "permission.action.change-owner");
            case TicketAction.LinkTo link -> new Need(Permission.RO, "permission.action.link-tickets");
            case TicketAction.Unlink unlink -> new Need(Permission.RO, "permission.action.remove-links");
            case TicketAction.Watch watch -> new Need(Permission.RO, "permission.action.watch-tickets");
            case TicketAction.Unwatch unwatch -> new Need(Permission.RO, "permission.action.watch-tickets");
            case TicketAction.SendMail mail -> new Need(Permission.RW,
                    mail.kind() == TicketAction.MailKind.FORWARD ? "permission.action.forward-tickets" : "permission.action.answer-tickets");
            case ChangeState change -> new Need(Permission.RW, "permission.action.change-state");
            case ChangeTitle change -> new Need(Permission.RW, "permission.action.change-title");
            case ChangeType change -> new Need(Permission.RW, "permission.action.change-type");
            case ChangeCustomer change -> new Need(Permission.RW, "permission.action.change-customer");
            case ChangeResponsible change -> new Need(Permission.RW, "permission.action.change-responsible");
            case TicketAction.MergeInto merge -> new Need(Permission.RW, "permission.action.merge-tickets");
        };
    }

    /** The other ticket of an unlink, when the agent may read it; otherwise as if it did not exist. */
    private long readableId(int actorId, Long otherTicketId) {
        if (otherTicketId == null) {
            throw new InvalidTicketRequest(Map.of("otherTicketId", Messages.t("ticket.error.choose-linked")));
        }
        if (!rows.mayRead(actorId, rows.read(otherTicketId))) {
            throw new NoSuchTicket(otherTicketId);
        }
        return otherTicketId;
    }

    private void addNote(int actorId, Current current, AddNote note, boolean fromBulk) {
        rows.require(actorId, current, Permission.NOTE, "permission.action.add-notes");
        WrittenHtml html = note.htmlBody() == null ? null : articles.written(note.htmlBody());
        String body = html == null ? note.body() : html.text();
        Map<String, String> errors = textErrors(note.subject(), body, Messages.t("ticket.error.enter-note"));
        errors.putAll(articles.attachmentProblems(note.attachments()));
        if (!errors.isEmpty()) {
            throw new InvalidTicketRequest(errors);
        }
        timeAccounting.validate(note.timeUnits());
        long ticketId = current.ticketId();
        long articleId = articles.add(new NewArticle(ticketId, SenderType.AGENT, Channel.INTERNAL,
                note.visibleForCustomer(), access.mailbox(actorId), null, note.subject().strip(), body, actorId,
                html == null ? null : html.document(), note.attachments()));
        history.add(current.snapshot(), articleId, HistoryType.ADD_NOTE, fromBulk ? "%%Bulk" : "%%Note", actorId);
        arrival.recorded(current.snapshot(), articleId, SenderType.AGENT, actorId);
        timeAccounting.account(current, articleId, note.timeUnits(), actorId);
        rows.update(ticketId, actorId, Map.of());
    }

    /** OTRS's phone screens for existing tickets: PhoneCallCustomer (inbound) or PhoneCallAgent (outbound). */
    private void addPhoneCall(int actorId, Current current, AddPhoneCall call) {
        rows.require(actorId, current, Permission.NOTE, "permission.action.add-phone-calls");
        WrittenHtml html = call.htmlBody() == null ? null : articles.written(call.htmlBody());
        String body = html == null ? call.body() : html.text();
        Map<String, String> errors = textErrors(call.subject(), body, Messages.t("ticket.error.enter-call"));
        if (!errors.isEmpty()) {
            throw new InvalidTicketRequest(errors);
        }
        timeAccounting.validate(call.timeUnits());
        long ticketId = current.ticketId();
        String agent = access.mailbox(actorId);
        String customer = customerMailbox(current);
        long articleId = articles.add(new NewArticle(ticketId, call.fromCustomer() ? SenderType.CUSTOMER : SenderType.AGENT,
                Channel.PHONE, true, call.fromCustomer() ? customer : agent, call.fromCustomer() ? current.queueName() : customer,
                call.subject().strip(), body, actorId, html == null ? null : html.document(), List.of()));
        history.add(current.snapshot(), articleId, call.fromCustomer() ? HistoryType.PHONE_CALL_CUSTOMER : HistoryType.PHONE_CALL_AGENT, "%%", actorId);
        arrival.recorded(current.snapshot(), articleId, call.fromCustomer() ? SenderType.CUSTOMER : SenderType.AGENT, actorId);
        timeAccounting.account(current, articleId, call.timeUnits(), actorId);
        rows.update(ticketId, actorId, Map.of());
    }

    private String customerMailbox(Current current) {
        return Optional.ofNullable(current.customerUserId()).flatMap(customers::find).map(CustomerUser::mailbox)
                .orElse(current.customerUserId() == null ? "" : current.customerUserId());
    }

    /** Problems with an article's subject and text, to report with any others at once. */
    private static Map<String, String> textErrors(String subject, String body, String bodyMessage) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (subject == null || subject.isBlank()) {
            errors.put("subject", Messages.t("ticket.error.enter-subject"));
        }
        if (body == null || body.isBlank()) {
            errors.put("body", bodyMessage);
        }
        return errors;
    }

    private void changeState(int actorId, Current current, ChangeState change) {
        rows.require(actorId, current, Permission.RW, "permission.action.change-state");
        State state = Optional.ofNullable(change.state()).flatMap(lookups::state)
                .filter(State::settableOnChange)
                .orElseThrow(() -> new InvalidTicketRequest(Map.of("state", Messages.t("ticket.error.choose-state"))));
        LocalDateTime pendingUntil = change.pendingUntil();
        int untilTime = 0;
        if (state.pending()) {
            if (pendingUntil == null) {
                throw new InvalidTicketRequest(Map.of("pendingUntil", Messages.t("ticket.error.pending-needs-date")));
            }
            if (!pendingUntil.isAfter(LocalDateTime.now(clock))) {
                throw new InvalidTicketRequest(Map.of("pendingUntil", Messages.t("ticket.error.pending-past")));
            }
            untilTime = ColumnLimits.epochSeconds("pendingUntil", pendingUntil, clock.getZone());
        }
        long ticketId = current.ticketId();
        boolean stateChanged = state.id() != current.snapshot().stateId();
        boolean unlock = state.closed() && current.locked();
        Map<org.jooq.Field<?>, Object> changes = new java.util.HashMap<>(
                Map.of(TICKET.TICKET_STATE_ID, state.id(), TICKET.UNTIL_TIME, untilTime));
        if (unlock) {
            changes.put(TICKET.TICKET_LOCK_ID, lookups.lockId("unlock"));
        }
        rows.update(ticketId, actorId, changes);
        Snapshot after = current.snapshot().withState(state.id());
        if (stateChanged) {
            history.add(after, null, HistoryType.STATE_UPDATE, "%%" + current.stateName() + "%%" + state.name() + "%%", actorId);
        }
        if (state.pending()) {
            history.add(after, null, HistoryType.SET_PENDING_TIME, "%%" + PENDING_HISTORY.format(pendingUntil), actorId);
        } else if (stateChanged) {
            // OTRS's TicketPendingTimeReset runs on every change to a state that is not pending
            // and writes the zero date, whether or not a pending time was set.
            history.add(after, null, HistoryType.SET_PENDING_TIME, NO_PENDING_TIME, actorId);
        }
        if (unlock) {
            // OTRS's screens unlock a ticket they close (AgentTicketActionCommon, Compose, Bulk).
            history.add(after, null, HistoryType.UNLOCK, "%%unlock", actorId);
        }
        feed.append(ChangeFeed.ObjectType.TICKET, ticketId, ticketId, FeedKind.TICKET_STATE_UPDATE, actorId);
    }

    private void changePriority(int actorId, Current current, ChangePriority change) {
        rows.require(actorId, current, Permission.PRIORITY, "permission.action.change-priority");
        Priority priority = Optional.ofNullable(change.priority()).flatMap(lookups::priority)
                .orElseThrow(() -> new InvalidTicketRequest(Map.of("priority", Messages.t("ticket.error.choose-priority"))));
        if (priority.id() == current.snapshot().priorityId()) {
            return;
        }
        long ticketId = current.ticketId();
        rows.update(ticketId, actorId, Map.of(TICKET.TICKET_PRIORITY_ID, priority.id()));
        Snapshot before = current.snapshot();
        history.add(before.withPriority(priority.id()), null, HistoryType.PRIORITY_UPDATE, "%%" + current.priorityName() + "%%"
                + before.priorityId() + "%%" + priority.name() + "%%" + priority.id(), actorId);
        feed.append(ChangeFeed.ObjectType.TICKET, ticketId, ticketId, FeedKind.TICKET_PRIORITY_UPDATE, actorId);
    }

    private void move(int actorId, Current current, MoveToQueue move) {
        rows.require(actorId, current, Permission.MOVE_INTO, "permission.action.move-out-of-queue", current.queueName());
        // A queue the agent may neither read nor move into is answered like one that does not exist.
        Queue target = Optional.ofNullable(move.queueId()).flatMap(queues::find).filter(Queue::valid)
                .filter(queue -> access.permissionsOn(actorId, queue.groupId()).contains(Permission.RO)
                        || access.permissionsOn(actorId, queue.groupId()).contains(Permission.MOVE_INTO))
                .orElseThrow(() -> new InvalidTicketRequest(Map.of("queue", Messages.t("ticket.error.choose-queue"))));
        access.require(actorId, target.groupId(), Permission.MOVE_INTO, "permission.action.move-into-queue", target.name());
        if (target.id() == current.snapshot().queueId()) {
            return;
        }
        long ticketId = current.ticketId();
        rows.update(ticketId, actorId, Map.of(TICKET.QUEUE_ID, target.id()));
        Snapshot before = current.snapshot();
        history.add(before.withQueue(target.id()), null, HistoryType.MOVE, "%%" + target.name() + "%%" + target.id() + "%%"
                + current.queueName() + "%%" + before.queueId(), actorId);
        feed.append(ChangeFeed.ObjectType.TICKET, ticketId, ticketId, FeedKind.TICKET_QUEUE_UPDATE, actorId);
    }

    private void changeTitle(int actorId, Current current, ChangeTitle change) {
        rows.require(actorId, current, Permission.RW, "permission.action.change-title");
        String title = change.title() == null ? "" : change.title().strip();
        if (title.isEmpty()) {
            throw new InvalidTicketRequest(Map.of("title", Messages.t("ticket.error.enter-title")));
        }
        if (title.length() > NewTickets.MAX_TITLE) {
            throw new InvalidTicketRequest(Map.of("title", Messages.t("ticket.error.title-too-long", String.valueOf(NewTickets.MAX_TITLE))));
        }
        if (title.equals(current.title())) {
            return;
        }
        long ticketId = current.ticketId();
        rows.update(ticketId, actorId, Map.of(TICKET.TITLE, title));
        history.add(current.snapshot(), null, HistoryType.TITLE_UPDATE, "%%" + current.title() + "%%" + title, actorId);
        feed.append(ChangeFeed.ObjectType.TICKET, ticketId, ticketId, FeedKind.TICKET_TITLE_UPDATE, actorId);
    }

    private void changeType(int actorId, Current current, ChangeType change) {
        rows.require(actorId, current, Permission.RW, "permission.action.change-type");
        var type = Optional.ofNullable(change.type()).flatMap(lookups::type)
                .orElseThrow(() -> new InvalidTicketRequest(Map.of("type", Messages.t("ticket.error.choose-type"))));
        Snapshot before = current.snapshot();
        if (type.id() == before.typeId()) {
            return;
        }
        String oldName = db.select(TICKET_TYPE.NAME).from(TICKET_TYPE).where(TICKET_TYPE.ID.eq(before.typeId()))
                .fetchOptional(TICKET_TYPE.NAME).orElse("");
        long ticketId = current.ticketId();
        rows.update(ticketId, actorId, Map.of(TICKET.TYPE_ID, type.id()));
        history.add(before.withType(type.id()), null, HistoryType.TYPE_UPDATE, "%%" + type.name() + "%%" + type.id() + "%%"
                + oldName + "%%" + before.typeId(), actorId);
        feed.append(ChangeFeed.ObjectType.TICKET, ticketId, ticketId, FeedKind.TICKET_TYPE_UPDATE, actorId);
    }

    private void changeCustomer(int actorId, Current current, ChangeCustomer change) {
        rows.require(actorId, current, Permission.RW, "permission.action.change-customer");
        CustomerUser customer = Optional.ofNullable(change.customerUser()).map(String::strip).filter(s -> !s.isEmpty())
                .flatMap(customers::find).filter(CustomerUser::valid)
                .orElseThrow(() -> new InvalidTicketRequest(Map.of("customerUser",
                        Messages.t("ticket.error.no-customer-user", Optional.ofNullable(change.customerUser()).orElse("")))));
        String customerId = change.customerId() == null || change.customerId().isBlank() ? customer.customerId()
                : change.customerId().strip();
        if (customer.login().equals(current.customerUserId()) && customerId.equals(current.customerId())) {
            return;
        }
        long ticketId = current.ticketId();
        rows.update(ticketId, actorId, Map.of(TICKET.CUSTOMER_USER_ID, customer.login(), TICKET.CUSTOMER_ID, customerId));
        history.add(current.snapshot(), null, HistoryType.CUSTOMER_UPDATE, "%%CustomerID=" + customerId + ";CustomerUser="
                + customer.login() + ";", actorId);
        feed.append(ChangeFeed.ObjectType.TICKET, ticketId, ticketId, FeedKind.TICKET_CUSTOMER_UPDATE, actorId);
    }

    private void lock(int actorId, Current current) {
        rows.require(actorId, current, Permission.OWNER, "permission.action.take-tickets");
        if (current.locked() && current.snapshot().ownerId() == actorId) {
            return;
        }
        setOwnerAndLock(actorId, current, actorId, FeedKind.TICKET_LOCK_UPDATE);
    }

    private void unlock(int actorId, Current current) {
        rows.require(actorId, current, Permission.OWNER, "permission.action.release-tickets");
        if (!current.locked()) {
            return;
        }
        long ticketId = current.ticketId();
        rows.update(ticketId, actorId, Map.of(TICKET.TICKET_LOCK_ID, lookups.lockId("unlock")));
        history.add(current.snapshot(), null, HistoryType.UNLOCK, "%%unlock", actorId);
        feed.append(ChangeFeed.ObjectType.TICKET, ticketId, ticketId, FeedKind.TICKET_LOCK_UPDATE, actorId);
    }

    private void changeOwner(int actorId, Current current, TicketAction.ChangeOwner change) {
        rows.require(actorId, current, Permission.OWNER, "permission.action.change-owner");
        Integer ownerId = change.ownerId();
        if (ownerId == null || !access.permissionsOn(ownerId, current.groupId()).contains(Permission.OWNER)) {
            throw new InvalidTicketRequest(Map.of("owner",
                    Messages.t("ticket.error.owner-not-allowed", current.queueName())));
        }
        setOwnerAndLock(actorId, current, ownerId, FeedKind.TICKET_OWNER_UPDATE);
    }

    /**
     * OTRS's lock and owner screens (AgentTicketLock, AgentTicketOwner) lock the ticket and then
     * give it to the owner: Lock and the unlock-timeout reset first, then OwnerUpdate.
     */
    private void setOwnerAndLock(int actorId, Current current, int ownerId, FeedKind feedKind) {
        long ticketId = current.ticketId();
        String ownerLogin = validAgentLogin(ownerId, "owner");
        rows.update(ticketId, actorId, Map.of(TICKET.TICKET_LOCK_ID, lookups.lockId("lock"), TICKET.USER_ID, ownerId));
        Snapshot before = current.snapshot();
        Snapshot after = before.withOwner(ownerId);
        if (!current.locked()) {
            // OTRS's lock and owner screens lock first (still the old owner), then set the owner.
            history.add(before, null, HistoryType.LOCK, "%%lock", actorId);
            // OTRS's TicketLockSet starts the unlock timeout when it locks.
            arrival.resetUnlockTimeout(before, actorId);
        }
        if (before.ownerId() != ownerId) {
            history.add(after, null, HistoryType.OWNER_UPDATE, "%%" + ownerLogin + "%%" + ownerId, actorId);
        }
        feed.append(ChangeFeed.ObjectType.TICKET, ticketId, ticketId, feedKind, actorId);
    }

    private void changeResponsible(int actorId, Current current, ChangeResponsible change) {
        rows.require(actorId, current, Permission.RW, "permission.action.change-responsible");
        Integer responsibleId = change.responsibleId();
        if (responsibleId == null || !access.permissionsOn(responsibleId, current.groupId()).contains(Permission.OWNER)) {
            throw new InvalidTicketRequest(Map.of("responsible",
                    Messages.t("ticket.error.owner-not-allowed", current.queueName())));
        }
        if (responsibleId == current.responsibleId()) {
            return;
        }
        String login = validAgentLogin(responsibleId, "responsible");
        long ticketId = current.ticketId();
        rows.update(ticketId, actorId, Map.of(TICKET.RESPONSIBLE_USER_ID, responsibleId));
        history.add(current.snapshot(), null, HistoryType.RESPONSIBLE_UPDATE, "%%" + login + "%%" + responsibleId, actorId);
        feed.append(ChangeFeed.ObjectType.TICKET, ticketId, ticketId, FeedKind.TICKET_RESPONSIBLE_UPDATE, actorId);
    }

    private String validAgentLogin(int agentId, String field) {
        return db.select(USERS.LOGIN).from(USERS).where(USERS.ID.eq(agentId))
                .and(USERS.VALID_ID.eq((short) 1)).fetchOptional(USERS.LOGIN)
                .orElseThrow(() -> new InvalidTicketRequest(Map.of(field, Messages.t("ticket.error.no-agent", String.valueOf(agentId)))));
    }

    /** OTRS's TicketWatchSubscribe/Unsubscribe: needs ro; the history names the agent. */
    private void watch(int actorId, Current current, boolean subscribe) {
        rows.require(actorId, current, Permission.RO, "permission.action.watch-tickets");
        long ticketId = current.ticketId();
        boolean watching = db.fetchExists(TICKET_WATCHER, TICKET_WATCHER.TICKET_ID.eq(ticketId)
                .and(TICKET_WATCHER.USER_ID.eq(actorId)));
        if (watching == subscribe) {
            return;
        }
        LocalDateTime now = LocalDateTime.now(clock);
        if (subscribe) {
            db.insertInto(TICKET_WATCHER).set(TICKET_WATCHER.TICKET_ID, ticketId).set(TICKET_WATCHER.USER_ID, actorId)
                    .set(TICKET_WATCHER.CREATE_TIME, now).set(TICKET_WATCHER.CREATE_BY, actorId)
                    .set(TICKET_WATCHER.CHANGE_TIME, now).set(TICKET_WATCHER.CHANGE_BY, actorId).execute();
        } else {
            db.deleteFrom(TICKET_WATCHER).where(TICKET_WATCHER.TICKET_ID.eq(ticketId))
                    .and(TICKET_WATCHER.USER_ID.eq(actorId)).execute();
        }
        var agent = db.select(USERS.FIRST_NAME, USERS.LAST_NAME, USERS.LOGIN).from(USERS)
                .where(USERS.ID.eq(actorId)).fetchSingle();
        history.add(current.snapshot(), null, subscribe ? HistoryType.SUBSCRIBE : HistoryType.UNSUBSCRIBE,
                "%%" + agent.value1() + " " + agent.value2() + " (" + agent.value3() + ")", actorId);
        feed.append(ChangeFeed.ObjectType.TICKET, ticketId, ticketId, subscribe ? FeedKind.TICKET_SUBSCRIBE : FeedKind.TICKET_UNSUBSCRIBE, actorId);
    }
}
