package org.jotrs.api.web;

import static org.jotrs.platform.Messages.t;

import java.net.URI;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jotrs.api.internal.ApiCaller;
import org.jotrs.article.Attachment;
import org.jotrs.article.NewAttachment;
import org.jotrs.customer.CustomerAccount;
import org.jotrs.customer.CustomerAccounts;
import org.jotrs.platform.InvalidInput;
import org.jotrs.platform.NoSuchEntry;
import org.jotrs.portal.CustomerTickets;
import org.jotrs.portal.NewCustomerTicket;
import org.jotrs.portal.NewTicketOptions;
import org.jotrs.portal.PortalTicket;
import org.jotrs.portal.PortalTicketQuery;
import org.jotrs.portal.SignedInCustomer;
import org.jotrs.queue.QueueService;
import org.jotrs.ticket.CustomerTicketAccess;
import org.jotrs.ticket.TicketService;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * {@code /api/v1} for a customer user's token: the portal's use cases through the portal's facade
 * ({@link CustomerTickets}), so the API shows a customer user nothing the portal would not: their
 * visible tickets (the ticket module's one rule, {@link CustomerTicketAccess}), the articles
 * visible to customers and their files, a new ticket, an answer. A ticket they may not see is
 * answered exactly as one that does not exist (404, the portal's words). Tickets are addressed by
 * id as for agents; the id is turned into the number the portal uses through the same rule.
 */
@Component
class CustomerApi {

    private final CustomerTickets portal;
    private final CustomerAccounts accounts;
    private final CustomerTicketAccess rule;
    private final TicketService tickets;
    private final QueueService queues;

    CustomerApi(CustomerTickets portal, CustomerAccounts accounts, CustomerTicketAccess rule, TicketService tickets,
            QueueService queues) {
        this.portal = portal;
        this.accounts = accounts;
        this.rule = rule;
        this.tickets = tickets;
        this.queues = queues;
    }

    /** The list query's parameters as the portal's lists take them. */
    record ListParameters(String scope, String status, String search, String sort, String order, int page) {
    }

    ApiJson.Page<ApiJson.CustomerTicketRow> list(ApiCaller caller, ListParameters p) {
        PortalTicketQuery query = new PortalTicketQuery(
                InvalidInput.choice("scope", p.scope(), PortalTicketQuery.Scope.class, PortalTicketQuery.Scope.MINE),
                InvalidInput.choice("status", p.status(), PortalTicketQuery.Status.class, PortalTicketQuery.Status.OPEN),
                p.search(),
                InvalidInput.choice("sort", p.sort(), PortalTicketQuery.Sort.class, PortalTicketQuery.Sort.CHANGED),
                InvalidInput.choice("order", p.order(), TicketsApi.Order.class, TicketsApi.Order.DESC) == TicketsApi.Order.DESC,
                p.page());
        return ApiJson.Page.of(portal.list(customer(caller), query), ApiJson.CustomerTicketRow::of);
    }

    ApiJson.CustomerTicket get(ApiCaller caller, long ticketId) {
        return ApiJson.CustomerTicket.of(ticketId, ticket(caller, ticketId));
    }

    List<ApiJson.CustomerArticle> articles(ApiCaller caller, long ticketId) {
        return ticket(caller, ticketId).articles().stream().map(ApiJson.CustomerArticle::of).toList();
    }

    ApiJson.CustomerArticle article(ApiCaller caller, long ticketId, long articleId) {
        return ticket(caller, ticketId).articles().stream().filter(a -> a.id() == articleId).findFirst()
                .map(ApiJson.CustomerArticle::of).orElseThrow(CustomerApi::notFound);
    }

    Attachment attachment(ApiCaller caller, long ticketId, long articleId, int fileId) {
        return portal.attachment(customer(caller), number(caller, ticketId), articleId, fileId);
    }

    /** A new ticket as the portal opens it; fields only agents set are refused by name. */
    ResponseEntity<ApiJson.Created> create(ApiCaller caller, ApiRequests.NewTicket request) {
        InvalidInput.Collector errors = new InvalidInput.Collector();
        agentOnly(errors, "customerUser", request.customerUser() != null);
        agentOnly(errors, "state", request.state() != null);
        agentOnly(errors, "pendingUntil", request.pendingUntil() != null);
        agentOnly(errors, "ownerId", request.ownerId() != null);
        agentOnly(errors, "responsibleId", request.responsibleId() != null);
        Integer queueId = ApiRequests.queue(queues, request.queueId(), request.queue(), "queue", errors);
        if (request.queueId() == null && request.queue() == null) {
            errors.add("queueId", "Choose the queue: queueId, or queue by its full name.");
        }
        if (request.article() == null) {
            errors.add("article", "A ticket starts with an article: send article.body.");
        }
        List<NewAttachment> files = ApiRequests.attachments(request.article() == null ? null : request.article().attachments(),
                "article.attachments", errors);
        SignedInCustomer customer = customer(caller);
        NewTicketOptions options = portal.newTicketOptions(customer);
        if (request.priority() != null && options.priorities().isEmpty()) {
            errors.add("priority", "Customer users do not choose the priority here (the portal's setting"
                    + " portal.new-ticket.priority-choice); leave it out.");
        }
        if (request.type() != null && options.types().isEmpty()) {
            errors.add("type", "Customer users do not choose the type here (the portal's setting"
                    + " portal.new-ticket.type-choice); leave it out.");
        }
        errors.throwIfAny();
        String number;
        try {
            number = portal.create(customer, new NewCustomerTicket(queueId, request.title(), request.article().body(), null,
                    request.type(), request.priority(), null, files));
        } catch (InvalidInput refused) {
            throw renamed(refused, Map.of("subject", "title", "body", "article.body", "attachments", "article.attachments"));
        }
        long ticketId = tickets.ticketIdByNumber(number).orElseThrow();
        long articleId = portal.ticket(customer, number).articles().getFirst().id();
        return ResponseEntity.created(URI.create("/api/v1/tickets/" + ticketId))
                .body(new ApiJson.Created(ticketId, number, articleId));
    }

    /**
     * The customer user's answer, as the portal takes it: plain text and files; the queue's
     * follow-up option decides whether it goes to this ticket, is refused or opens a new one (the
     * answer's address names the ticket it went to).
     */
    ResponseEntity<ApiJson.CustomerArticle> reply(ApiCaller caller, long ticketId, ApiRequests.NewArticleOnTicket request) {
        SignedInCustomer customer = customer(caller);
        String number = number(caller, ticketId);
        InvalidInput.Collector errors = new InvalidInput.Collector();
        String kind = request.kind() == null ? "reply" : request.kind().strip().toLowerCase(Locale.ROOT);
        if (!kind.equals("reply")) {
            errors.add("kind", "A customer user adds answers only: kind reply (or leave it out).");
        }
        agentOnly(errors, "subject", request.subject() != null);
        agentOnly(errors, "visibleForCustomer", request.visibleForCustomer() != null);
        agentOnly(errors, "fromCustomer", request.fromCustomer() != null);
        agentOnly(errors, "inReplyTo", request.inReplyTo() != null);
        agentOnly(errors, "to", request.to() != null);
        agentOnly(errors, "cc", request.cc() != null);
        agentOnly(errors, "bcc", request.bcc() != null);
        agentOnly(errors, "timeUnits", request.timeUnits() != null);
        List<NewAttachment> files = ApiRequests.attachments(request.attachments(), "attachments", errors);
        errors.throwIfAny();
        String answered = portal.reply(customer, number, request.body(), null, files);
        long answeredId = answered.equals(number) ? ticketId : tickets.ticketIdByNumber(answered).orElseThrow();
        PortalTicket.Article added = portal.ticket(customer, answered).articles().stream()
                .filter(PortalTicket.Article::fromCustomer).max(Comparator.comparingLong(PortalTicket.Article::id))
                .orElseThrow(() -> new IllegalStateException("The answer on ticket " + answered + " is not there"));
        return ResponseEntity.created(URI.create("/api/v1/tickets/" + answeredId + "/articles/" + added.id()))
                .body(ApiJson.CustomerArticle.of(added));
    }

    private PortalTicket ticket(ApiCaller caller, long ticketId) {
        return portal.ticket(customer(caller), number(caller, ticketId));
    }

    /** The number of a ticket the customer user may see; else the 404 of a ticket that does not exist. */
    private String number(ApiCaller caller, long ticketId) {
        return rule.visibleNumber(caller.customerLogin(), ticketId).orElseThrow(CustomerApi::notFound);
    }

    private SignedInCustomer customer(ApiCaller caller) {
        CustomerAccount account = accounts.account(caller.customerLogin()).filter(CustomerAccount::valid)
                .orElseThrow(CustomerApi::notFound);
        return new SignedInCustomer(account.login(), account.customerId(), account.fullName(), account.email());
    }

    /** The portal's answer for a ticket that is not there (or not the customer's, the same words). */
    static NoSuchEntry notFound() {
        return new NoSuchEntry(t("portal.ticket.not-found"));
    }

    private static void agentOnly(InvalidInput.Collector errors, String field, boolean given) {
        if (given) {
            errors.add(field, "Only agents set " + field + "; leave it out with a customer user's token.");
        }
    }

    /** The portal's refusal with the API's field names. */
    private static InvalidInput renamed(InvalidInput refused, Map<String, String> names) {
        Map<String, String> errors = new LinkedHashMap<>();
        refused.errors().forEach((field, message) -> errors.put(names.getOrDefault(field, field), message));
        return new InvalidInput(errors);
    }
}
