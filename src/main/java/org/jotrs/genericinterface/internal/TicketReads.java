package org.jotrs.genericinterface.internal;

import static org.jotrs.platform.db.schema.Tables.ARTICLE;
import static org.jotrs.platform.db.schema.Tables.ARTICLE_DATA_MIME;
import static org.jotrs.platform.db.schema.Tables.ARTICLE_SENDER_TYPE;
import static org.jotrs.platform.db.schema.Tables.DYNAMIC_FIELD;
import static org.jotrs.platform.db.schema.Tables.DYNAMIC_FIELD_VALUE;
import static org.jotrs.platform.db.schema.Tables.QUEUE;
import static org.jotrs.platform.db.schema.Tables.TICKET;
import static org.jotrs.platform.db.schema.Tables.TICKET_HISTORY;
import static org.jotrs.platform.db.schema.Tables.TICKET_HISTORY_TYPE;
import static org.jotrs.platform.db.schema.Tables.TICKET_LOCK_TYPE;
import static org.jotrs.platform.db.schema.Tables.TICKET_PRIORITY;
import static org.jotrs.platform.db.schema.Tables.TICKET_STATE;
import static org.jotrs.platform.db.schema.Tables.TICKET_STATE_TYPE;
import static org.jotrs.platform.db.schema.Tables.TICKET_TYPE;
import static org.jotrs.platform.db.schema.Tables.TIME_ACCOUNTING;
import static org.jotrs.platform.db.schema.Tables.USERS;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.jotrs.article.ArticleService;
import org.jotrs.article.ArticleView;
import org.jotrs.article.AttachmentInfo;
import org.jotrs.ticket.CustomerTicketAccess;
import org.jotrs.ticket.TicketService;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * TicketGet and TicketHistoryGet: the ticket, its articles, attachments, dynamic fields and history
 * with OTRS's keys and value forms (database values as strings, times as {@code YYYY-MM-DD hh:mm:ss},
 * as OTRS's JSON carries them). Who may read: an agent who may read the ticket in the agent
 * interface ({@link TicketService#canRead}), or a customer user who sees it by
 * {@link CustomerTicketAccess} (the portal's rule), and then only the articles visible to customers,
 * as in OTRS's customer interface.
 */
@Component
class TicketReads {

    static final DateTimeFormatter OTRS_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final DSLContext db;
    private final TicketService tickets;
    private final ArticleService articles;
    private final Clock clock;
    private final CustomerTicketAccess customerRule;

    TicketReads(DSLContext db, TicketService tickets, ArticleService articles, Clock clock,
            CustomerTicketAccess customerRule) {
        this.customerRule = customerRule;
        this.db = db;
        this.tickets = tickets;
        this.articles = articles;
        this.clock = clock;
    }

    /**
     * Whether the caller may read the ticket (false for a ticket that does not exist): an agent as
     * the agent interface decides it, a customer user by the ticket module's one customer rule
     * ({@link CustomerTicketAccess}), the portal's.
     */
    boolean mayRead(GiCaller caller, long ticketId) {
        if (!caller.customer()) {
            return tickets.canRead(caller.agentId(), ticketId);
        }
        return customerRule.canSee(caller.customerLogin(), ticketId);
    }

    /** Options of TicketGet. */
    record GetOptions(boolean dynamicFields, boolean allArticles, List<String> senderTypes, boolean descending,
            int articleLimit, boolean attachments, boolean attachmentContents, boolean htmlBodyAsAttachment) {
    }

    @Transactional(readOnly = true)
    Map<String, Object> ticket(GiCaller caller, long ticketId, GetOptions options) {
        var owner = USERS.as("owner");
        var responsible = USERS.as("responsible");
        Record row = db.select(TICKET.fields()).select(QUEUE.NAME, QUEUE.GROUP_ID, TICKET_STATE.NAME, TICKET_STATE_TYPE.NAME,
                        TICKET_PRIORITY.NAME, TICKET_TYPE.NAME, TICKET_LOCK_TYPE.NAME, owner.LOGIN, responsible.LOGIN)
                .from(TICKET)
                .join(QUEUE).on(QUEUE.ID.eq(TICKET.QUEUE_ID))
                .join(TICKET_STATE).on(TICKET_STATE.ID.eq(TICKET.TICKET_STATE_ID))
                .join(TICKET_STATE_TYPE).on(TICKET_STATE_TYPE.ID.eq(TICKET_STATE.TYPE_ID))
                .join(TICKET_PRIORITY).on(TICKET_PRIORITY.ID.eq(TICKET.TICKET_PRIORITY_ID))
                .leftJoin(TICKET_TYPE).on(TICKET_TYPE.ID.eq(TICKET.TYPE_ID))
                .join(TICKET_LOCK_TYPE).on(TICKET_LOCK_TYPE.ID.eq(TICKET.TICKET_LOCK_ID))
                .join(owner).on(owner.ID.eq(TICKET.USER_ID))
                .join(responsible).on(responsible.ID.eq(TICKET.RESPONSIBLE_USER_ID))
                .where(TICKET.ID.eq(ticketId))
                .fetchOne();
        if (row == null) {
            throw new GiError("TicketGet.NotValidTicketID",
                    "TicketGet: Could not get Ticket data in Kernel::GenericInterface::Operation::Ticket::TicketGet::Run()");
        }
        LocalDateTime now = LocalDateTime.now(clock);
        Map<String, Object> ticket = new LinkedHashMap<>();
        LocalDateTime created = row.get(TICKET.CREATE_TIME);
        ticket.put("Age", Math.max(0, Duration.between(created, now).toSeconds()));
        ticket.put("ArchiveFlag", row.get(TICKET.ARCHIVE_FLAG) != null && row.get(TICKET.ARCHIVE_FLAG) == 1 ? "y" : "n");
        ticket.put("ChangeBy", str(row.get(TICKET.CHANGE_BY)));
        ticket.put("Changed", time(row.get(TICKET.CHANGE_TIME)));
        ticket.put("CreateBy", str(row.get(TICKET.CREATE_BY)));
        ticket.put("Created", time(created));
        ticket.put("CustomerID", row.get(TICKET.CUSTOMER_ID));
        ticket.put("CustomerUserID", row.get(TICKET.CUSTOMER_USER_ID));
        ticket.put("EscalationResponseTime", str(row.get(TICKET.ESCALATION_RESPONSE_TIME)));
        ticket.put("EscalationSolutionTime", str(row.get(TICKET.ESCALATION_SOLUTION_TIME)));
        ticket.put("EscalationTime", str(row.get(TICKET.ESCALATION_TIME)));
        ticket.put("EscalationUpdateTime", str(row.get(TICKET.ESCALATION_UPDATE_TIME)));
        ticket.put("GroupID", str(row.get(QUEUE.GROUP_ID)));
        ticket.put("Lock", row.get(TICKET_LOCK_TYPE.NAME));
        ticket.put("LockID", str(row.get(TICKET.TICKET_LOCK_ID)));
        ticket.put("Owner", row.get(owner.LOGIN));
        ticket.put("OwnerID", str(row.get(TICKET.USER_ID)));
        ticket.put("Priority", row.get(TICKET_PRIORITY.NAME));
        ticket.put("PriorityID", str(row.get(TICKET.TICKET_PRIORITY_ID)));
        ticket.put("Queue", row.get(QUEUE.NAME));
        ticket.put("QueueID", str(row.get(TICKET.QUEUE_ID)));
        long untilTime = row.get(TICKET.UNTIL_TIME) == null ? 0 : row.get(TICKET.UNTIL_TIME);
        ticket.put("RealTillTimeNotUsed", str(untilTime));
        ticket.put("Responsible", row.get(responsible.LOGIN));
        ticket.put("ResponsibleID", str(row.get(TICKET.RESPONSIBLE_USER_ID)));
        ticket.put("SLAID", row.get(TICKET.SLA_ID) == null ? "" : str(row.get(TICKET.SLA_ID)));
        ticket.put("ServiceID", row.get(TICKET.SERVICE_ID) == null ? "" : str(row.get(TICKET.SERVICE_ID)));
        ticket.put("State", row.get(TICKET_STATE.NAME));
        ticket.put("StateID", str(row.get(TICKET.TICKET_STATE_ID)));
        ticket.put("StateType", row.get(TICKET_STATE_TYPE.NAME));
        ticket.put("TicketID", str(ticketId));
        ticket.put("TicketNumber", row.get(TICKET.TN));
        ticket.put("TimeUnit", timeUnits(TIME_ACCOUNTING.TICKET_ID.eq(ticketId)));
        ticket.put("Title", row.get(TICKET.TITLE));
        ticket.put("Type", row.get(TICKET_TYPE.NAME) == null ? "" : row.get(TICKET_TYPE.NAME));
        ticket.put("TypeID", str(row.get(TICKET.TYPE_ID)));
        ticket.put("UnlockTimeout", str(row.get(TICKET.TIMEOUT)));
        long epochNow = now.atZone(clock.getZone()).toEpochSecond();
        ticket.put("UntilTime", untilTime > epochNow ? untilTime - epochNow : 0);
        if (options.dynamicFields()) {
            List<Map<String, Object>> fields = dynamicFields("Ticket", ticketId);
            if (!fields.isEmpty()) {
                ticket.put("DynamicField", fields);
            }
        }
        if (options.allArticles()) {
            List<Map<String, Object>> list = articles(caller, ticketId, options);
            if (!list.isEmpty()) {
                ticket.put("Article", list);
            }
        }
        return ticket;
    }

    private List<Map<String, Object>> articles(GiCaller caller, long ticketId, GetOptions options) {
        var query = db.select(ARTICLE.fields()).select(ARTICLE_DATA_MIME.fields()).select(ARTICLE_SENDER_TYPE.NAME)
                .from(ARTICLE)
                .join(ARTICLE_DATA_MIME).on(ARTICLE_DATA_MIME.ARTICLE_ID.eq(ARTICLE.ID))
                .join(ARTICLE_SENDER_TYPE).on(ARTICLE_SENDER_TYPE.ID.eq(ARTICLE.ARTICLE_SENDER_TYPE_ID))
                .where(ARTICLE.TICKET_ID.eq(ticketId));
        if (caller.customer()) {
            query = query.and(ARTICLE.IS_VISIBLE_FOR_CUSTOMER.eq((short) 1));
        }
        if (!options.senderTypes().isEmpty()) {
            query = query.and(ARTICLE_SENDER_TYPE.NAME.in(options.senderTypes()));
        }
        List<Record> rows = query.orderBy(ARTICLE.CREATE_TIME, ARTICLE.ID).fetch();
        // ArticleNumber counts all of the ticket's articles in order, whatever the filter shows.
        List<Long> allIds = db.select(ARTICLE.ID).from(ARTICLE).where(ARTICLE.TICKET_ID.eq(ticketId))
                .orderBy(ARTICLE.CREATE_TIME, ARTICLE.ID).fetch(ARTICLE.ID);
        List<Record> chosen = new ArrayList<>(rows);
        if (options.articleLimit() > 0) {
            if (options.descending()) {
                java.util.Collections.reverse(chosen);
            }
            chosen = chosen.subList(0, Math.min(options.articleLimit(), chosen.size()));
        }
        Map<Long, List<AttachmentInfo>> attachmentIndex = options.attachments()
                ? articles.articlesOf(ticketId).stream().collect(Collectors.toMap(ArticleView::id, ArticleView::attachments))
                : Map.of();
        List<Map<String, Object>> result = new ArrayList<>();
        for (Record row : chosen) {
            long articleId = row.get(ARTICLE.ID);
            Map<String, Object> article = new LinkedHashMap<>();
            String contentType = row.get(ARTICLE_DATA_MIME.A_CONTENT_TYPE);
            String mimeType = contentType == null ? "" : contentType.replaceAll(";.*", "").strip();
            String charset = contentType == null ? "" : charset(contentType);
            article.put("ArticleID", str(articleId));
            article.put("ArticleNumber", str(allIds.indexOf(articleId) + 1));
            article.put("Bcc", nullToEmpty(row.get(ARTICLE_DATA_MIME.A_BCC)));
            article.put("Body", nullToEmpty(row.get(ARTICLE_DATA_MIME.A_BODY)));
            article.put("Cc", nullToEmpty(row.get(ARTICLE_DATA_MIME.A_CC)));
            article.put("ChangeBy", str(row.get(ARTICLE.CHANGE_BY)));
            article.put("ChangeTime", time(row.get(ARTICLE.CHANGE_TIME)));
            article.put("Charset", charset);
            article.put("CommunicationChannelID", str(row.get(ARTICLE.COMMUNICATION_CHANNEL_ID)));
            article.put("ContentCharset", charset);
            article.put("ContentType", nullToEmpty(contentType));
            article.put("CreateBy", str(row.get(ARTICLE.CREATE_BY)));
            article.put("CreateTime", time(row.get(ARTICLE.CREATE_TIME)));
            article.put("From", nullToEmpty(row.get(ARTICLE_DATA_MIME.A_FROM)));
            article.put("InReplyTo", nullToEmpty(row.get(ARTICLE_DATA_MIME.A_IN_REPLY_TO)));
            article.put("IncomingTime", str(row.get(ARTICLE_DATA_MIME.INCOMING_TIME)));
            article.put("IsVisibleForCustomer", str(row.get(ARTICLE.IS_VISIBLE_FOR_CUSTOMER)));
            article.put("MessageID", nullToEmpty(row.get(ARTICLE_DATA_MIME.A_MESSAGE_ID)));
            article.put("MimeType", mimeType);
            article.put("References", nullToEmpty(row.get(ARTICLE_DATA_MIME.A_REFERENCES)));
            article.put("ReplyTo", nullToEmpty(row.get(ARTICLE_DATA_MIME.A_REPLY_TO)));
            article.put("SenderType", row.get(ARTICLE_SENDER_TYPE.NAME));
            article.put("SenderTypeID", str(row.get(ARTICLE.ARTICLE_SENDER_TYPE_ID)));
            article.put("Subject", nullToEmpty(row.get(ARTICLE_DATA_MIME.A_SUBJECT)));
            article.put("TicketID", str(ticketId));
            article.put("TimeUnit", timeUnits(TIME_ACCOUNTING.ARTICLE_ID.eq(articleId)));
            article.put("To", nullToEmpty(row.get(ARTICLE_DATA_MIME.A_TO)));
            if (options.dynamicFields()) {
                List<Map<String, Object>> fields = dynamicFields("Article", articleId);
                if (!fields.isEmpty()) {
                    article.put("DynamicField", fields);
                }
            }
            if (options.attachments()) {
                List<Map<String, Object>> files = new ArrayList<>();
                // OTRS's ArticleAttachmentIndex with ExcludePlainText, and ExcludeHTMLBody unless HTMLBodyAsAttachment.
                List<AttachmentInfo> parts = options.htmlBodyAsAttachment()
                        ? articles.allParts(ticketId, articleId).stream().filter(info -> !info.plainBody()).toList()
                        : attachmentIndex.getOrDefault(articleId, List.of());
                for (AttachmentInfo info : parts) {
                    Map<String, Object> file = new LinkedHashMap<>();
                    byte[] content = options.attachmentContents()
                            ? articles.attachment(ticketId, articleId, info.fileId()).map(a -> a.content()).orElse(new byte[0])
                            : null;
                    file.put("Content", content == null ? "" : Base64.getEncoder().encodeToString(content));
                    file.put("ContentAlternative", "");
                    file.put("ContentID", nullToEmpty(info.contentId()));
                    file.put("ContentType", nullToEmpty(info.contentType()));
                    file.put("Disposition", nullToEmpty(info.disposition()));
                    file.put("FileID", info.fileId());
                    file.put("Filename", info.filename());
                    file.put("FilesizeRaw", str(info.size()));
                    files.add(file);
                }
                article.put("Attachment", files);
            }
            result.add(article);
        }
        return result;
    }

    /** Dynamic field values of a ticket or article as OTRS lists them: every valid field of the object type, Value null when unset. */
    private List<Map<String, Object>> dynamicFields(String objectType, long objectId) {
        var fields = db.select(DYNAMIC_FIELD.ID, DYNAMIC_FIELD.NAME).from(DYNAMIC_FIELD)
                .where(DYNAMIC_FIELD.OBJECT_TYPE.eq(objectType)).and(DYNAMIC_FIELD.VALID_ID.eq((short) 1))
                .orderBy(DYNAMIC_FIELD.NAME).fetch();
        if (fields.isEmpty()) {
            return List.of();
        }
        Map<Integer, List<Object>> values = new LinkedHashMap<>();
        db.selectFrom(DYNAMIC_FIELD_VALUE).where(DYNAMIC_FIELD_VALUE.OBJECT_ID.eq(objectId))
                .and(DYNAMIC_FIELD_VALUE.FIELD_ID.in(fields.getValues(DYNAMIC_FIELD.ID)))
                .orderBy(DYNAMIC_FIELD_VALUE.ID)
                .forEach(value -> values.computeIfAbsent(value.getFieldId(), k -> new ArrayList<>())
                        .add(value.getValueText() != null ? value.getValueText()
                                : value.getValueDate() != null ? time(value.getValueDate())
                                : value.getValueInt() != null ? String.valueOf(value.getValueInt()) : null));
        List<Map<String, Object>> result = new ArrayList<>();
        for (var field : fields) {
            List<Object> stored = values.get(field.value1());
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("Name", field.value2());
            entry.put("Value", stored == null ? null : stored.size() == 1 ? stored.get(0) : stored);
            result.add(entry);
        }
        return result;
    }

    @Transactional(readOnly = true)
    List<Map<String, Object>> history(long ticketId) {
        return db.select(TICKET_HISTORY.fields()).select(TICKET_HISTORY_TYPE.NAME).from(TICKET_HISTORY)
                .join(TICKET_HISTORY_TYPE).on(TICKET_HISTORY_TYPE.ID.eq(TICKET_HISTORY.HISTORY_TYPE_ID))
                .where(TICKET_HISTORY.TICKET_ID.eq(ticketId)).orderBy(TICKET_HISTORY.CREATE_TIME, TICKET_HISTORY.ID)
                .fetch(row -> {
                    Map<String, Object> entry = new LinkedHashMap<>();
                    entry.put("ArticleID", row.get(TICKET_HISTORY.ARTICLE_ID) == null ? "" : str(row.get(TICKET_HISTORY.ARTICLE_ID)));
                    entry.put("CreateBy", str(row.get(TICKET_HISTORY.CREATE_BY)));
                    entry.put("CreateTime", time(row.get(TICKET_HISTORY.CREATE_TIME)));
                    entry.put("HistoryType", row.get(TICKET_HISTORY_TYPE.NAME));
                    entry.put("HistoryTypeID", str(row.get(TICKET_HISTORY.HISTORY_TYPE_ID)));
                    entry.put("Name", row.get(TICKET_HISTORY.NAME));
                    entry.put("OwnerID", str(row.get(TICKET_HISTORY.OWNER_ID)));
                    entry.put("PriorityID", str(row.get(TICKET_HISTORY.PRIORITY_ID)));
                    entry.put("QueueID", str(row.get(TICKET_HISTORY.QUEUE_ID)));
                    entry.put("StateID", str(row.get(TICKET_HISTORY.STATE_ID)));
                    entry.put("TicketID", str(ticketId));
                    entry.put("TypeID", str(row.get(TICKET_HISTORY.TYPE_ID)));
                    return entry;
                });
    }

    private String timeUnits(org.jooq.Condition condition) {
        BigDecimal sum = db.select(DSL.sum(TIME_ACCOUNTING.TIME_UNIT)).from(TIME_ACCOUNTING).where(condition)
                .fetchOne(0, BigDecimal.class);
        return sum == null ? "0" : sum.stripTrailingZeros().toPlainString();
    }

    static String charset(String contentType) {
        var matcher = java.util.regex.Pattern.compile("charset=[\"']?([^\"';\\s]+)", java.util.regex.Pattern.CASE_INSENSITIVE)
                .matcher(contentType);
        return matcher.find() ? matcher.group(1) : "";
    }

    static String time(LocalDateTime time) {
        return time == null ? "" : OTRS_TIME.format(time);
    }

    static String str(Object value) {
        return value == null ? "" : String.valueOf(value);
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
