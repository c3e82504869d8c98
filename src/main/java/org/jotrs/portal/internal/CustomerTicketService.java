package org.jotrs.portal.internal;

import static org.jotrs.platform.Messages.t;
import static org.jotrs.platform.db.schema.Tables.QUEUE;
import static org.jotrs.platform.db.schema.Tables.TICKET;
import static org.jotrs.platform.db.schema.Tables.TICKET_PRIORITY;
import static org.jotrs.platform.db.schema.Tables.TICKET_STATE;
import static org.jotrs.platform.db.schema.Tables.TICKET_STATE_TYPE;
import static org.jotrs.platform.db.schema.Tables.TICKET_TYPE;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.jooq.DSLContext;
import org.jotrs.article.ArticleService;
import org.jotrs.article.ArticleView;
import org.jotrs.article.Attachment;
import org.jotrs.article.AttachmentInfo;
import org.jotrs.article.NewAttachment;
import org.jotrs.article.SenderType;
import org.jotrs.article.WrittenHtml;
import org.jotrs.customer.CustomerAccount;
import org.jotrs.customer.CustomerAccounts;
import org.jotrs.platform.AccessRefused;
import org.jotrs.platform.ColumnLimits;
import org.jotrs.platform.InvalidInput;
import org.jotrs.platform.MailAddressSyntax;
import org.jotrs.platform.NoSuchEntry;
import org.jotrs.platform.Page;
import org.jotrs.portal.CustomerTickets;
import org.jotrs.portal.NewCustomerTicket;
import org.jotrs.portal.NewTicketOptions;
import org.jotrs.portal.PortalTicket;
import org.jotrs.portal.PortalTicket.FollowUp;
import org.jotrs.portal.PortalTicketQuery;
import org.jotrs.portal.PortalTicketRow;
import org.jotrs.portal.SignedInCustomer;
import org.jotrs.postmaster.AutoResponses;
import org.jotrs.ticket.CustomerTicketAccess;
import org.jotrs.ticket.InboundMail;
import org.jotrs.ticket.InboundTicket;
import org.jotrs.ticket.MailArrival;
import org.jotrs.ticket.TicketService;
import org.jotrs.ticket.TicketSettingsAdministration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What customers do with tickets in the portal. Every method first finds the ticket through
 * the ticket module's {@link CustomerTicketAccess} (one query, whether the ticket is missing or someone else's), so a
 * foreign ticket, article or file is answered exactly as a missing one. Writes go through the
 * ticket facade (history and change feed with the change, so agents' views update live).
 */
@Service
class CustomerTicketService implements CustomerTickets {

    private static final Logger log = LoggerFactory.getLogger(CustomerTicketService.class);
    /** OTRS's follow_up_possible ids. */
    private static final int FOLLOW_UP_REJECT = 2;
    private static final int FOLLOW_UP_NEW_TICKET = 3;
    /** Ticket numbers are digits (every OTRS generator); anything else cannot name a ticket. */
    private static final int MAX_NUMBER = 50;
    private static final int MAX_BODY = 200_000;
    /** The editor's HTML, markup included: room for the longest plain text with its formatting. */
    private static final int MAX_HTML = 1_000_000;
    private static final int MAX_CC = 1000;

    private final DSLContext db;
    private final CustomerTicketAccess visibility;
    private final CustomerTicketLists lists;
    private final TicketService tickets;
    private final ArticleService articles;
    private final AutoResponses autoResponses;
    private final CustomerAccounts accounts;
    private final PortalSettings settings;

    CustomerTicketService(DSLContext db, CustomerTicketAccess visibility, CustomerTicketLists lists, TicketService tickets,
            ArticleService articles, AutoResponses autoResponses, CustomerAccounts accounts, PortalSettings settings) {
        this.db = db;
        this.visibility = visibility;
        this.lists = lists;
        this.tickets = tickets;
        this.articles = articles;
        this.autoResponses = autoResponses;
        this.accounts = accounts;
        this.settings = settings;
    }

    @Override
    @Transactional(readOnly = true)
    public Page<PortalTicketRow> list(SignedInCustomer customer, PortalTicketQuery query) {
        return lists.list(customer, query);
    }

    /** The ticket's row, if the customer may see it; else the one answer for "no such ticket". */
    private Found find(SignedInCustomer customer, String number) {
        if (number == null || number.isEmpty() || number.length() > MAX_NUMBER || !number.chars().allMatch(Character::isDigit)) {
            throw notFound();
        }
        return db.select(TICKET.ID, TICKET.TN, TICKET.TITLE, TICKET_STATE.NAME, TICKET_STATE_TYPE.NAME, QUEUE.ID, QUEUE.NAME,
                        QUEUE.FOLLOW_UP_ID, TICKET_TYPE.NAME, TICKET_PRIORITY.NAME, TICKET.CUSTOMER_USER_ID,
                        TICKET.CUSTOMER_ID, TICKET.CREATE_TIME, TICKET.CHANGE_TIME)
                .from(TICKET)
                .join(TICKET_STATE).on(TICKET_STATE.ID.eq(TICKET.TICKET_STATE_ID))
                .join(TICKET_STATE_TYPE).on(TICKET_STATE_TYPE.ID.eq(TICKET_STATE.TYPE_ID))
                .join(QUEUE).on(QUEUE.ID.eq(TICKET.QUEUE_ID))
                .leftJoin(TICKET_TYPE).on(TICKET_TYPE.ID.eq(TICKET.TYPE_ID))
                .join(TICKET_PRIORITY).on(TICKET_PRIORITY.ID.eq(TICKET.TICKET_PRIORITY_ID))
                .where(TICKET.TN.eq(number))
                .and(visibility.visibleTo(customer.login()))
                .fetchOptional(r -> new Found(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(), r.value6(),
                        r.value7(), r.value8() == null ? 1 : r.value8(), r.value9(), r.value10(), r.value11(), r.value12(),
                        r.value13(), r.value14()))
                .orElseThrow(CustomerTicketService::notFound);
    }

    private record Found(long id, String number, String title, String state, String stateType, int queueId, String queue,
            int followUpId, String type, String priority, String customerUser, String customerId, LocalDateTime created,
            LocalDateTime changed) {

        boolean closed() {
            return "closed".equals(stateType);
        }

        FollowUp followUp() {
            if (!closed()) {
                return FollowUp.ADD;
            }
            return switch (followUpId) {
                case FOLLOW_UP_REJECT -> FollowUp.REFUSED;
                case FOLLOW_UP_NEW_TICKET -> FollowUp.NEW_TICKET;
                default -> FollowUp.ADD;
            };
        }
    }

    static NoSuchEntry notFound() {
        return new NoSuchEntry("portal.ticket.not-found");
    }

    /** The articles a customer may read: visible to customers, nothing else (no internal notes). */
    private List<ArticleView> visibleArticles(long ticketId) {
        return articles.articlesOf(ticketId).stream().filter(ArticleView::visibleForCustomer).toList();
    }

    private ArticleView visibleArticle(long ticketId, long articleId) {
        return visibleArticles(ticketId).stream().filter(a -> a.id() == articleId).findFirst()
                .orElseThrow(CustomerTicketService::notFound);
    }

    private static List<AttachmentInfo> files(ArticleView article) {
        return article.attachments().stream().filter(a -> !a.htmlBody() && !a.plainBody()).toList();
    }

    @Override
    @Transactional(readOnly = true)
    public PortalTicket ticket(SignedInCustomer customer, String number) {
        Found found = find(customer, number);
        List<PortalTicket.Article> shown = visibleArticles(found.id()).stream()
                .map(a -> new PortalTicket.Article(a.id(), a.sender() == SenderType.CUSTOMER, a.from(), a.subject(),
                        a.created(), a.body(), a.html(), files(a)))
                .toList();
        return new PortalTicket(found.number(), found.title(), found.state(), found.stateType(), found.queue(), found.type(),
                found.priority(), found.customerUser(), found.created(), found.changed(), shown, found.followUp(),
                settings.closeAllowed() && !found.closed());
    }

    @Override
    @Transactional(readOnly = true)
    public Attachment attachment(SignedInCustomer customer, String number, long articleId, int fileId) {
        Found found = find(customer, number);
        ArticleView article = visibleArticle(found.id(), articleId);
        if (files(article).stream().noneMatch(f -> f.fileId() == fileId)) {
            throw notFound();
        }
        return articles.attachment(found.id(), articleId, fileId).orElseThrow(CustomerTicketService::notFound);
    }

    @Override
    @Transactional(readOnly = true)
    public String articleHtml(SignedInCustomer customer, String number, long articleId) {
        Found found = find(customer, number);
        ArticleView article = visibleArticle(found.id(), articleId);
        if (!article.html()) {
            throw notFound();
        }
        return articles.safeHtmlBody(found.id(), articleId).orElseThrow(CustomerTicketService::notFound);
    }

    @Override
    @Transactional
    public String reply(SignedInCustomer customer, String number, String body, String bodyHtml,
            List<NewAttachment> attachments) {
        Found found = find(customer, number);
        InvalidInput.Collector errors = new InvalidInput.Collector();
        Text written = text(errors, body, bodyHtml);
        String text = written.plain();
        checkFiles(errors, attachments);
        if (found.followUp() == FollowUp.REFUSED) {
            errors.add("body", t("portal.reply.refused"));
        }
        errors.throwIfAny();
        CustomerAccount account = account(customer);
        InboundMail message = new InboundMail(from(account), found.queue(), null, null, found.title(), text, written.html(),
                null, null, null, attachments, null);
        InboundTicket newTicket = new InboundTicket(found.queueId(), found.title(), found.customerUser(), found.customerId(),
                null, null, null, null, null);
        MailArrival arrival = tickets.addCustomerFollowUp(found.id(), message, newTicket);
        if (arrival.rejected()) {
            // Closed meanwhile in a queue that refuses follow-ups: roll the answer back.
            throw InvalidInput.of("body", t("portal.reply.refused"));
        }
        autoResponses.respondToWebRequest(arrival.ticketId(), arrival.newTicket() ? "auto reply/new ticket" : "auto follow up",
                from(account), account.email(), found.title(), text);
        log.info("Customer answered ticket={} customer={} article={} newTicket={}", arrival.ticketNumber(), customer.login(),
                arrival.articleId(), arrival.newTicket());
        return arrival.ticketNumber();
    }

    @Override
    @Transactional
    public void close(SignedInCustomer customer, String number) {
        Found found = find(customer, number);
        if (!settings.closeAllowed()) {
            throw new AccessRefused(t("portal.ticket.close-not-allowed"));
        }
        if (!found.closed()) {
            tickets.closeByCustomer(found.id(), settings.closeState());
            log.info("Customer closed ticket={} customer={}", found.number(), customer.login());
        }
    }

    @Override
    @Transactional(readOnly = true)
    public NewTicketOptions newTicketOptions(SignedInCustomer customer) {
        Set<String> named = settings.queueNames();
        Set<Integer> groups = visibility.groupsToCreateIn(customer.login());
        List<NewTicketOptions.Choice> queues = new ArrayList<>();
        db.select(QUEUE.ID, QUEUE.NAME, QUEUE.GROUP_ID).from(QUEUE).where(QUEUE.VALID_ID.eq((short) 1)).orderBy(QUEUE.NAME)
                .forEach(r -> {
                    boolean offered = (named.isEmpty() || named.contains(r.value2().toLowerCase(Locale.ROOT)))
                            && (groups == null || groups.contains(r.value3()));
                    if (offered) {
                        queues.add(new NewTicketOptions.Choice(r.value1(), r.value2()));
                    }
                });
        List<String> types = settings.typeChoice()
                ? db.select(TICKET_TYPE.NAME).from(TICKET_TYPE).where(TICKET_TYPE.VALID_ID.eq((short) 1)).orderBy(TICKET_TYPE.NAME)
                        .fetch(TICKET_TYPE.NAME)
                : List.of();
        List<String> priorities = settings.priorityChoice()
                ? db.select(TICKET_PRIORITY.NAME).from(TICKET_PRIORITY).where(TICKET_PRIORITY.VALID_ID.eq((short) 1))
                        .orderBy(TICKET_PRIORITY.ID).fetch(TICKET_PRIORITY.NAME)
                : List.of();
        return new NewTicketOptions(queues, types, priorities, TicketSettingsAdministration.DEFAULT_PRIORITY,
                articles.maxAttachmentSize());
    }

    @Override
    @Transactional
    public String create(SignedInCustomer customer, NewCustomerTicket request) {
        NewTicketOptions options = newTicketOptions(customer);
        InvalidInput.Collector errors = new InvalidInput.Collector();
        NewTicketOptions.Choice queue = options.queues().stream()
                .filter(q -> request.queueId() != null && q.id() == request.queueId()).findFirst().orElse(null);
        if (queue == null) {
            errors.add("queue", t("portal.new.queue-missing"));
        }
        String subject = errors.required("subject", request.subject(), ColumnLimits.length(TICKET.TITLE),
                t("portal.new.subject-missing"));
        Text written = text(errors, request.body(), request.bodyHtml());
        String body = written.plain();
        String type = choice(errors, "type", request.type(), options.types(), t("portal.new.unknown-type"));
        String priority = choice(errors, "priority", request.priority(), options.priorities(), t("portal.new.unknown-priority"));
        List<String> cc = PortalSettings.split(request.cc());
        if (String.join(", ", cc).length() > MAX_CC) {
            errors.add("cc", t("portal.new.cc-too-long"));
        }
        for (String address : cc) {
            if (!MailAddressSyntax.isAddress(address)) {
                errors.add("cc", t("portal.new.cc-invalid", address.length() > 60 ? address.substring(0, 60) + "…" : address));
                break;
            }
        }
        checkFiles(errors, request.attachments());
        errors.throwIfAny();
        CustomerAccount account = account(customer);
        InboundTicket ticket = new InboundTicket(queue.id(), subject, account.login(), account.customerId() == null
                || account.customerId().isBlank() ? account.email() : account.customerId(), priority, null, type, null, null);
        InboundMail message = new InboundMail(from(account), queue.name(), cc.isEmpty() ? null : String.join(", ", cc), null,
                subject, body, written.html(), null, null, null, request.attachments(), null);
        MailArrival arrival = tickets.createFromCustomer(ticket, message);
        autoResponses.respondToWebRequest(arrival.ticketId(), "auto reply", from(account), account.email(), subject, body);
        log.info("Customer opened ticket={} customer={} queue={}", arrival.ticketNumber(), customer.login(), queue.id());
        return arrival.ticketNumber();
    }

    /** What the customer wrote: plain text, and the sanitised HTML document when the editor was used. */
    private record Text(String plain, String html) {
    }

    /**
     * The text of a new ticket or an answer: from the rich-text editor's HTML when it was posted
     * (sanitised as an agent's is, the plain text made from it, as OTRS keeps both), else the plain
     * text area's; a message under "body" when it is empty or too long.
     */
    private Text text(InvalidInput.Collector errors, String body, String bodyHtml) {
        if (bodyHtml == null || bodyHtml.isBlank()) {
            return new Text(errors.required("body", body, MAX_BODY, t("portal.form.text-missing")), null);
        }
        if (bodyHtml.length() > MAX_HTML) {
            errors.add("body", t("validation.at-most-characters", Integer.toString(MAX_HTML)));
            return new Text(null, null);
        }
        WrittenHtml html = articles.written(bodyHtml);
        String plain = errors.required("body", html.text(), MAX_BODY, t("portal.form.text-missing"));
        return new Text(plain, plain == null ? null : html.document());
    }

    /** A choice from the offered list, or null (the default) when blank or when nothing is offered. */
    private static String choice(InvalidInput.Collector errors, String field, String value, List<String> offered, String unknown) {
        if (offered.isEmpty() || value == null || value.isBlank()) {
            return null;
        }
        if (!offered.contains(value.strip())) {
            errors.add(field, unknown);
            return null;
        }
        return value.strip();
    }

    /** The agents' limits (size, names) and the portal's forbidden file types. */
    private void checkFiles(InvalidInput.Collector errors, List<NewAttachment> attachments) {
        if (attachments == null || attachments.isEmpty()) {
            return;
        }
        articles.attachmentProblems(attachments).forEach((field, message) -> errors.add("attachments", message));
        Set<String> forbidden = settings.forbiddenExtensions();
        for (NewAttachment file : attachments) {
            String name = file.filename() == null ? "" : file.filename().strip();
            int dot = name.lastIndexOf('.');
            String extension = dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
            if (!extension.isEmpty() && forbidden.contains(extension)) {
                errors.add("attachments", t("portal.form.file-type-forbidden", name, extension));
                return;
            }
        }
    }

    private CustomerAccount account(SignedInCustomer customer) {
        return accounts.account(customer.login()).orElseThrow(CustomerTicketService::notFound);
    }

    /** The article's From, as OTRS's customer interface writes it. */
    private static String from(CustomerAccount account) {
        return account.email() == null || account.email().isBlank() ? account.fullName() : account.mailbox();
    }
}
