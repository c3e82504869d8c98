package org.jotrs.api.web;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.jotrs.article.ArticleView;
import org.jotrs.article.AttachmentInfo;
import org.jotrs.portal.PortalTicket;
import org.jotrs.portal.PortalTicketRow;
import org.jotrs.ticket.TicketDetails;
import org.jotrs.ticket.TicketList;

/** The JSON documents of /api/v1 (records serialised by Jackson, times with their offset). */
final class ApiJson {

    private ApiJson() {
    }

    /** Times are stored in the server's zone (as OTRS stores them); the API gives them with their offset. */
    static OffsetDateTime time(LocalDateTime time) {
        return time == null ? null : time.atZone(ZoneId.systemDefault()).toOffsetDateTime();
    }

    record Ref(int id, String name) {
    }

    record Link(long id, String number, String title, String state, boolean closed, String relation) {
    }

    record Ticket(long id, String number, String title, Ref queue, String state, String stateType, String priority,
            String type, String lock, Ref owner, Ref responsible, String customerUser, String customerId,
            OffsetDateTime created, OffsetDateTime changed, OffsetDateTime pendingUntil, BigDecimal timeUnits,
            int articles, List<Link> links) {

        static Ticket of(TicketDetails t) {
            return new Ticket(t.id(), t.number(), t.title(), new Ref(t.queueId(), t.queue()), t.state(), t.stateType(),
                    t.priority(), t.type(), t.lock(), new Ref(t.ownerId(), t.owner()),
                    new Ref(t.responsibleId(), t.responsible()), t.customerUser(), t.customerId(), time(t.created()),
                    time(t.changed()), time(t.pendingUntil()), t.timeUnits(), t.articles().size(),
                    t.links().stream().map(l -> new Link(l.id(), l.number(), l.title(), l.state(), l.closed(), l.relation()))
                            .toList());
        }
    }

    record TicketRow(long id, String number, String title, String queue, String state, String priority,
            String customerUser, String owner, boolean locked, OffsetDateTime created, OffsetDateTime changed, boolean seen) {

        static TicketRow of(TicketList.Row r) {
            return new TicketRow(r.id(), r.number(), r.title(), r.queue(), r.state(), r.priority(), r.customerUser(),
                    r.owner(), r.locked(), time(r.created()), time(r.changed()), r.seen());
        }
    }

    /** One page of a list: the rows, the page (from 0), its size and how many match in all. */
    record Page<T>(List<T> items, int page, int pageSize, int total, int pages) {

        static <S, T> Page<T> of(org.jotrs.platform.Page<S> page, java.util.function.Function<S, T> mapping) {
            return new Page<>(page.rows().stream().map(mapping).toList(), page.page(), page.pageSize(), page.total(),
                    page.pages());
        }
    }

    /** The OpenAPI document's name for a page of an agent view (what {@code Page<TicketRow>} is). */
    record TicketRowPage(List<TicketRow> items, int page, int pageSize, int total, int pages) {
    }

    /** The OpenAPI document's name for a page of a customer user's list. */
    record CustomerTicketRowPage(List<CustomerTicketRow> items, int page, int pageSize, int total, int pages) {
    }

    record Attachment(int fileId, String filename, long size, String contentType, String disposition) {

        static Attachment of(AttachmentInfo a) {
            return new Attachment(a.fileId(), a.filename(), a.size(), a.contentType(), a.disposition());
        }
    }

    record Article(long id, String sender, String channel, boolean visibleForCustomer, String from, String to,
            String subject, String contentType, String body, boolean html, OffsetDateTime created,
            List<Attachment> attachments) {

        static Article of(ArticleView a) {
            return new Article(a.id(), a.sender().otrsName(), a.channel(), a.visibleForCustomer(), a.from(), a.to(),
                    a.subject(), a.contentType(), a.body(), a.html(), time(a.created()),
                    a.attachments().stream().filter(f -> !f.htmlBody() && !f.plainBody()).map(Attachment::of).toList());
        }
    }

    record History(OffsetDateTime time, String type, List<String> values, String agent) {

        static History of(TicketDetails.HistoryEntry h) {
            return new History(ApiJson.time(h.time()), h.type(), h.values(), h.agent());
        }
    }

    record Created(long ticketId, String ticketNumber, long articleId) {
    }

    /** A row of a customer user's list: what the portal's list shows, no agent names. */
    record CustomerTicketRow(long id, String number, String title, String state, String stateType, String queue,
            String customerUser, OffsetDateTime created, OffsetDateTime changed) {

        static CustomerTicketRow of(PortalTicketRow r) {
            return new CustomerTicketRow(r.id(), r.number(), r.title(), r.state(), r.stateType(), r.queue(),
                    r.customerUser(), time(r.created()), time(r.changed()));
        }
    }

    /**
     * A ticket as its customer user sees it in the portal: no agent-only fields.
     *
     * @param followUp what an answer does now: {@code add}, {@code refused} (closed, the queue takes
     *     no follow-ups) or {@code new-ticket}
     * @param articles how many articles the customer user may read
     */
    record CustomerTicket(long id, String number, String title, String state, String stateType, String queue,
            String type, String priority, String customerUser, OffsetDateTime created, OffsetDateTime changed,
            String followUp, int articles) {

        static CustomerTicket of(long id, PortalTicket t) {
            return new CustomerTicket(id, t.number(), t.title(), t.state(), t.stateType(), t.queue(), t.type(),
                    t.priority(), t.customerUser(), time(t.created()), time(t.changed()),
                    t.followUp().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'), t.articles().size());
        }
    }

    /**
     * An article as its customer user reads it (only articles visible to customers exist for them).
     *
     * @param sender {@code customer} for the customer side's articles, else {@code agent}
     * @param html whether it has an HTML body; {@code body} is its text either way
     */
    record CustomerArticle(long id, String sender, String from, String subject, String body, boolean html,
            OffsetDateTime created, List<Attachment> attachments) {

        static CustomerArticle of(PortalTicket.Article a) {
            return new CustomerArticle(a.id(), a.fromCustomer() ? "customer" : "agent", a.from(), a.subject(), a.body(),
                    a.html(), time(a.created()), a.attachments().stream().map(Attachment::of).toList());
        }
    }

    /** A new attachment: the file's bytes in base64 (RFC 4648, standard alphabet). */
    record NewAttachment(String filename, String contentType, String content) {
    }

    record Problem(String detail, Map<String, String> errors) {
    }
}
