package org.jotrs.api.web;

import static org.jotrs.platform.Messages.t;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

import org.jotrs.api.internal.ApiCaller;
import org.jotrs.platform.InvalidInput;
import org.jotrs.queue.QueueService;
import org.jotrs.ticket.CreatedTicket;
import org.jotrs.ticket.NewPhoneTicket;
import org.jotrs.ticket.TicketAction;
import org.jotrs.ticket.TicketChangedMeanwhile;
import org.jotrs.ticket.TicketDetails;
import org.jotrs.ticket.TicketFieldsEdit;
import org.jotrs.ticket.TicketFieldsEdit.Edit;
import org.jotrs.ticket.TicketList;
import org.jotrs.ticket.TicketListQuery;
import org.jotrs.ticket.TicketService;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * Tickets over /api/v1, through {@link TicketService} and its permission checks: create (a phone
 * ticket with its first article and files), read, list (the agent views' filters and sorting),
 * change fields under {@code If-Match}, merge and link.
 */
@RestController
@RequestMapping(path = "/api/v1/tickets", produces = MediaType.APPLICATION_JSON_VALUE)
class TicketsApi {

    private final TicketService tickets;
    private final QueueService queues;
    private final TransactionTemplate transactions;
    private final CustomerApi customers;

    TicketsApi(TicketService tickets, QueueService queues, TransactionTemplate transactions, CustomerApi customers) {
        this.tickets = tickets;
        this.queues = queues;
        this.transactions = transactions;
        this.customers = customers;
    }

    /**
     * A new ticket. With a customer user's token it is opened as the portal opens it (for them, in
     * a queue the portal offers them; {@code customerUser}, {@code state}, {@code pendingUntil},
     * owner and responsible are refused).
     */
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<ApiJson.Created> create(@RequestAttribute(ApiCaller.ATTRIBUTE) ApiCaller caller,
            @RequestBody ApiRequests.NewTicket request) {
        if (caller.customer()) {
            return customers.create(caller, request);
        }
        InvalidInput.Collector errors = new InvalidInput.Collector();
        Integer queueId = ApiRequests.queue(queues, request.queueId(), request.queue(), "queue", errors);
        if (request.queueId() == null && request.queue() == null) {
            errors.add("queueId", t("api.error.choose-queue"));
        }
        if (request.article() == null) {
            errors.add("article", t("api.error.need-article"));
        }
        var attachments = ApiRequests.attachments(request.article() == null ? null : request.article().attachments(),
                "article.attachments", errors);
        errors.throwIfAny();
        CreatedTicket created = tickets.createPhoneTicket(caller.agentId(), new NewPhoneTicket(queueId,
                request.customerUser(), request.title(), request.article().body(), request.priority(), request.state(),
                request.pendingUntil(), attachments, request.type(), request.ownerId(), request.responsibleId()));
        return ResponseEntity.created(URI.create("/api/v1/tickets/" + created.ticketId()))
                .body(new ApiJson.Created(created.ticketId(), created.ticketNumber(), created.articleId()));
    }

    /** The ticket (with its ETag); with a customer user's token as the portal shows it ({@code CustomerTicket}). */
    @GetMapping("/{ticketId}")
    @ApiResponse(responseCode = "200", description = "An agent's view (Ticket) or a customer user's (CustomerTicket)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                    schema = @Schema(oneOf = {ApiJson.Ticket.class, ApiJson.CustomerTicket.class})))
    ResponseEntity<?> get(@RequestAttribute(ApiCaller.ATTRIBUTE) ApiCaller caller, @PathVariable long ticketId) {
        if (caller.customer()) {
            return ResponseEntity.ok(customers.get(caller, ticketId));
        }
        return agentView(caller, ticketId);
    }

    private ResponseEntity<ApiJson.Ticket> agentView(ApiCaller caller, long ticketId) {
        TicketDetails ticket = tickets.details(caller.agentId(), ticketId);
        return ResponseEntity.ok().eTag(etag(ticket)).body(ApiJson.Ticket.of(ticket));
    }

    /**
     * A page of one of the agent views ({@code queue}, {@code status}, {@code locked},
     * {@code responsible}, {@code watched}) with the views' filters and sort columns. With a
     * customer user's token, a page of the portal's lists instead: {@code scope} ({@code mine} or
     * {@code company}), {@code status} ({@code open}, {@code closed}, {@code all}), {@code search},
     * {@code sort} ({@code changed}, {@code created}, {@code number}, {@code title}, {@code state});
     * each side's parameters are refused on the other.
     */
    @GetMapping
    @ApiResponse(responseCode = "200", description = "Rows of an agent view (TicketRowPage) or of a customer user's list"
            + " (CustomerTicketRowPage)", content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                    schema = @Schema(oneOf = {ApiJson.TicketRowPage.class, ApiJson.CustomerTicketRowPage.class})))
    ApiJson.Page<?> list(@RequestAttribute(ApiCaller.ATTRIBUTE) ApiCaller caller,
            @RequestParam(required = false) String view, @RequestParam(required = false) Integer queueId,
            @RequestParam(required = false) String states, @RequestParam(required = false) String state,
            @RequestParam(required = false) String priority, @RequestParam(required = false) Integer ownerId,
            @RequestParam(required = false) String age, @RequestParam(required = false) String sort,
            @RequestParam(required = false) String order, @RequestParam(defaultValue = "0") int page,
            @RequestParam(required = false) String scope, @RequestParam(required = false) String status,
            @RequestParam(required = false) String search) {
        InvalidInput.Collector wrongSide = new InvalidInput.Collector();
        String side = caller.customer() ? "agents'" : "customer users'";
        java.util.Map<String, Object> others = new java.util.LinkedHashMap<>();
        if (caller.customer()) {
            others.put("view", view);
            others.put("queueId", queueId);
            others.put("states", states);
            others.put("state", state);
            others.put("priority", priority);
            others.put("ownerId", ownerId);
            others.put("age", age);
        } else {
            others.put("scope", scope);
            others.put("status", status);
            others.put("search", search);
        }
        others.forEach((name, value) -> {
            if (value != null) {
                wrongSide.add(name, name + " is a parameter of the " + side + " list; leave it out with this token.");
            }
        });
        wrongSide.throwIfAny();
        if (caller.customer()) {
            return customers.list(caller, new CustomerApi.ListParameters(scope, status, search, sort, order, page));
        }
        boolean descending = InvalidInput.choice("order", order, Order.class, Order.DESC) == Order.DESC;
        TicketList list = tickets.list(caller.agentId(), new TicketListQuery(
                InvalidInput.choice("view", view, TicketListQuery.View.class, TicketListQuery.View.STATUS), queueId,
                InvalidInput.choice("states", states, TicketListQuery.StateFilter.class, TicketListQuery.StateFilter.NOT_CLOSED),
                InvalidInput.clean(state), InvalidInput.clean(priority), ownerId,
                InvalidInput.choice("age", age, TicketListQuery.Age.class, TicketListQuery.Age.ANY),
                InvalidInput.choice("sort", sort, TicketListQuery.Sort.class, TicketListQuery.Sort.CREATED), descending,
                page));
        return ApiJson.Page.of(list.page(), ApiJson.TicketRow::of);
    }

    enum Order {
        ASC, DESC
    }

    /**
     * Changes fields of the ticket. {@code If-Match} with the ETag of the ticket as last read is
     * required: when the ticket changed since, the answer is 412 and nothing is written. A field
     * someone else changed between this read and the write is refused the same way (the ticket
     * facade compares each changed field with the value read, under the row lock).
     */
    @PatchMapping(path = "/{ticketId}", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<ApiJson.Ticket> change(@RequestAttribute(ApiCaller.ATTRIBUTE) ApiCaller caller,
            @PathVariable long ticketId, @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @RequestBody ApiRequests.TicketChange change) {
        TicketDetails seen = tickets.details(caller.agentId(), ticketId);
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new ResponseStatusException(HttpStatus.PRECONDITION_REQUIRED, t("api.error.if-match-missing",
                    String.valueOf(ticketId)));
        }
        if (!matches(ifMatch, etag(seen))) {
            throw stale(ticketId);
        }
        InvalidInput.Collector errors = new InvalidInput.Collector();
        Integer queueId = ApiRequests.queue(queues, change.queueId(), change.queue(), "queue", errors);
        TicketAction lockAction = null;
        if (change.lock() != null) {
            switch (change.lock().strip()) {
                case "lock" -> lockAction = seen.locked() ? null : new TicketAction.Lock();
                case "unlock" -> lockAction = seen.locked() ? new TicketAction.Unlock() : null;
                default -> errors.add("lock", "'" + ApiRequests.shown(change.lock()) + "' is not a valid lock; choose lock or unlock.");
            }
        }
        errors.throwIfAny();
        TicketFieldsEdit edit = new TicketFieldsEdit(
                edit(seen.title(), change.title()), edit(seen.type(), change.type()),
                edit(seen.customerUser(), change.customerUser()), edit(seen.customerId(), change.customerId()),
                edit(seen.priority(), change.priority()), edit(seen.state(), change.state()),
                edit(seen.pendingUntil(), change.pendingUntil()), edit(seen.queueId(), queueId),
                edit(seen.ownerId(), change.ownerId()), edit(seen.responsibleId(), change.responsibleId()));
        // The fields and the lock in one transaction: a lock that is refused leaves the fields unchanged.
        TicketAction lock = lockAction;
        try {
            transactions.executeWithoutResult(status -> {
                tickets.changeFields(caller.agentId(), ticketId, edit);
                if (lock != null) {
                    tickets.apply(caller.agentId(), ticketId, lock);
                }
            });
        } catch (TicketChangedMeanwhile meanwhile) {
            throw new ResponseStatusException(HttpStatus.PRECONDITION_FAILED, String.join(" ", meanwhile.errors().values()));
        }
        return agentView(caller, ticketId);
    }

    /** Merges the ticket into the one numbered {@code into}, OTRS's way. */
    @PostMapping(path = "/{ticketId}/merge", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<ApiJson.Ticket> merge(@RequestAttribute(ApiCaller.ATTRIBUTE) ApiCaller caller,
            @PathVariable long ticketId, @RequestBody ApiRequests.Merge merge) {
        if (merge.into() == null || merge.into().isBlank()) {
            throw InvalidInput.of("into", t("api.error.merge-into"));
        }
        tickets.apply(caller.agentId(), ticketId, new TicketAction.MergeInto(merge.into().strip()));
        return agentView(caller, ticketId);
    }

    /** Links the ticket to the one numbered {@code ticketNumber}: {@code normal} or {@code parent-child} (this one the parent). */
    @PostMapping(path = "/{ticketId}/links", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<ApiJson.Ticket> link(@RequestAttribute(ApiCaller.ATTRIBUTE) ApiCaller caller,
            @PathVariable long ticketId, @RequestBody ApiRequests.Link link) {
        if (link.ticketNumber() == null || link.ticketNumber().isBlank()) {
            throw InvalidInput.of("ticketNumber", t("api.error.link-to"));
        }
        TicketAction.LinkType type = InvalidInput.choice("type", link.type(), TicketAction.LinkType.class,
                TicketAction.LinkType.NORMAL);
        tickets.apply(caller.agentId(), ticketId, new TicketAction.LinkTo(link.ticketNumber().strip(), type));
        return agentView(caller, ticketId);
    }

    /** Removes every link between the ticket and another. */
    @DeleteMapping("/{ticketId}/links/{otherTicketId}")
    ResponseEntity<ApiJson.Ticket> unlink(@RequestAttribute(ApiCaller.ATTRIBUTE) ApiCaller caller,
            @PathVariable long ticketId, @PathVariable long otherTicketId) {
        tickets.apply(caller.agentId(), ticketId, new TicketAction.Unlink(otherTicketId));
        return agentView(caller, ticketId);
    }

    @GetMapping("/{ticketId}/history")
    List<ApiJson.History> history(@RequestAttribute(ApiCaller.ATTRIBUTE) ApiCaller caller, @PathVariable long ticketId) {
        return tickets.details(caller.agentId(), ticketId).history().stream().map(ApiJson.History::of).toList();
    }

    private static <T> Edit<T> edit(T seen, T wanted) {
        return new Edit<>(seen, wanted == null ? seen : wanted);
    }

    private static ResponseStatusException stale(long ticketId) {
        return new ResponseStatusException(HttpStatus.PRECONDITION_FAILED, t("api.error.if-match-stale",
                String.valueOf(ticketId)));
    }

    private static boolean matches(String ifMatch, String etag) {
        for (String candidate : ifMatch.split(",")) {
            String tag = candidate.strip();
            if (tag.equals("*") || tag.equals(etag) || tag.equals("W/" + etag)) {
                return true;
            }
        }
        return false;
    }

    /**
     * A strong ETag over what a change may overwrite: the fields, the lock and the change time
     * (which any article or action moves on). The fields are part of it because OTRS's change time
     * has whole seconds.
     */
    static String etag(TicketDetails t) {
        List<Object> parts = new ArrayList<>(List.of(t.id(), Objects.toString(t.title()), t.queueId(),
                Objects.toString(t.state()), Objects.toString(t.priority()), Objects.toString(t.type()),
                Objects.toString(t.lock()), t.ownerId(), t.responsibleId(), Objects.toString(t.customerUser()),
                Objects.toString(t.customerId()), Objects.toString(t.pendingUntil()), Objects.toString(t.changed()),
                t.articles().size()));
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(parts.toString().getBytes(StandardCharsets.UTF_8));
            return "\"" + HexFormat.of().formatHex(digest, 0, 12) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
