package org.jotrs.api.web;

import static org.jotrs.platform.Messages.t;

import java.math.BigDecimal;
import java.net.URI;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import org.jotrs.api.internal.ApiCaller;
import org.jotrs.article.ArticleView;
import org.jotrs.article.Attachment;
import org.jotrs.article.NewAttachment;
import org.jotrs.platform.InvalidInput;
import org.jotrs.platform.NoSuchEntry;
import org.jotrs.ticket.TicketAction;
import org.jotrs.ticket.TicketService;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A ticket's articles over /api/v1: list, read, add a note, a phone call, a reply or a forward
 * (mails are stored and queued in the outbox in the same transaction, as from the zoom), and
 * download their attachments. New files are uploaded with the article they belong to (base64).
 */
@RestController
@RequestMapping(path = "/api/v1/tickets/{ticketId}/articles", produces = MediaType.APPLICATION_JSON_VALUE)
class ArticlesApi {

    private final TicketService tickets;
    private final CustomerApi customers;

    ArticlesApi(TicketService tickets, CustomerApi customers) {
        this.tickets = tickets;
        this.customers = customers;
    }

    /** The ticket's articles; with a customer user's token only those visible to customers ({@code CustomerArticle}). */
    @GetMapping
    @ApiResponse(responseCode = "200", description = "An agent's articles (Article) or a customer user's (CustomerArticle)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, array = @ArraySchema(
                    schema = @Schema(oneOf = {ApiJson.Article.class, ApiJson.CustomerArticle.class}))))
    List<?> list(@RequestAttribute(ApiCaller.ATTRIBUTE) ApiCaller caller, @PathVariable long ticketId) {
        if (caller.customer()) {
            return customers.articles(caller, ticketId);
        }
        return tickets.details(caller.agentId(), ticketId).articles().stream().map(ApiJson.Article::of).toList();
    }

    /** One article; an internal note is not there for a customer user's token (404, as a missing one). */
    @GetMapping("/{articleId}")
    @ApiResponse(responseCode = "200", description = "An agent's article (Article) or a customer user's (CustomerArticle)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                    schema = @Schema(oneOf = {ApiJson.Article.class, ApiJson.CustomerArticle.class})))
    Object get(@RequestAttribute(ApiCaller.ATTRIBUTE) ApiCaller caller, @PathVariable long ticketId,
            @PathVariable long articleId) {
        if (caller.customer()) {
            return customers.article(caller, ticketId, articleId);
        }
        return ApiJson.Article.of(article(caller, ticketId, articleId));
    }

    @GetMapping(path = "/{articleId}/attachments/{fileId}", produces = MediaType.ALL_VALUE)
    ResponseEntity<byte[]> attachment(@RequestAttribute(ApiCaller.ATTRIBUTE) ApiCaller caller, @PathVariable long ticketId,
            @PathVariable long articleId, @PathVariable int fileId) {
        Attachment file = caller.customer() ? customers.attachment(caller, ticketId, articleId, fileId)
                : tickets.attachment(caller.agentId(), ticketId, articleId, fileId);
        MediaType type;
        try {
            type = file.info().contentType() == null ? MediaType.APPLICATION_OCTET_STREAM
                    : MediaType.parseMediaType(file.info().contentType());
        } catch (org.springframework.http.InvalidMediaTypeException e) {
            type = MediaType.APPLICATION_OCTET_STREAM;
        }
        return ResponseEntity.ok().contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(file.info().filename(), java.nio.charset.StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .body(file.content());
    }

    /**
     * Adds an article; the answer is the new article (201) with its address. A customer user's
     * token adds their answer as the portal does ({@code kind} reply or left out, {@code body},
     * {@code attachments}; the queue's follow-up option applies to a closed ticket, so the answer
     * may open a new ticket, which its address names).
     */
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @ApiResponse(responseCode = "201", description = "The new article: an agent's (Article) or a customer user's answer"
            + " (CustomerArticle)", content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                    schema = @Schema(oneOf = {ApiJson.Article.class, ApiJson.CustomerArticle.class})))
    ResponseEntity<?> add(@RequestAttribute(ApiCaller.ATTRIBUTE) ApiCaller caller,
            @PathVariable long ticketId, @RequestBody ApiRequests.NewArticleOnTicket request) {
        if (caller.customer()) {
            return customers.reply(caller, ticketId, request);
        }
        InvalidInput.Collector errors = new InvalidInput.Collector();
        List<NewAttachment> files = ApiRequests.attachments(request.attachments(), "attachments", errors);
        String kind = request.kind() == null ? "" : request.kind().strip().toLowerCase(Locale.ROOT);
        BigDecimal time = request.timeUnits();
        TicketAction action = switch (kind) {
            case "note" -> new TicketAction.AddNote(request.subject(), request.body(),
                    Boolean.TRUE.equals(request.visibleForCustomer()), time, files);
            case "phone" -> {
                if (!files.isEmpty()) {
                    errors.add("attachments", t("api.error.phone-attachments"));
                }
                yield new TicketAction.AddPhoneCall(request.subject(), request.body(),
                        !Boolean.FALSE.equals(request.fromCustomer()), time);
            }
            case "reply", "forward" -> new TicketAction.SendMail(kind.equals("reply") ? TicketAction.MailKind.REPLY
                    : TicketAction.MailKind.FORWARD, request.inReplyTo(), request.to(), request.cc(), request.bcc(),
                    request.subject(), request.body(), time, files);
            default -> {
                errors.add("kind", request.kind() == null ? t("api.error.choose-kind")
                        : t("api.error.unknown-kind", ApiRequests.shown(request.kind())));
                yield null;
            }
        };
        errors.throwIfAny();
        long before = newest(caller, ticketId);
        tickets.apply(caller.agentId(), ticketId, action);
        ArticleView added = tickets.details(caller.agentId(), ticketId).articles().stream()
                .filter(article -> article.id() > before).max(Comparator.comparingLong(ArticleView::id))
                .orElseThrow(() -> new IllegalStateException("The new article of ticket " + ticketId + " is not there"));
        return ResponseEntity.created(URI.create("/api/v1/tickets/" + ticketId + "/articles/" + added.id()))
                .body(ApiJson.Article.of(added));
    }

    private long newest(ApiCaller caller, long ticketId) {
        return tickets.details(caller.agentId(), ticketId).articles().stream().mapToLong(ArticleView::id).max().orElse(0);
    }

    private ArticleView article(ApiCaller caller, long ticketId, long articleId) {
        return tickets.details(caller.agentId(), ticketId).articles().stream().filter(a -> a.id() == articleId)
                .findFirst().orElseThrow(() -> new NoSuchEntry("not-found.article", String.valueOf(articleId), String.valueOf(ticketId)));
    }
}
