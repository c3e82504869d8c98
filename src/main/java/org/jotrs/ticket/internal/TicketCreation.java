package org.jotrs.ticket.internal;

import org.jotrs.platform.ColumnLimits;
import org.jotrs.platform.InvalidInput;
import org.jotrs.platform.MailAddressSyntax;
import org.jotrs.platform.Messages;

import static org.jotrs.platform.db.schema.Tables.TICKET;
import static org.jotrs.platform.db.schema.Tables.USERS;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.jooq.DSLContext;
import org.jotrs.access.AccessService;
import org.jotrs.access.AgentRef;
import org.jotrs.access.Permission;
import org.jotrs.article.ArticleService;
import org.jotrs.article.Channel;
import org.jotrs.article.MailHeaders;
import org.jotrs.article.NewArticle;
import org.jotrs.article.NewAttachment;
import org.jotrs.article.SenderType;
import org.jotrs.article.WrittenHtml;
import org.jotrs.customer.CustomerDirectory;
import org.jotrs.customer.CustomerUser;
import org.jotrs.mail.OutboundMail;
import org.jotrs.mail.OutgoingMail;
import org.jotrs.queue.Queue;
import org.jotrs.queue.QueueService;
import org.jotrs.ticket.CreatedTicket;
import org.jotrs.ticket.FirstArticle;
import org.jotrs.ticket.InvalidTicketRequest;
import org.jotrs.ticket.NewEmailTicket;
import org.jotrs.ticket.NewPhoneTicket;
import org.jotrs.ticket.PhoneTicketOptions;
import org.jotrs.ticket.internal.TicketHistory.Snapshot;
import org.jotrs.ticket.internal.TicketLookups.Priority;
import org.jotrs.ticket.internal.TicketLookups.State;
import org.jotrs.ticket.internal.TicketLookups.TicketType;
import org.jotrs.ticket.internal.TicketSubjects.Kind;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creates tickets the way OTRS's AgentTicketPhone and AgentTicketEmail do: TicketCreate with user 1
 * as owner (NewTicket, CustomerUpdate), the first article (the customer's call, PhoneCallCustomer,
 * or the agent's mail from the queue's address, EmailAgent, queued for sending in the same
 * transaction), then the owner: the chosen agent, who gets the lock, or else the creating agent
 * without one (OwnerUpdate, Lock), the responsible agent (ResponsibleUpdate), and last the
 * pending time (SetPendingTime).
 */
@Component
class TicketCreation {

    /** The longest address kept as a customer outside the directory ({@code ticket.customer_id} is 150 wide). */
    private static final int UNLISTED_ADDRESS_MAX = 150;
    private static final DateTimeFormatter PENDING_HISTORY = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final DSLContext db;
    private final AccessService access;
    private final QueueService queues;
    private final CustomerDirectory customers;
    private final ArticleService articles;
    private final OutboundMail outbound;
    private final NewTickets newTickets;
    private final TicketLookups lookups;
    private final TicketHistory history;
    private final TicketSubjects subjects;
    private final Clock clock;
    private final TicketRuntimeSettings settings;
    private final TicketRows rows;
    private final ArticleArrival arrival;
    private final TimeAccounting timeAccounting;

