package org.jotrs.ticket.internal;

import static org.jotrs.platform.db.schema.Tables.TICKET;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.jooq.DSLContext;
import org.jotrs.access.AccessService;
import org.jotrs.access.Permission;
import org.jotrs.article.ArticleService;
import org.jotrs.article.Channel;
import org.jotrs.article.NewArticle;
import org.jotrs.article.SenderType;
import org.jotrs.customer.CustomerDirectory;
import org.jotrs.customer.CustomerUser;
import org.jotrs.platform.ChangeFeed;
import org.jotrs.queue.Queue;
import org.jotrs.queue.QueueService;
import org.jotrs.ticket.CreatedTicket;
import org.jotrs.ticket.InvalidTicketRequest;
import org.jotrs.ticket.NewPhoneTicket;
import org.jotrs.ticket.PhoneTicketOptions;
import org.jotrs.ticket.TicketNumbers;
import org.jotrs.ticket.internal.TicketHistory.Snapshot;
import org.jotrs.ticket.internal.TicketLookups.Priority;
import org.jotrs.ticket.internal.TicketLookups.State;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creates a ticket from a customer's phone call the way OTRS's AgentTicketPhone does: the ticket
 * unlocked and owned by nobody in particular (user 1), the call stored as a customer-visible
 * phone article from the customer, and the history rows OTRS writes (NewTicket, CustomerUpdate,
 * SetPendingTime for pending states, PhoneCallCustomer for the article).
 */
@Component
class PhoneTicketCreation {

    /** OTRS's defaults for the phone ticket screen. */
    static final String DEFAULT_PRIORITY = "3 normal";
    static final String DEFAULT_STATE = "open";
    /** OTRS gives unowned tickets to user 1 and makes it responsible unless told otherwise. */
    static final int NOBODY = 1;
    static final int MAX_TITLE = 255;

    private static final DateTimeFormatter PENDING_HISTORY = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final DSLContext db;
    private final AccessService access;
    private final QueueService queues;
    private final CustomerDirectory customers;
    private final ArticleService articles;
    private final TicketNumbers numbers;
    private final TicketLookups lookups;
    private final TicketHistory history;
    private final ChangeFeed feed;
    private final Clock clock;

