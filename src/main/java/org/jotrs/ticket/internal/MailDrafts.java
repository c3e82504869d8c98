package org.jotrs.ticket.internal;

import static org.jotrs.platform.db.schema.Tables.USERS;

import java.util.List;
import java.util.Optional;

import org.jooq.DSLContext;
import org.jotrs.access.Permission;
import org.jotrs.article.ArticleService;
import org.jotrs.article.ArticleView;
import org.jotrs.article.SenderType;
import org.jotrs.customer.CustomerDirectory;
import org.jotrs.customer.CustomerUser;
import org.jotrs.queue.PlaceholderValues;
import org.jotrs.queue.QueueService;
import org.jotrs.queue.ResponseTexts;
import org.jotrs.ticket.InvalidTicketRequest;
import org.jotrs.ticket.MailDraft;
import org.jotrs.ticket.TicketAction.MailKind;
import org.jotrs.ticket.internal.TicketRows.Current;
import org.jotrs.ticket.internal.TicketSubjects.Kind;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Prepares the compose and forward forms the way OTRS does: a reply goes to the customer (or to
 * the sender of the answered customer article) with the article quoted line by line; a forward
 * has no recipient yet and encloses the article between OTRS's forward markers.
 */
@Component
class MailDrafts {

    private static final java.time.format.DateTimeFormatter QUOTE_TIME = java.time.format.DateTimeFormatter
            .ofPattern("yyyy-MM-dd HH:mm");

    private final ArticleService articles;
    private final CustomerDirectory customers;
    private final QueueService queues;
    private final TicketRows rows;
    private final TicketSubjects subjects;
    private final ResponseTexts texts;
    private final DSLContext db;

    MailDrafts(ArticleService articles, CustomerDirectory customers, QueueService queues, TicketRows rows,
            TicketSubjects subjects, ResponseTexts texts, DSLContext db) {
        this.texts = texts;
        this.db = db;
        this.articles = articles;
        this.customers = customers;
        this.queues = queues;
        this.rows = rows;
        this.subjects = subjects;
    }

    @Transactional(readOnly = true)
    MailDraft draft(int actorId, long ticketId, MailKind kind, Long articleId, Integer templateId) {
        Current ticket = rows.read(ticketId);
        rows.require(actorId, ticket, Permission.RW, kind == MailKind.REPLY ? "permission.action.answer-tickets" : "permission.action.forward-tickets");
        List<ArticleView> all = articles.articlesOf(ticketId);
        Optional<ArticleView> answered = articleId == null
                ? all.reversed().stream().filter(a -> a.sender() == SenderType.CUSTOMER).findFirst()
                        .or(() -> all.isEmpty() ? Optional.empty() : Optional.of(all.getLast()))
                : all.stream().filter(a -> a.id() == articleId).findFirst();
        if (articleId != null && answered.isEmpty()) {
            throw new org.jotrs.ticket.NoSuchAttachment(ticketId, articleId); // 404, like any article not on the ticket
        }
        int queueId = ticket.snapshot().queueId();
        String from = queues.senderOf(queueId).orElse(null);
        var templates = texts.templates(queueId, kind == MailKind.REPLY ? "Answer" : "Forward");
        PlaceholderValues values = placeholders(actorId, ticket);
        StringBuilder start = new StringBuilder();
        if (kind == MailKind.REPLY) {
            texts.salutation(queueId, values).ifPresent(text -> start.append(text.strip()).append("\n\n"));
        }
        if (templateId != null) {
            texts.renderTemplate(queueId, templateId, values).ifPresent(text -> start.append(text.strip()).append("\n\n"));
        }
        texts.signature(queueId, values).ifPresent(text -> start.append(text.strip()).append('\n'));
        String baseSubject = answered.map(ArticleView::subject).orElse(ticket.title());
        if (kind == MailKind.FORWARD) {
            return new MailDraft(kind, answered.map(ArticleView::id).orElse(null), from, "", "",
                    subjects.build(ticket.number(), baseSubject, Kind.FORWARD),
                    start + answered.map(MailDrafts::enclose).orElse(""), templates, templateId);
        }
        String to = answered.filter(a -> a.sender() == SenderType.CUSTOMER && a.from() != null && a.from().contains("@"))
                .map(ArticleView::from)
                .orElseGet(() -> Optional.ofNullable(ticket.customerUserId()).flatMap(customers::find)
                        .filter(c -> c.email() != null && !c.email().isBlank()).map(CustomerUser::mailbox).orElse(""));
        return new MailDraft(kind, answered.map(ArticleView::id).orElse(null), from, to, "",
                subjects.build(ticket.number(), baseSubject, Kind.REPLY),
                start + answered.map(MailDrafts::quote).orElse(""), templates, templateId);
    }

    @Transactional(readOnly = true)
    Optional<String> templateText(int actorId, long ticketId, MailKind kind, int templateId) {
        Current ticket = rows.read(ticketId);
        rows.require(actorId, ticket, Permission.RW, kind == MailKind.REPLY ? "permission.action.answer-tickets" : "permission.action.forward-tickets");
        int queueId = ticket.snapshot().queueId();
        boolean offered = texts.templates(queueId, kind == MailKind.REPLY ? "Answer" : "Forward").stream()
                .anyMatch(template -> template.id() == templateId);
        return offered ? texts.renderTemplate(queueId, templateId, placeholders(actorId, ticket)).map(String::strip)
                : Optional.empty();
    }

    /** What OTRS's placeholders stand for in this ticket's answer, written by this agent. */
    private PlaceholderValues placeholders(int actorId, Current ticket) {
        var agent = db.select(USERS.FIRST_NAME, USERS.LAST_NAME).from(USERS).where(USERS.ID.eq(actorId)).fetchOne();
        Optional<CustomerUser> customer = Optional.ofNullable(ticket.customerUserId()).flatMap(customers::find);
        return new PlaceholderValues(customer.map(CustomerUser::fullName).orElse(ticket.customerUserId()),
                ticket.number(), ticket.title(), agent == null ? null : agent.value1(), agent == null ? null : agent.value2(),
                customer.map(CustomerUser::firstName).orElse(null), customer.map(CustomerUser::lastName).orElse(null),
                customer.map(CustomerUser::email).orElse(null));
    }

    private static String quote(ArticleView article) {
        StringBuilder text = new StringBuilder("\n\n").append(article.created() == null ? "" : QUOTE_TIME.format(article.created())).append(" - ")
                .append(article.from()).append(" wrote:\n");
        for (String line : (article.body() == null ? "" : article.body()).split("\r?\n", -1)) {
            text.append("> ").append(line).append('\n');
        }
        return text.toString();
    }

    /** OTRS's forward markers around the enclosed article. */
    private static String enclose(ArticleView article) {
        return "\n\n---- Forwarded message from " + article.from() + " ---\n\n" + "Subject: " + article.subject()
                + "\n\n" + (article.body() == null ? "" : article.body()) + "\n\n---- End forwarded message ---\n";
    }
}
