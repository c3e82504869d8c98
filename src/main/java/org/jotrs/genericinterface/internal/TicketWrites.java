package org.jotrs.genericinterface.internal;

import static org.jotrs.platform.db.schema.Tables.DYNAMIC_FIELD;
import static org.jotrs.platform.db.schema.Tables.QUEUE;

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
import org.jotrs.article.NewAttachment;
import org.jotrs.customer.CustomerDirectory;
import org.jotrs.customer.CustomerUser;
import org.jotrs.genericinterface.internal.GiLookups.Named;
import org.jotrs.platform.InvalidInput;
import org.jotrs.ticket.CreatedTicket;
import org.jotrs.ticket.NewPhoneTicket;
import org.jotrs.ticket.NoSuchTicket;
import org.jotrs.ticket.TicketAction;
import org.jotrs.ticket.TicketService;
import org.jsoup.Jsoup;
import org.springframework.stereotype.Component;

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

    TicketWrites(TicketService tickets, CustomerDirectory customers, GiLookups lookups, DSLContext db,
            AccessService access) {
        this.access = access;
        this.tickets = tickets;
        this.customers = customers;
        this.lookups = lookups;
        this.db = db;
    }

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
        if (caller.customer()) {
            throw new GiError(op + ".AccessDenied",
                    op + ": Jotrs does not open tickets for customer users through the GenericInterface yet; use an agent login.");
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
        // OTRS's CheckCreatePermissions: create on the queue's group, before the article is looked at.
        Integer groupId = db.select(QUEUE.GROUP_ID).from(QUEUE).where(QUEUE.ID.eq(queue.id())).fetchOne(QUEUE.GROUP_ID);
        if (groupId == null || !access.permissionsOn(caller.agentId(), groupId).contains(Permission.CREATE)) {
            throw new GiError(op + ".AccessDenied", op + ": Can not create tickets in given Queue or QueueID!");
        }
        ArticleInput input = article(op, article);
        checkDynamicFields(op, data.get("DynamicField"));
        List<NewAttachment> attachments = attachments(op, data.get("Attachment"));
        try {
            CreatedTicket created = tickets.createPhoneTicket(caller.agentId(), new NewPhoneTicket(queue.id(),
                    customer.login(), GiParams.text(ticket, "Title"), input.body(), priority.name(), state.name(), pending,
                    attachments, type == null ? null : type.name(), owner == null ? null : owner.id(),
                    responsible == null ? null : responsible.id()));
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
        if (caller.customer()) {
            throw new GiError(op + ".AccessDenied",
                    op + ": Jotrs does not change tickets for customer users through the GenericInterface yet; use an agent login.");
        }
        if (!tickets.canRead(caller.agentId(), ticketId)) {
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
            ArticleInput input = article(op, article);
            actions.add(new TicketAction.AddNote(GiParams.text(article, "Subject"), input.body(), input.visibleForCustomer(),
                    input.timeUnits(), attachments));
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

    private record ArticleInput(String body, boolean visibleForCustomer, BigDecimal timeUnits) {
    }

    /** OTRS's _CheckArticle, for the fields Jotrs stores. */
    private ArticleInput article(String op, Map<String, Object> article) {
        for (String needed : List.of("Subject", "Body")) {
            if (GiParams.text(article, needed) == null) {
                throw GiError.missing(op, "Article->" + needed + " parameter is missing!");
            }
        }
        String channel = GiParams.text(article, "CommunicationChannel");
        if (channel != null && !channel.equals("Internal") && !channel.equals("Phone")) {
            throw GiError.invalid(op, "Article->CommunicationChannel or Article->CommunicationChannelID parameter"
                    + " is invalid or not supported!");
        }
        String senderType = GiParams.text(article, "SenderType");
        if (senderType != null && !List.of("agent", "customer", "system").contains(senderType)) {
            throw GiError.invalid(op, "Article->SenderTypeID or Ticket->SenderType parameter is invalid!");
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
        BigDecimal timeUnits = null;
        String timeUnit = GiParams.text(article, "TimeUnit");
        if (timeUnit != null) {
            if (!timeUnit.matches("-?\\d{1,7}(\\.\\d{1,2})?")) {
                throw GiError.invalid(op, "Article->TimeUnit parameter is invalid!");
            }
            timeUnits = new BigDecimal(timeUnit);
        }
        String body = GiParams.text(article, "Body");
        if (effectiveMime.equals("text/html")) {
            body = Jsoup.parse(body).wholeText().strip();
        }
        Object visible = article.get("IsVisibleForCustomer");
        boolean visibleForCustomer = visible == null || GiParams.flag(article, "IsVisibleForCustomer");
        return new ArticleInput(body, visibleForCustomer, timeUnits);
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