    TicketCreation(DSLContext db, AccessService access, QueueService queues, CustomerDirectory customers,
            ArticleService articles, OutboundMail outbound, NewTickets newTickets, TicketLookups lookups,
            TicketHistory history, TicketSubjects subjects, Clock clock, TicketRuntimeSettings settings,
            TicketRows rows, ArticleArrival arrival, TimeAccounting timeAccounting) {
        this.timeAccounting = timeAccounting;
        this.settings = settings;
        this.rows = rows;
        this.arrival = arrival;
        this.db = db;
        this.access = access;
        this.queues = queues;
        this.customers = customers;
        this.articles = articles;
        this.outbound = outbound;
        this.newTickets = newTickets;
        this.lookups = lookups;
        this.history = history;
        this.subjects = subjects;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    PhoneTicketOptions options(int actorId) {
        Set<Integer> groups = access.groupsWith(actorId, Permission.CREATE);
        List<Queue> creatable = queues.validQueues().stream().filter(queue -> groups.contains(queue.groupId())).toList();
        List<String> states = lookups.states().stream().filter(State::settableOnCreate).map(State::name).toList();
        List<AgentRef> agents = access.validAgents();
        return new PhoneTicketOptions(creatable, lookups.priorities(), states, settings.newPriority(),
                settings.newState(), lookups.types(), settings.newType(), agents);
    }

    /** The fields both screens share. */
    private record Request(Integer queueId, String customerUser, String title, String body, String priority, String state,
            LocalDateTime pendingUntil, String type, Integer ownerId, Integer responsibleId,
            List<NewAttachment> attachments) {
    }

    private record Valid(Queue queue, CustomerUser customer, Priority priority, State state, TicketType type,
            String ownerLogin, String responsibleLogin) {
    }

    @Transactional
    CreatedTicket createPhone(int actorId, NewPhoneTicket phone) {
        WrittenHtml html = phone.htmlBody() == null ? null : articles.written(phone.htmlBody());
        Request request = new Request(phone.queueId(), phone.customerUser(), phone.title(),
                html == null ? phone.body() : html.text(), phone.priority(),
                phone.state(), phone.pendingUntil(), phone.type(), phone.ownerId(), phone.responsibleId(),
                phone.attachments());
        Valid valid = validate(actorId, request, new LinkedHashMap<>(), Messages.t("ticket.error.enter-said"));
        NewTickets.Created ticket = insert(actorId, request, valid);
        long articleId = articles.add(new NewArticle(ticket.id(), SenderType.CUSTOMER, Channel.PHONE, true,
                valid.customer().mailbox(), valid.queue().name(), request.title().strip(), request.body(), actorId,
                html == null ? null : html.document(), request.attachments()));
        ticket.history().add(new TicketHistory.Entry(ticket.snapshot(), articleId, HistoryType.PHONE_CALL_CUSTOMER, "%%"));
        return finish(actorId, ticket, articleId, SenderType.CUSTOMER, request, valid);
    }

    /**
     * OTRS's GenericInterface TicketCreate: the ticket, then the article the caller describes with
     * its history row (OTRS's configured {@code NewTicket} unless named), then its time units.
     */
    @Transactional
    CreatedTicket createWithArticle(int actorId, NewPhoneTicket ticketRequest, FirstArticle first) {
        if (first.channel() == Channel.EMAIL) {
            throw new IllegalArgumentException("Email articles are sent: use createEmail");
        }
        WrittenHtml html = first.htmlBody() == null ? null : articles.written(first.htmlBody());
        String body = html == null ? ticketRequest.body() : html.text();
        Request request = new Request(ticketRequest.queueId(), ticketRequest.customerUser(), ticketRequest.title(), body,
                ticketRequest.priority(), ticketRequest.state(), ticketRequest.pendingUntil(), ticketRequest.type(),
                ticketRequest.ownerId(), ticketRequest.responsibleId(), ticketRequest.attachments());
        Map<String, String> errors = new LinkedHashMap<>();
        HistoryType historyType = HistoryType.NEW_TICKET;
        if (first.historyType() != null) {
            try {
                historyType = HistoryType.named(first.historyType());
            } catch (IllegalArgumentException e) {
                errors.put("historyType", Messages.t("ticket.error.no-history-type", first.historyType()));
            }
        }
        timeAccounting.validate(first.timeUnits());
        Valid valid = validate(actorId, request, errors, Messages.t("ticket.error.enter-article"));
        NewTickets.Created ticket = insert(actorId, request, valid);
        String subject = first.subject() == null || first.subject().isBlank() ? request.title().strip() : first.subject().strip();
        long articleId = articles.add(new NewArticle(ticket.id(), first.sender(), first.channel(), first.visibleForCustomer(),
                first.from() == null ? valid.customer().mailbox() : first.from(), valid.queue().name(), subject, body,
                actorId, html == null ? null : html.document(), request.attachments()));
        ticket.history().add(new TicketHistory.Entry(ticket.snapshot(), articleId, historyType,
                first.historyComment() == null ? "%%" : first.historyComment()));
        CreatedTicket created = finish(actorId, ticket, articleId, first.sender(), request, valid);
        if (first.timeUnits() != null && first.timeUnits().signum() != 0) {
            timeAccounting.account(rows.read(created.ticketId()), articleId, first.timeUnits(), actorId);
        }
        return created;
    }

    @Transactional
    CreatedTicket createEmail(int actorId, NewEmailTicket email) {
        WrittenHtml html = email.htmlBody() == null ? null : articles.written(email.htmlBody());
        Request request = new Request(email.queueId(), email.customerUser(), email.subject(),
                html == null ? email.body() : html.text(),
                email.priority(), email.state(), email.pendingUntil(), email.type(), email.ownerId(), email.responsibleId(),
                email.attachments());
        Map<String, String> errors = new LinkedHashMap<>();
        List<String> to = MailFields.addresses(outbound, email.to(), "to", errors);
        List<String> cc = MailFields.addresses(outbound, email.cc(), "cc", errors);
        Optional<String> from = Optional.ofNullable(email.queueId()).flatMap(queues::senderOf);
        if (email.queueId() != null && from.isEmpty()) {
            errors.put("queue", Messages.t("ticket.error.no-sender-queue"));
        }
        Valid valid = validate(actorId, request, errors, Messages.t("ticket.error.enter-mail-text"));
        // The To field as OTRS's screen fills it: the typed recipients, or the customer user's
        // mailbox as OTRS quotes it ("Name" <address>), stored in a_to and the history unchanged.
        String toField = String.join(", ", to);
        if (to.isEmpty()) {
            if (valid.customer().email() == null || valid.customer().email().isBlank()) {
                throw new InvalidTicketRequest(Map.of("to", Messages.t("ticket.error.customer-no-mail")));
            }
            to = outbound.parseAddresses(valid.customer().mailbox());
            toField = valid.customer().mailbox();
        }
        NewTickets.Created ticket = insert(actorId, request, valid);
        String subject = subjects.build(ticket.number(), request.title().strip(), Kind.NEW);
        String messageId = outbound.newMessageId();
        long articleId = articles.addEmail(new NewArticle(ticket.id(), SenderType.AGENT, Channel.EMAIL, true, from.get(),
                        toField, subject, request.body(), actorId, html == null ? null : html.document(),
                        request.attachments()),
                new MailHeaders(cc.isEmpty() ? null : String.join(", ", cc), null, null, messageId, null, null));
        outbound.enqueue(articleId, new OutgoingMail(from.get(), to, cc, List.of(), subject, request.body(), messageId,
                null, null, MailFields.attachments(request.attachments()), Map.of(), html == null ? null : html.document()));
        // AgentTicketEmail's history comment: "%%$To, $Cc, $Bcc", empty fields included.
        ticket.history().add(new TicketHistory.Entry(ticket.snapshot(), articleId, HistoryType.EMAIL_AGENT,
                "%%" + toField + ", " + String.join(", ", cc) + ", "));
        return finish(actorId, ticket, articleId, SenderType.AGENT, request, valid);
    }

    /**
     * What OTRS's AgentTicketPhone and AgentTicketEmail do after TicketCreate and the first
     * article, in their order: the article's consequences (read markers, unlock timeout), then the
     * owner (the chosen agent with the lock, else the creating agent without one; TicketOwnerSet
     * writes nothing when the owner stays user 1), the responsible agent, and last the unlock of a
     * closed ticket or the pending time.
     */
    private CreatedTicket finish(int actorId, NewTickets.Created ticket, long articleId, SenderType sender,
            Request request, Valid valid) {
        history.addAll(ticket.history(), actorId);
        long ticketId = ticket.id();
        Snapshot snapshot = ticket.snapshot();
        arrival.recorded(snapshot, articleId, sender, actorId);
        boolean locked = false;
        int ownerId = request.ownerId() != null ? request.ownerId() : actorId;
        if (ownerId != NewTickets.NOBODY) {
            rows.update(ticketId, actorId, Map.of(TICKET.USER_ID, ownerId));
            snapshot = snapshot.withOwner(ownerId);
            String login = request.ownerId() != null ? valid.ownerLogin() : agentLogin(actorId);
            history.add(snapshot, null, HistoryType.OWNER_UPDATE, "%%" + login + "%%" + ownerId, actorId);
            if (request.ownerId() != null) {
                // OTRS cannot lock a ticket for user 1; any other chosen owner gets the lock.
                rows.update(ticketId, actorId, Map.of(TICKET.TICKET_LOCK_ID, lookups.lockId("lock")));
                history.add(snapshot, null, HistoryType.LOCK, "%%lock", actorId);
                arrival.resetUnlockTimeout(snapshot, actorId);
                locked = true;
            }
        }
        Integer responsibleId = request.responsibleId();
        if (responsibleId != null && responsibleId != NewTickets.NOBODY) {
            rows.update(ticketId, actorId, Map.of(TICKET.RESPONSIBLE_USER_ID, responsibleId));
            history.add(snapshot, null, HistoryType.RESPONSIBLE_UPDATE, "%%" + valid.responsibleLogin() + "%%" + responsibleId, actorId);
        }
        if (valid.state().closed() && locked) {
            rows.update(ticketId, actorId, Map.of(TICKET.TICKET_LOCK_ID, lookups.lockId("unlock")));
            history.add(snapshot, null, HistoryType.UNLOCK, "%%unlock", actorId);
        } else if (valid.state().pending()) {
            history.add(snapshot, null, HistoryType.SET_PENDING_TIME, "%%" + PENDING_HISTORY.format(request.pendingUntil()), actorId);
        }
        return new CreatedTicket(ticketId, ticket.number(), articleId);
    }

    private String agentLogin(int agentId) {
        return db.select(USERS.LOGIN).from(USERS).where(USERS.ID.eq(agentId)).fetchSingle(USERS.LOGIN);
    }

    /** OTRS's TicketCreate from the agent screens: owner user 1, unlocked; the screen sets the owner later. */
    private NewTickets.Created insert(int actorId, Request request, Valid valid) {
        return newTickets.insert(new NewTickets.Draft(request.title().strip(), valid.queue(), valid.type().id(),
                valid.priority(), valid.state(), null, null, null, null,
                new NewTickets.Customer(valid.customer().customerId(), valid.customer().login()),
                request.pendingUntil(), actorId));
    }

    /** Checks every field before anything is written, and reports all problems at once. */
    private Valid validate(int actorId, Request request, Map<String, String> errors, String bodyMessage) {
        // A queue the agent may neither read nor create in is answered like one that does not exist.
        Queue queue = Optional.ofNullable(request.queueId()).flatMap(queues::find).filter(Queue::valid)
                .filter(q -> access.permissionsOn(actorId, q.groupId()).contains(Permission.RO)
                        || access.permissionsOn(actorId, q.groupId()).contains(Permission.CREATE))
                .orElse(null);
        if (queue == null) {
            errors.put("queue", Messages.t("ticket.error.choose-queue"));
        } else {
            access.require(actorId, queue.groupId(), Permission.CREATE, "permission.action.create-in-queue", queue.name());
        }
        String title = request.title() == null ? "" : request.title().strip();
        if (title.isEmpty()) {
            errors.put("title", Messages.t("ticket.error.enter-title"));
        } else if (title.length() > NewTickets.MAX_TITLE) {
            errors.put("title", Messages.t("ticket.error.title-too-long", NewTickets.MAX_TITLE));
        }
        if (request.body() == null || request.body().isBlank()) {
            errors.put("body", bodyMessage);
        }
        CustomerUser customer = null;
        if (request.customerUser() == null || request.customerUser().isBlank()) {
            errors.put("customerUser", Messages.t("ticket.error.choose-customer"));
        } else {
            String typed = request.customerUser().strip();
            Optional<CustomerUser> listed = customers.find(typed);
            if (listed.isEmpty() && MailAddressSyntax.isAddress(typed) && typed.length() <= UNLISTED_ADDRESS_MAX) {
                // Not in the directory: the address itself, as OTRS stores a customer it does not know.
                customer = CustomerUser.unlisted(typed.toLowerCase(Locale.ROOT));
            } else {
                customer = listed.filter(CustomerUser::valid).orElse(null);
            }
            if (customer == null) {
                errors.put("customerUser", Messages.t("ticket.error.no-customer-user", typed));
            }
        }
        String priorityName = blank(request.priority()) ? settings.newPriority() : request.priority();
        String typeName = blank(request.type()) ? settings.newType() : request.type();
        String stateName = blank(request.state()) ? settings.newState() : request.state();
        TicketLookups.Chosen chosen = lookups.chosen(priorityName, typeName, stateName);
        Priority priority = chosen.priority().orElse(null);
        if (priority == null) {
            errors.put("priority", Messages.t("ticket.error.no-priority", priorityName));
        }
        TicketType type = chosen.type()
                .or(() -> blank(request.type()) ? Optional.of(new TicketType(lookups.defaultTypeId(), typeName)) : Optional.empty())
                .orElse(null);
        if (type == null) {
            errors.put("type", Messages.t("ticket.error.no-type", typeName));
        }
        State state = chosen.state().orElse(null);
        if (state == null || !state.settableOnCreate()) {
            errors.put("state", Messages.t("ticket.error.new-state", stateName));
        } else if (state.pending()) {
            if (request.pendingUntil() == null) {
                errors.put("pendingUntil", Messages.t("ticket.error.pending-needs-date"));
            } else if (!request.pendingUntil().isAfter(LocalDateTime.now(clock))) {
                errors.put("pendingUntil", Messages.t("ticket.error.pending-past"));
            } else {
                try {
                    ColumnLimits.epochSeconds("pendingUntil", request.pendingUntil(), clock.getZone());
                } catch (InvalidInput tooLate) {
                    errors.putAll(tooLate.errors());
                }
            }
        }
        String ownerLogin = agentWhoMayOwn(request.ownerId(), queue, "owner", errors);
        String responsibleLogin = agentWhoMayOwn(request.responsibleId(), queue, "responsible", errors);
        errors.putAll(articles.attachmentProblems(request.attachments()));
        if (!errors.isEmpty()) {
            throw new InvalidTicketRequest(errors);
        }
        return new Valid(queue, customer, priority, state, type, ownerLogin, responsibleLogin);
    }

    /** Owner and responsible need the owner permission on the queue, as for an existing ticket. */
    private String agentWhoMayOwn(Integer agentId, Queue queue, String field, Map<String, String> errors) {
        if (agentId == null || queue == null) {
            return null;
        }
        String login = db.select(USERS.LOGIN).from(USERS).where(USERS.ID.eq(agentId)).and(USERS.VALID_ID.eq((short) 1))
                .fetchOne(USERS.LOGIN);
        if (login == null || !access.permissionsOn(agentId, queue.groupId()).contains(Permission.OWNER)) {
            errors.put(field, Messages.t("ticket.error.owner-not-allowed", queue.name()));
            return null;
        }
        return login;
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