    PhoneTicketCreation(DSLContext db, AccessService access, QueueService queues, CustomerDirectory customers,
            ArticleService articles, TicketNumbers numbers, TicketLookups lookups, TicketHistory history,
            ChangeFeed feed, Clock clock) {
        this.db = db;
        this.access = access;
        this.queues = queues;
        this.customers = customers;
        this.articles = articles;
        this.numbers = numbers;
        this.lookups = lookups;
        this.history = history;
        this.feed = feed;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    PhoneTicketOptions options(int actorId) {
        Set<Integer> groups = access.groupsWith(actorId, Permission.CREATE);
        List<Queue> creatable = queues.validQueues().stream().filter(queue -> groups.contains(queue.groupId())).toList();
        List<String> states = lookups.states().stream()
                .filter(State::settableOnCreate)
                .map(State::name).toList();
        return new PhoneTicketOptions(creatable, lookups.priorities(), states, DEFAULT_PRIORITY, DEFAULT_STATE);
    }

    @Transactional
    CreatedTicket create(int actorId, NewPhoneTicket request) {
        Queue queue = Optional.ofNullable(request.queueId()).flatMap(queues::find).filter(Queue::valid)
                .orElseThrow(() -> new InvalidTicketRequest(Map.of("queue", "Choose a valid queue.")));
        access.require(actorId, queue.groupId(), Permission.CREATE, "create tickets in queue " + queue.name());
        Valid valid = validate(request);

        LocalDateTime now = LocalDateTime.now(clock);
        String number = numbers.next();
        short typeId = lookups.defaultTypeId();
        int untilTime = valid.state().pending() ? (int) request.pendingUntil().atZone(clock.getZone()).toEpochSecond() : 0;
        long ticketId = db.insertInto(TICKET)
                .set(TICKET.TN, number)
                .set(TICKET.TITLE, request.title().strip())
                .set(TICKET.QUEUE_ID, queue.id())
                .set(TICKET.TICKET_LOCK_ID, lookups.lockId("unlock"))
                .set(TICKET.TYPE_ID, typeId)
                .set(TICKET.USER_ID, NOBODY)
                .set(TICKET.RESPONSIBLE_USER_ID, NOBODY)
                .set(TICKET.TICKET_PRIORITY_ID, valid.priority().id())
                .set(TICKET.TICKET_STATE_ID, valid.state().id())
                .set(TICKET.CUSTOMER_ID, valid.customer().customerId())
                .set(TICKET.CUSTOMER_USER_ID, valid.customer().login())
                // OTRS keeps the creation time as epoch seconds in "timeout" (used for ticket age).
                .set(TICKET.TIMEOUT, (int) clock.instant().getEpochSecond())
                .set(TICKET.UNTIL_TIME, untilTime)
                .set(TICKET.ESCALATION_TIME, 0)
                .set(TICKET.ESCALATION_UPDATE_TIME, 0)
                .set(TICKET.ESCALATION_RESPONSE_TIME, 0)
                .set(TICKET.ESCALATION_SOLUTION_TIME, 0)
                .set(TICKET.ARCHIVE_FLAG, (short) 0)
                .set(TICKET.CREATE_TIME, now)
                .set(TICKET.CREATE_BY, actorId)
                .set(TICKET.CHANGE_TIME, now)
                .set(TICKET.CHANGE_BY, actorId)
                .returning(TICKET.ID)
                .fetchSingle()
                .getId();

        Snapshot snapshot = new Snapshot(ticketId, typeId, queue.id(), NOBODY, valid.priority().id(), valid.state().id());
        history.add(snapshot, null, "NewTicket", "%%" + number + "%%" + queue.name() + "%%" + valid.priority().name()
                + "%%" + valid.state().name() + "%%" + ticketId, actorId);
        history.add(snapshot, null, "CustomerUpdate", "%%CustomerID=" + valid.customer().customerId()
                + ";CustomerUser=" + valid.customer().login() + ";", actorId);
        if (valid.state().pending()) {
            history.add(snapshot, null, "SetPendingTime", "%%" + PENDING_HISTORY.format(request.pendingUntil()), actorId);
        }
        feed.append(ChangeFeed.ObjectType.TICKET, ticketId, ticketId, "TicketCreate", actorId);

        long articleId = articles.add(new NewArticle(ticketId, SenderType.CUSTOMER, Channel.PHONE, true,
                valid.customer().mailbox(), queue.name(), request.title().strip(), request.body(), actorId,
                request.attachments()));
        history.add(snapshot, articleId, "PhoneCallCustomer", "%%", actorId);
        feed.append(ChangeFeed.ObjectType.ARTICLE, articleId, ticketId, "ArticleCreate", actorId);
        return new CreatedTicket(ticketId, number, articleId);
    }

    private record Valid(CustomerUser customer, Priority priority, State state) {
    }

    /** Checks every field before anything is written, and reports all problems at once. */
    private Valid validate(NewPhoneTicket request) {
        Map<String, String> errors = new LinkedHashMap<>();
        String title = request.title() == null ? "" : request.title().strip();
        if (title.isEmpty()) {
            errors.put("title", "Enter a title.");
        } else if (title.length() > MAX_TITLE) {
            errors.put("title", "The title may have at most " + MAX_TITLE + " characters.");
        }
        if (request.body() == null || request.body().isBlank()) {
            errors.put("body", "Enter what the customer said.");
        }
        CustomerUser customer = null;
        if (request.customerUser() == null || request.customerUser().isBlank()) {
            errors.put("customerUser", "Choose the customer who called.");
        } else {
            customer = customers.find(request.customerUser()).filter(CustomerUser::valid).orElse(null);
            if (customer == null) {
                errors.put("customerUser", "There is no valid customer user '" + request.customerUser().strip() + "'.");
            }
        }
        String priorityName = request.priority() == null || request.priority().isBlank() ? DEFAULT_PRIORITY : request.priority();
        Priority priority = lookups.priority(priorityName).orElse(null);
        if (priority == null) {
            errors.put("priority", "There is no valid priority '" + priorityName + "'.");
        }
        String stateName = request.state() == null || request.state().isBlank() ? DEFAULT_STATE : request.state();
        State state = lookups.state(stateName).orElse(null);
        if (state == null || !state.settableOnCreate()) {
            errors.put("state", "A new ticket cannot have the state '" + stateName + "'.");
        } else if (state.pending()) {
            if (request.pendingUntil() == null) {
                errors.put("pendingUntil", "A pending state needs the date and time to wait until.");
            } else if (!request.pendingUntil().isAfter(LocalDateTime.now(clock))) {
                errors.put("pendingUntil", "The pending date must be in the future.");
            }
        }
        errors.putAll(articles.attachmentProblems(request.attachments()));
        if (!errors.isEmpty()) {
            throw new InvalidTicketRequest(errors);
        }
        return new Valid(customer, priority, state);
    }
}
