package org.jotrs.ticket.internal;

import static org.jotrs.platform.db.schema.Tables.ARTICLE;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jooq.DSLContext;
import org.jotrs.access.Permission;
import org.jotrs.article.ArticleService;
import org.jotrs.platform.Messages;
import org.jotrs.article.Channel;
import org.jotrs.article.MailHeaders;
import org.jotrs.article.NewArticle;
import org.jotrs.article.WrittenHtml;
import org.jotrs.article.SenderType;
import org.jotrs.mail.OutboundMail;
import org.jotrs.mail.OutgoingMail;
import org.jotrs.queue.QueueService;
import org.jotrs.ticket.InvalidTicketRequest;
import org.jotrs.ticket.TicketAction.MailKind;
import org.jotrs.ticket.TicketAction.SendMail;
import org.jotrs.ticket.internal.TicketRows.Current;
import org.jotrs.ticket.internal.TicketSubjects.Kind;
import org.springframework.stereotype.Component;

/**
 * Replies and forwards (OTRS's AgentTicketCompose and AgentTicketForward): an email article from
 * the queue's system address, threaded with In-Reply-To and References, its subject carrying the
 * ticket number, and the mail queued in the same transaction. History SendAnswer or Forward
 * "%%recipients".
 */
@Component
class TicketMailing {

    private final DSLContext db;
    private final ArticleService articles;
    private final QueueService queues;
    private final OutboundMail outbound;
    private final TicketRows rows;
    private final TicketHistory history;
    private final TicketSubjects subjects;
    private final TimeAccounting timeAccounting;
    private final ArticleArrival arrival;

    TicketMailing(DSLContext db, ArticleService articles, QueueService queues, OutboundMail outbound, TicketRows rows,
            TicketHistory history, TicketSubjects subjects, TimeAccounting timeAccounting, ArticleArrival arrival) {
        this.arrival = arrival;
        this.db = db;
        this.articles = articles;
        this.queues = queues;
        this.outbound = outbound;
        this.rows = rows;
        this.history = history;
        this.subjects = subjects;
        this.timeAccounting = timeAccounting;
    }

    void send(int actorId, Current current, SendMail mail) {
        MailKind kind = mail.kind() == null ? MailKind.REPLY : mail.kind();
        rows.require(actorId, current, Permission.RW, kind == MailKind.REPLY ? "permission.action.answer-tickets" : "permission.action.forward-tickets");
        Map<String, String> errors = new LinkedHashMap<>();
        List<String> to = MailFields.addresses(outbound, mail.to(), "to", errors);
        List<String> cc = MailFields.addresses(outbound, mail.cc(), "cc", errors);
        List<String> bcc = MailFields.addresses(outbound, mail.bcc(), "bcc", errors);
        if (errors.isEmpty() && to.isEmpty() && cc.isEmpty() && bcc.isEmpty()) {
            errors.put("to", Messages.t("ticket.error.enter-recipient"));
        }
        if (mail.subject() == null || mail.subject().isBlank()) {
            errors.put("subject", Messages.t("ticket.error.enter-subject"));
        }
        WrittenHtml html = mail.htmlBody() == null ? null : articles.written(mail.htmlBody());
        String body = html == null ? mail.body() : html.text();
        if (body == null || body.isBlank()) {
            errors.put("body", Messages.t("ticket.error.enter-mail-text"));
        }
        Optional<String> from = queues.senderOf(current.snapshot().queueId());
        if (from.isEmpty()) {
            errors.put("from", Messages.t("ticket.error.queue-no-sender", current.queueName()));
        }
        MailHeaders answered = null;
        if (mail.articleId() != null) {
            Long ticketOfArticle = db.select(ARTICLE.TICKET_ID).from(ARTICLE).where(ARTICLE.ID.eq(mail.articleId()))
                    .fetchOne(ARTICLE.TICKET_ID);
            if (ticketOfArticle == null || ticketOfArticle != current.ticketId()) {
                errors.put("articleId", Messages.t("ticket.error.article-elsewhere"));
            } else {
                answered = articles.headersOf(mail.articleId()).orElse(null);
            }
        }
        errors.putAll(articles.attachmentProblems(mail.attachments()));
        if (!errors.isEmpty()) {
            throw new InvalidTicketRequest(errors);
        }
        timeAccounting.validate(mail.timeUnits());

        Kind subjectKind = kind == MailKind.REPLY ? Kind.REPLY : Kind.FORWARD;
        String subject = mail.subject().strip();
        if (!subjects.carriesNumber(current.number(), subject)) {
            subject = subjects.build(current.number(), subject, subjectKind);
        }
        String messageId = outbound.newMessageId();
        String inReplyTo = null;
        String references = null;
        if (kind == MailKind.REPLY && answered != null && answered.messageId() != null) {
            inReplyTo = answered.messageId();
            references = ((answered.references() == null ? "" : answered.references()) + " " + answered.messageId()).strip();
        }
        long ticketId = current.ticketId();
        String toHeader = String.join(", ", to);
        long articleId = articles.addEmail(new NewArticle(ticketId, SenderType.AGENT, Channel.EMAIL, true, from.get(),
                        toHeader, subject, body, actorId, html == null ? null : html.document(), mail.attachments()),
                new MailHeaders(cc.isEmpty() ? null : String.join(", ", cc), bcc.isEmpty() ? null : String.join(", ", bcc),
                        null, messageId, inReplyTo, references));
        outbound.enqueue(articleId, new OutgoingMail(from.get(), to, cc, bcc, subject, body, messageId, inReplyTo,
                references, MailFields.attachments(mail.attachments()), java.util.Map.of(),
                html == null ? null : html.document()));
        // OTRS's compose and forward screens join the To, Cc and Bcc fields that are not empty with ",".
        String recipients = java.util.stream.Stream.of(to, cc, bcc).filter(field -> !field.isEmpty())
                .map(field -> String.join(", ", field)).collect(java.util.stream.Collectors.joining(","));
        history.add(current.snapshot(), articleId, kind == MailKind.REPLY ? HistoryType.SEND_ANSWER : HistoryType.FORWARD,
                "%%" + recipients, actorId);
        arrival.recorded(current.snapshot(), articleId, SenderType.AGENT, actorId);
        timeAccounting.account(current, articleId, mail.timeUnits(), actorId);
        rows.update(ticketId, actorId, Map.of());
    }

}
