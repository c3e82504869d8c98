package org.jotrs.genericinterface.internal;

import static org.jotrs.platform.db.schema.Tables.COMMUNICATION_CHANNEL;
import static org.jotrs.platform.db.schema.Tables.DYNAMIC_FIELD;
import static org.jotrs.platform.db.schema.Tables.QUEUE;
import static org.jotrs.platform.db.schema.Tables.TICKET;
import static org.jotrs.platform.db.schema.Tables.TICKET_HISTORY_TYPE;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.jooq.DSLContext;
import org.jotrs.access.AccessService;
import org.jotrs.access.Permission;
import org.jotrs.access.PermissionDenied;
import org.jotrs.article.ArticleService;
import org.jotrs.article.Channel;
import org.jotrs.article.NewAttachment;
import org.jotrs.article.SenderType;
import org.jotrs.customer.CustomerDirectory;
import org.jotrs.customer.CustomerUser;
import org.jotrs.genericinterface.internal.GiLookups.Named;
import org.jotrs.platform.InvalidInput;
import org.jotrs.platform.MailAddressSyntax;
import org.jotrs.postmaster.AutoResponses;
import org.jotrs.ticket.CreatedTicket;
import org.jotrs.ticket.CustomerTicketAccess;
import org.jotrs.ticket.FirstArticle;
import org.jotrs.ticket.InboundMail;
import org.jotrs.ticket.InboundTicket;
import org.jotrs.ticket.MailArrival;
import org.jotrs.ticket.NewPhoneTicket;
import org.jotrs.ticket.NoSuchTicket;
import org.jotrs.ticket.TicketAction;
import org.jotrs.ticket.TicketService;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * TicketCreate and TicketUpdate: OTRS's checks in OTRS's order (the first failing one answers,
 * with OTRS's error code and message), then one call of the ticket facade, which checks the
 * agent's permission exactly as the agent interface does and writes everything in one
 * transaction, or nothing.
 */
@Component
class TicketWrites {

    /** MIME types an article body may have; OTRS accepts any, Jotrs stores text (HTML is turned into text). */
    private static final Set<String> BODY_TYPES = Set.of("text/plain", "text/html");

    private final TicketService tickets;
    private final CustomerDirectory customers;
    private final GiLookups lookups;
    private final DSLContext db;
    private final AccessService access;
    private final CustomerTicketAccess customerRule;
    private final ArticleService articles;
    private final AutoResponses autoResponses;
    private final TicketReads reads;

    TicketWrites(TicketService tickets, CustomerDirectory customers, GiLookups lookups, DSLContext db,
            AccessService access, CustomerTicketAccess customerRule, ArticleService articles, AutoResponses autoResponses,
            TicketReads reads) {
        this.access = access;
        this.tickets = tickets;
        this.customers = customers;
        this.lookups = lookups;
        this.db = db;
        this.customerRule = customerRule;
        this.articles = articles;
        this.autoResponses = autoResponses;
        this.reads = reads;
    }

    /** One transaction: the ticket, its article and (for a customer user) the auto reply, or nothing. */
    @Transactional
    Map<String, Object> create(GiCaller caller, Map<String, Object> data) {
        String op = "TicketCreate";
        Map<String, Object> ticket = GiParams.hash(data, "Ticket");
        Map<String, Object> article = GiParams.hash(data, "Article");
        for (var needed : List.of(Map.entry("Ticket", ticket == null || ticket.isEmpty()),
                Map.entry("Article", article == null || article.isEmpty()))) {
            if (needed.getValue()) {
                throw GiError.missing(op, needed.getKey() + " parameter is missing or not valid!");
            }
        }
        for (String optional : List.of("DynamicField", "Attachment")) {
            if (data.get(optional) != null && !GiParams.hashOrListWithData(data.get(optional))) {
                throw GiError.missing(op, optional + " parameter is missing or not valid!");
            }
        }
        for (String needed : List.of("Title", "CustomerUser")) {
            if (GiParams.text(ticket, needed) == null) {
                throw GiError.missing(op, "Ticket->" + needed + " parameter is missing!");
            }
        }
        CustomerUser customer = customers.find(GiParams.text(ticket, "CustomerUser")).filter(CustomerUser::valid)
                .orElseThrow(() -> GiError.invalid(op, "Ticket->CustomerUser parameter is invalid!"));
        String queueId = GiParams.text(ticket, "QueueID");
        String queueName = GiParams.text(ticket, "Queue");
        if (queueId == null && queueName == null) {
            throw GiError.missing(op, "Ticket->QueueID or Ticket->Queue parameter is required!");
        }
        Named queue = lookups.queue(queueId, queueName)
                .orElseThrow(() -> GiError.invalid(op, "Ticket->QueueID or Ticket->Queue parameter is invalid!"));
        checkLock(op, ticket);
        Named type = optional(op, ticket, "TypeID", "Type", lookups::type, "Ticket->TypeID or Ticket->Type");
        refuseServiceAndSla(op, ticket);
        if (GiParams.text(ticket, "StateID") == null && GiParams.text(ticket, "State") == null) {
            throw GiError.missing(op, "Ticket->StateID or Ticket->State parameter is required!");
        }
        Named state = lookups.state(GiParams.text(ticket, "StateID"), GiParams.text(ticket, "State"))
                .orElseThrow(() -> GiError.invalid(op, "Ticket->StateID or Ticket->State parameter is invalid!"));
        if (GiParams.text(ticket, "PriorityID") == null && GiParams.text(ticket, "Priority") == null) {
            throw GiError.missing(op, "Ticket->PriorityID or Ticket->Priority parameter is required!");
        }
        Named priority = lookups.priority(GiParams.text(ticket, "PriorityID"), GiParams.text(ticket, "Priority"))
                .orElseThrow(() -> GiError.invalid(op, "Ticket->PriorityID or Ticket->Priority parameter is invalid!"));
        Named owner = optional(op, ticket, "OwnerID", "Owner", lookups::agent, "Ticket->OwnerID or Ticket->Owner");
        Named responsible = optional(op, ticket, "ResponsibleID", "Responsible", lookups::agent,
                "Ticket->ResponsibleID or Ticket->Responsible");
        LocalDateTime pending = pendingTime(op, ticket);
        // OTRS's CheckCreatePermissions: create on the queue's group, before the article is looked at;
        // for a customer user their customer group permission where customer groups are in use.
        Integer groupId = db.select(QUEUE.GROUP_ID).from(QUEUE).where(QUEUE.ID.eq(queue.id())).fetchOne(QUEUE.GROUP_ID);
        boolean mayCreate = groupId != null && (caller.customer()
                ? customerRule.mayCreateIn(caller.customerLogin(), groupId)
                : access.permissionsOn(caller.agentId(), groupId).contains(Permission.CREATE));
        if (!mayCreate) {
            throw new GiError(op + ".AccessDenied", op + ": Can not create tickets in given Queue or QueueID!");
        }
        if (caller.customer() && !customer.login().equals(caller.customerLogin())) {
            // The portal's isolation: a customer user opens tickets for themselves only.
            throw new GiError(op + ".AccessDenied", op + ": Customer users can only create tickets for themselves!");
        }
        ArticleInput input = article(op, article, caller);
        checkDynamicFields(op, data.get("DynamicField"));
        List<NewAttachment> attachments = attachments(op, data.get("Attachment"));
        if (caller.customer()) {
            return customerCreate(op, caller, customer, ticket, queue, type, state, priority, owner, responsible, input,
                    attachments);
        }
        try {
            CreatedTicket created = tickets.createTicket(caller.agentId(), new NewPhoneTicket(queue.id(),
                    customer.login(), GiParams.text(ticket, "Title"), input.body(), priority.name(), state.name(), pending,
                    attachments, type == null ? null : type.name(), owner == null ? null : owner.id(),
                    responsible == null ? null : responsible.id()),
                    new FirstArticle(input.channel(), input.sender(), input.visibleForCustomer(), input.from(),
                            input.subject(), input.html(), input.timeUnits(), input.historyType(), input.historyComment()));
            Map<String, Object> answer = new java.util.LinkedHashMap<>();
            answer.put("ArticleID", String.valueOf(created.articleId()));
            answer.put("TicketID", String.valueOf(created.ticketId()));
            answer.put("TicketNumber", created.ticketNumber());
            return answer;
        } catch (PermissionDenied e) {
            throw new GiError(op + ".AccessDenied", op + ": Can not create tickets in given Queue or QueueID!");
        } catch (InvalidInput e) {
            throw GiError.invalid(op, refusal(e));
        }
    }

    /**
     * A customer user's TicketCreate, as OTRS's customer interface opens a ticket: written by the
     * system user as the customer's web request (channel Internal, sender customer,
     * {@code WebRequestCustomer}), with the queue's auto reply.
     */
    private Map<String, Object> customerCreate(String op, GiCaller caller, CustomerUser customer, Map<String, Object> ticket,
            Named queue, Named type, Named state, Named priority, Named owner, Named responsible, ArticleInput input,
            List<NewAttachment> attachments) {
        if (lookups.stateType(state.id()).startsWith("pending")) {
            throw GiError.invalid(op, "Ticket->StateID or Ticket->State parameter is invalid! (customer users cannot set a pending state)");
        }
        String from = input.from() != null ? input.from() : customer.mailbox();
        String subject = input.subject();
        try {
            MailArrival arrival = tickets.createFromCustomer(
                    new InboundTicket(queue.id(), GiParams.text(ticket, "Title"), customer.login(), customerId(customer, ticket),
                            priority.name(), state.name(), type == null ? null : type.name(), owner == null ? null : owner.id(),
                            responsible == null ? null : responsible.id()),
                    new InboundMail(from, queue.name(), null, null, subject, input.body(),
                            input.html() == null ? null : articles.written(input.html()).document(), null, null, null,
                            attachments, null));
            autoResponses.respondToWebRequest(arrival.ticketId(), "auto reply", from, customer.email(), subject, input.body());
            Map<String, Object> answer = new java.util.LinkedHashMap<>();
            answer.put("ArticleID", String.valueOf(arrival.articleId()));
            answer.put("TicketID", String.valueOf(arrival.ticketId()));
            answer.put("TicketNumber", arrival.ticketNumber());
            return answer;
        } catch (InvalidInput e) {
            throw GiError.invalid(op, refusal(e));
        }
    }

    private static String customerId(CustomerUser customer, Map<String, Object> ticket) {
        String given = GiParams.text(ticket, "CustomerID");
        if (given != null) {
            return given;
        }
        return customer.customerId() == null || customer.customerId().isBlank() ? customer.email() : customer.customerId();
    }

    /** One transaction: every change and the article, or nothing. */
    @Transactional
    Map<String, Object> update(GiCaller caller, Map<String, Object> data) {
        String op = "TicketUpdate";
        String number = GiParams.text(data, "TicketNumber");
        String idText = GiParams.text(data, "TicketID");
        if (number == null && idText == null) {
            throw GiError.missing(op, "TicketID or TicketNumber is required!");
        }
        Long ticketId = number != null ? tickets.ticketIdByNumber(number).orElse(null)
                : idText.matches("\\d{1,18}") ? Long.valueOf(idText) : null;
        GiError noAccess = new GiError(op + ".AccessDenied", op + ": User does not have access to the ticket!");
        if (ticketId == null) {
            throw noAccess;
        }
        if (caller.customer() ? !reads.mayRead(caller, ticketId) : !tickets.canRead(caller.agentId(), ticketId)) {
            throw noAccess;
        }
        for (String optional : List.of("Ticket", "Article")) {
            if (data.get(optional) != null && !(data.get(optional) instanceof Map<?, ?> map && !map.isEmpty())) {
                throw GiError.invalid(op, optional + " parameter is not valid!");
            }
        }
        for (String optional : List.of("DynamicField", "Attachment")) {
            if (data.get(optional) != null && !GiParams.hashOrListWithData(data.get(optional))) {
                throw GiError.missing(op, optional + " parameter is missing or not valid!");
            }
        }
        Map<String, Object> ticket = GiParams.hash(data, "Ticket");
        if (caller.customer()) {
            return customerUpdate(op, caller, ticketId, ticket, data);
        }
        List<TicketAction> actions = new ArrayList<>();
        if (ticket != null) {
            String title = GiParams.text(ticket, "Title");
            String customerUser = GiParams.text(ticket, "CustomerUser");
            if (customerUser != null && customers.find(customerUser).filter(CustomerUser::valid).isEmpty()) {
                throw GiError.invalid(op, "Ticket->CustomerUser parameter is invalid!");
            }
            Named queue = optional(op, ticket, "QueueID", "Queue", lookups::queue, "Ticket->QueueID or Ticket->Queue");
            Named lock = optional(op, ticket, "LockID", "Lock", lookups::lock, "Ticket->LockID or Ticket->Lock");
            Named type = optional(op, ticket, "TypeID", "Type", lookups::type, "Ticket->TypeID or Ticket->Type");
            refuseServiceAndSla(op, ticket);
            Named state = optional(op, ticket, "StateID", "State", lookups::state, "Ticket->StateID or Ticket->State");
            Named priority = optional(op, ticket, "PriorityID", "Priority", lookups::priority,
                    "Ticket->PriorityID or Ticket->Priority");
            Named owner = optional(op, ticket, "OwnerID", "Owner", lookups::agent, "Ticket->OwnerID or Ticket->Owner");
            Named responsible = optional(op, ticket, "ResponsibleID", "Responsible", lookups::agent,
                    "Ticket->ResponsibleID or Ticket->Responsible");
            LocalDateTime pending = pendingTime(op, ticket);
            // OTRS's _TicketUpdate order: title, queue, lock, type, state, customer, priority, owner, responsible.
            if (title != null) {
                actions.add(new TicketAction.ChangeTitle(title));
            }
            if (queue != null) {
                actions.add(new TicketAction.MoveToQueue(queue.id()));
            }
            if (lock != null) {
                actions.add("lock".equals(lock.name()) ? new TicketAction.Lock() : new TicketAction.Unlock());
            }
            if (type != null) {
                actions.add(new TicketAction.ChangeType(type.name()));
            }
            if (state != null) {
                actions.add(new TicketAction.ChangeState(state.name(), pending));
            } else if (pending != null) {
                throw GiError.invalid(op, "Ticket->PendingTime parameter is invalid! (send it with a pending State)");
            }
            if (customerUser != null) {
                actions.add(new TicketAction.ChangeCustomer(customerUser, GiParams.text(ticket, "CustomerID")));
            }
            if (priority != null) {
                actions.add(new TicketAction.ChangePriority(priority.name()));
            }
            if (owner != null) {
                actions.add(new TicketAction.ChangeOwner(owner.id()));
            }
            if (responsible != null) {
                actions.add(new TicketAction.ChangeResponsible(responsible.id()));
            }
        }
        Map<String, Object> article = GiParams.hash(data, "Article");
        checkDynamicFields(op, data.get("DynamicField"));
        List<NewAttachment> attachments = attachments(op, data.get("Attachment"));
        if (article != null) {
            ArticleInput input = article(op, article, caller);
            if (input.channel() == Channel.PHONE) {
                if (!attachments.isEmpty() || input.html() != null) {
                    throw GiError.invalid(op, "Article->CommunicationChannel or Article->CommunicationChannelID parameter"
                            + " is invalid or not supported! (Jotrs stores phone calls on a ticket as plain text without attachments)");
                }
                actions.add(new TicketAction.AddPhoneCall(input.subject(), input.body(), input.sender() == SenderType.CUSTOMER,
                        input.timeUnits()));
            } else {
                actions.add(new TicketAction.AddNote(input.subject(), input.body(), input.visibleForCustomer(),
                        input.timeUnits(), attachments, input.html()));
            }
        } else if (!attachments.isEmpty()) {
            throw GiError.missing(op, "Article parameter is missing: attachments need an article!");
        }
        if (actions.isEmpty()) {
            return answer(ticketId, null);
        }
        try {
            tickets.applyTogether(caller.agentId(), ticketId, actions);
        } catch (NoSuchTicket e) {
            throw noAccess;
        } catch (PermissionDenied e) {
            throw new GiError(op + ".AccessDenied", op + ": " + e.getMessage());
        } catch (InvalidInput e) {
            throw GiError.invalid(op, refusal(e));
        }
        Long articleId = article == null ? null : newestArticle(ticketId);
        return answer(ticketId, articleId);
    }

    /**
     * A customer user's TicketUpdate: their answer on their own ticket, as the portal adds it (the
     * queue's follow-up option on a closed ticket: reopen, refuse, or a new ticket). Ticket fields
     * are the agents' to change.
     */
    private Map<String, Object> customerUpdate(String op, GiCaller caller, long ticketId, Map<String, Object> ticket,
            Map<String, Object> data) {
        if (ticket != null) {
            throw new GiError(op + ".AccessDenied", op + ": Customer users can only add an article, not change Ticket fields!");
        }
        Map<String, Object> article = GiParams.hash(data, "Article");
        checkDynamicFields(op, data.get("DynamicField"));
        List<NewAttachment> attachments = attachments(op, data.get("Attachment"));
        if (article == null) {
            if (!attachments.isEmpty()) {
                throw GiError.missing(op, "Article parameter is missing: attachments need an article!");
            }
            return answer(ticketId, null);
        }
        ArticleInput input = article(op, article, caller);
        CustomerUser customer = customers.find(caller.customerLogin()).orElseThrow(() -> new GiError(op + ".AuthFail",
                op + ": User could not be authenticated!"));
        var row = db.select(TICKET.TITLE, TICKET.QUEUE_ID, TICKET.CUSTOMER_USER_ID, TICKET.CUSTOMER_ID, QUEUE.NAME).from(TICKET)
                .join(QUEUE).on(QUEUE.ID.eq(TICKET.QUEUE_ID)).where(TICKET.ID.eq(ticketId)).fetchSingle();
        String from = input.from() != null ? input.from() : customer.mailbox();
        try {
            MailArrival arrival = tickets.addCustomerFollowUp(ticketId,
                    new InboundMail(from, row.value5(), null, null, input.subject(), input.body(),
                            input.html() == null ? null : articles.written(input.html()).document(), null, null, null,
                            attachments, null),
                    new InboundTicket(row.value2(), row.value1(), row.value3(), row.value4(), null, null, null, null, null));
            if (arrival.rejected()) {
                throw GiError.invalid(op, "The ticket is closed and its queue accepts no follow-ups!");
            }
            autoResponses.respondToWebRequest(arrival.ticketId(), arrival.newTicket() ? "auto reply/new ticket" : "auto follow up",
                    from, customer.email(), input.subject(), input.body());
            return answer(arrival.ticketId(), arrival.articleId());
        } catch (NoSuchTicket e) {
            throw new GiError(op + ".AccessDenied", op + ": User does not have access to the ticket!");
        } catch (InvalidInput e) {
            throw GiError.invalid(op, refusal(e));
        }
    }

    private Map<String, Object> answer(long ticketId, Long articleId) {
        Map<String, Object> answer = new java.util.LinkedHashMap<>();
        if (articleId != null) {
            answer.put("ArticleID", String.valueOf(articleId));
        }
        answer.put("TicketID", String.valueOf(ticketId));
        answer.put("TicketNumber", db.select(org.jotrs.platform.db.schema.Tables.TICKET.TN)
                .from(org.jotrs.platform.db.schema.Tables.TICKET)
                .where(org.jotrs.platform.db.schema.Tables.TICKET.ID.eq(ticketId)).fetchOne(0, String.class));
        return answer;
    }

    private Long newestArticle(long ticketId) {
        var article = org.jotrs.platform.db.schema.Tables.ARTICLE;
        return db.select(org.jooq.impl.DSL.max(article.ID)).from(article).where(article.TICKET_ID.eq(ticketId))
                .fetchOne(0, Long.class);
    }

    private static String refusal(RuntimeException e) {
        if (e instanceof InvalidInput invalid) {
            return String.join(" ", invalid.errors().values());
        }
        return e.getMessage();
    }

    /**
     * An article as the request describes it: the channel and sender (OTRS's defaults: Internal,
     * agent for agents and customer for customer users), the plain body (the text of an HTML body)
     * and the HTML as sent, or null.
     */
    private record ArticleInput(String subject, String body, String html, Channel channel, SenderType sender,
            boolean visibleForCustomer, BigDecimal timeUnits, String from, String historyType, String historyComment) {
    }

    /** OTRS 5's article types, as far as they name a channel and visibility Jotrs stores. */
    private static final Map<String, Channel> ARTICLE_TYPES = Map.of("phone", Channel.PHONE, "note-internal",
            Channel.INTERNAL, "note-external", Channel.INTERNAL, "note-report", Channel.INTERNAL, "webrequest",
            Channel.INTERNAL);

    /** OTRS's _CheckArticle, for the fields Jotrs stores. */
    private ArticleInput article(String op, Map<String, Object> article, GiCaller caller) {
        for (String needed : List.of("Subject", "Body")) {
            if (GiParams.text(article, needed) == null) {
                throw GiError.missing(op, "Article->" + needed + " parameter is missing!");
            }
        }
        String channelName = GiParams.text(article, "CommunicationChannel");
        String channelId = GiParams.text(article, "CommunicationChannelID");
        String articleType = GiParams.text(article, "ArticleType");
        Channel channel = Channel.INTERNAL;
        Boolean typeVisibility = null;
        if (channelName != null || channelId != null) {
            channel = channel(channelName, channelId);
            if (channel == null) {
                throw GiError.invalid(op, "Article->CommunicationChannel or Article->CommunicationChannelID parameter"
                        + " is invalid or not supported!");
            }
        } else if (articleType != null) {
            channel = ARTICLE_TYPES.get(articleType);
            if (channel == null) {
                throw GiError.invalid(op, "Article->ArticleTypeID or Article->ArticleType parameter is invalid!");
            }
            typeVisibility = !articleType.equals("note-internal");
        }
        if (caller.customer() && channel != Channel.INTERNAL) {
            // A customer user's article is their web request, as in OTRS's customer interface.
            throw GiError.invalid(op, "Article->CommunicationChannel or Article->CommunicationChannelID parameter"
                    + " is invalid or not supported!");
        }
        String senderName = GiParams.text(article, "SenderType");
        SenderType sender = caller.customer() ? SenderType.CUSTOMER : SenderType.AGENT;
        if (senderName != null) {
            sender = java.util.Arrays.stream(SenderType.values()).filter(t -> t.otrsName().equals(senderName)).findFirst()
                    .orElseThrow(() -> GiError.invalid(op, "Article->SenderTypeID or Ticket->SenderType parameter is invalid!"));
        }
        String from = GiParams.text(article, "From");
        if (from != null) {
            java.util.regex.Matcher angle = java.util.regex.Pattern.compile("<([^<>]+)>\\s*$").matcher(from);
            String address = angle.find() ? angle.group(1) : from;
            if (!MailAddressSyntax.isAddress(address.strip())) {
                throw GiError.invalid(op, "Article->From parameter is invalid!");
            }
        }
        String contentType = GiParams.text(article, "ContentType");
        String mimeType = GiParams.text(article, "MimeType");
        String charset = GiParams.text(article, "Charset");
        if (contentType == null && mimeType == null && charset == null) {
            throw GiError.missing(op, "Article->ContentType or Ticket->MimeType and Article->Charset parameters are required!");
        }
        if (mimeType != null && charset == null) {
            throw GiError.missing(op, "Article->Charset is required!");
        }
        if (charset != null && mimeType == null) {
            throw GiError.missing(op, "Article->MimeType is required!");
        }
        String effectiveMime;
        if (contentType != null) {
            effectiveMime = contentType.toLowerCase(Locale.ROOT).replaceAll(";.*", "").strip();
            if (!BODY_TYPES.contains(effectiveMime)) {
                throw GiError.invalid(op, "Article->ContentType is invalid!");
            }
        } else {
            effectiveMime = mimeType.toLowerCase(Locale.ROOT);
            if (!BODY_TYPES.contains(effectiveMime)) {
                throw GiError.invalid(op, "Article->MimeType is invalid!");
            }
        }
        String historyType = GiParams.text(article, "HistoryType");
        if (historyType != null && !db.fetchExists(db.selectOne().from(TICKET_HISTORY_TYPE)
                .where(TICKET_HISTORY_TYPE.NAME.eq(historyType)).and(TICKET_HISTORY_TYPE.VALID_ID.eq((short) 1)))) {
            throw GiError.invalid(op, "Article->HistoryType parameter is invalid!");
        }
        BigDecimal timeUnits = null;
        String timeUnit = GiParams.text(article, "TimeUnit");
        if (timeUnit != null) {
            if (!timeUnit.matches("-?\\d{1,7}(\\.\\d{1,2})?")) {
                throw GiError.invalid(op, "Article->TimeUnit parameter is invalid!");
            }
            if (caller.customer()) {
                throw GiError.invalid(op, "Article->TimeUnit parameter is invalid! (customer users account no time)");
            }
            timeUnits = new BigDecimal(timeUnit);
        }
        String body = GiParams.text(article, "Body");
        String html = null;
        if (effectiveMime.equals("text/html")) {
            // OTRS's HTML article: the text in a_body, the HTML (sanitised here) as the attachment file-2.
            html = body;
            body = articles.written(html).text();
            if (body.isBlank()) {
                throw GiError.missing(op, "Article->Body parameter is missing!");
            }
        }
        Object visible = article.get("IsVisibleForCustomer");
        boolean visibleForCustomer = visible == null ? typeVisibility == null || typeVisibility
                : GiParams.flag(article, "IsVisibleForCustomer");
        return new ArticleInput(GiParams.text(article, "Subject"), body, html, channel, sender, visibleForCustomer,
                timeUnits, from, historyType, GiParams.text(article, "HistoryComment"));
    }

    /** The channel of a CommunicationChannel name or id, among those Jotrs stores without sending (Internal, Phone). */
    private Channel channel(String name, String id) {
        String stored = name;
        if (stored == null) {
            Integer number = GiParams.id(id);
            stored = number == null ? null : db.select(COMMUNICATION_CHANNEL.NAME).from(COMMUNICATION_CHANNEL)
                    .where(COMMUNICATION_CHANNEL.ID.eq(number.longValue())).fetchOne(COMMUNICATION_CHANNEL.NAME);
        }
        if (Channel.INTERNAL.otrsName().equals(stored)) {
            return Channel.INTERNAL;
        }
        return Channel.PHONE.otrsName().equals(stored) ? Channel.PHONE : null;
    }

    private void checkLock(String op, Map<String, Object> ticket) {
        optional(op, ticket, "LockID", "Lock", lookups::lock, "Ticket->LockID or Ticket->Lock");
    }

    private static void refuseServiceAndSla(String op, Map<String, Object> ticket) {
        if (GiParams.text(ticket, "ServiceID") != null || GiParams.text(ticket, "Service") != null) {
            throw GiError.invalid(op, "Ticket->ServiceID or Ticket->Service parameter is invalid!");
        }
        if (GiParams.text(ticket, "SLAID") != null || GiParams.text(ticket, "SLA") != null) {
            throw GiError.invalid(op, "Ticket->SLAID or Ticket->SLA parameter is invalid!");
        }
    }

    private static Named optional(String op, Map<String, Object> ticket, String idKey, String nameKey,
            java.util.function.BiFunction<String, String, java.util.Optional<Named>> lookup, String what) {
        String id = GiParams.text(ticket, idKey);
        String name = GiParams.text(ticket, nameKey);
        if (id == null && name == null) {
            return null;
        }
        return lookup.apply(id, name).orElseThrow(() -> GiError.invalid(op, what + " parameter is invalid!"));
    }

    /** OTRS's PendingTime: a hash of Year, Month, Day, Hour, Minute (or Diff in minutes from now). */
    private static LocalDateTime pendingTime(String op, Map<String, Object> ticket) {
        Object value = ticket.get("PendingTime");
        if (value == null || value instanceof String text && text.isBlank()) {
            return null;
        }
        GiError invalid = GiError.invalid(op, "Ticket->PendingTime parameter is invalid!");
        if (!(value instanceof Map<?, ?>)) {
            throw invalid;
        }
        Map<String, Object> time = GiParams.hash(ticket, "PendingTime");
        String diff = GiParams.text(time, "Diff");
        if (diff != null) {
            if (!diff.matches("\\d{1,7}")) {
                throw invalid;
            }
            return LocalDateTime.now().withSecond(0).withNano(0).plusMinutes(Long.parseLong(diff));
        }
        try {
            return LocalDateTime.of(number(time, "Year", invalid), number(time, "Month", invalid), number(time, "Day", invalid),
                    number(time, "Hour", invalid), number(time, "Minute", invalid));
        } catch (DateTimeException e) {
            throw invalid;
        }
    }

    private static int number(Map<String, Object> time, String key, GiError invalid) {
        String text = GiParams.text(time, key);
        if (text == null || !text.matches("\\d{1,4}")) {
            throw invalid;
        }
        return Integer.parseInt(text);
    }

    /**
     * OTRS's _CheckDynamicField: Name and Value present, the name a valid field. Jotrs reads dynamic
     * fields but does not write them yet, so a valid one is refused too rather than silently dropped.
     */
    private void checkDynamicFields(String op, Object value) {
        if (value == null) {
            return;
        }
        for (Map<String, Object> field : GiParams.hashes(value)) {
            if (field == null) {
                throw GiError.invalid(op, "Ticket->DynamicField parameter is invalid!");
            }
            for (String needed : List.of("Name", "Value")) {
                if (field.get(needed) == null) {
                    throw GiError.missing(op, "DynamicField->" + needed + "  parameter is missing!");
                }
            }
            boolean known = db.fetchExists(db.selectOne().from(DYNAMIC_FIELD)
                    .where(DYNAMIC_FIELD.NAME.eq(String.valueOf(field.get("Name")))).and(DYNAMIC_FIELD.VALID_ID.eq((short) 1)));
            throw GiError.invalid(op, known ? "DynamicField->Name parameter is invalid! (Jotrs does not store dynamic field values yet)"
                    : "DynamicField->Name parameter is invalid!");
        }
    }

    /** OTRS's _CheckAttachment: Content (base64), ContentType and Filename; content that is not base64 is refused. */
    private static List<NewAttachment> attachments(String op, Object value) {
        List<NewAttachment> files = new ArrayList<>();
        if (value == null) {
            return files;
        }
        for (Map<String, Object> item : GiParams.hashes(value)) {
            if (item == null) {
                throw GiError.invalid(op, "Ticket->Attachment parameter is invalid!");
            }
            for (String needed : List.of("Content", "ContentType", "Filename")) {
                if (GiParams.text(item, needed) == null) {
                    throw GiError.missing(op, "Attachment->" + needed + "  parameter is missing!");
                }
            }
            String contentType = GiParams.text(item, "ContentType");
            if (!contentType.matches("(?i)[a-z0-9.+-]+/[a-z0-9.+-]+(\\s*;.*)?")) {
                throw GiError.invalid(op, "Attachment->ContentType is invalid!");
            }
            byte[] content;
            try {
                content = Base64.getDecoder().decode(GiParams.text(item, "Content").replaceAll("\\s", ""));
            } catch (IllegalArgumentException e) {
                throw GiError.invalid(op, "Attachment->Content parameter is invalid! (it is not base64)");
            }
            files.add(new NewAttachment(GiParams.text(item, "Filename"), contentType, content));
        }
        return files;
    }
}
