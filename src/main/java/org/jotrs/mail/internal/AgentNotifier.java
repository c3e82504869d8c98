package org.jotrs.mail.internal;

import static org.jotrs.platform.db.schema.Tables.JOTRS_CHANGE_FEED;
import static org.jotrs.platform.db.schema.Tables.JOTRS_MAIL_NOTIFICATION_CURSOR;
import static org.jotrs.platform.db.schema.Tables.JOTRS_MAIL_NOTIFICATION_GAP;
import static org.jotrs.platform.db.schema.Tables.JOTRS_MAIL_NOTIFICATION_SENT;
import static org.jotrs.platform.db.schema.Tables.TICKET;
import static org.jotrs.platform.db.schema.Tables.TICKET_STATE;
import static org.jotrs.platform.db.schema.Tables.TICKET_STATE_TYPE;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.jotrs.access.AccessService;
import org.jotrs.access.AgentRef;
import org.jotrs.access.Permission;
import org.jotrs.mail.NotificationHistory;
import org.jotrs.mail.OutboundMail;
import org.jotrs.mail.OutgoingMail;
import org.jotrs.mail.internal.NotificationFacts.Article;
import org.jotrs.mail.internal.NotificationFacts.Recipient;
import org.jotrs.mail.internal.NotificationFacts.Ticket;
import org.jotrs.mail.internal.NotificationRules.Message;
import org.jotrs.mail.internal.NotificationRules.Rule;
import org.jotrs.mail.internal.NotificationText.Person;
import org.jotrs.platform.ClusterJob;
import org.jotrs.platform.FeedChange;
import org.jotrs.platform.FeedKind;
import org.jsoup.Jsoup;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends OTRS's agent notifications ({@code notification_event}) by mail, as OTRS's
 * NotificationEvent handler does, driven by the change feed: one node of the cluster at a time
 * ({@link ClusterJob} {@code mail.agent-notifier}) reads the committed feed rows after its stored
 * position, turns each into OTRS events ({@code TicketCreate} also is {@code NotificationNewTicket},
 * a customer's mail {@code NotificationFollowUp}, a note {@code NotificationAddNote}, an owner
 * change {@code NotificationOwnerUpdate}, a move {@code NotificationMove}, ...), and for every valid
 * notification listening to one of them whose ticket and article filters match, queues one mail per
 * recipient in the outbox. Tickets in a pending reminder state whose time has come get
 * {@code NotificationPendingReminder}, once per day.
 *
 * <p>A change that rolled back never appears in the feed, so it notifies nobody. Each mail is
 * recorded in {@code jotrs_mail_notification_sent} in the transaction that queues it, keyed by
 * event, notification and agent, so a run repeated after a crash sends nothing twice. The agent
 * who made the change gets nothing (as in OTRS), nor does the system user (id 1), nor an agent
 * who may not read the ticket, who has no mail address, or who turned the notification off in
 * their preferences (where the notification lets them: {@code VisibleForAgent}).
 */
@Component
@EnableConfigurationProperties(NotificationProperties.class)
class AgentNotifier {

    private static final Logger log = LoggerFactory.getLogger(AgentNotifier.class);
    private static final short CURSOR = 1;
    private static final int SYSTEM = 1;
    private static final String LOCK_TIMEOUT = "NotificationLockTimeout";
    private static final int UNLOCKED = 1;
    private static final int MAX_GAPS = 1000;
    private static final Duration RUN_BUDGET = Duration.ofSeconds(30);
    /** OTRS's recipients that name agents by their relation to the ticket. */
    private static final Set<String> TICKET_RECIPIENTS = Set.of("AgentOwner", "AgentResponsible", "AgentWatcher",
            "AgentWritePermissions", "AgentReadPermissions", "AgentMyQueues", "AgentMyServices");

    private final DSLContext db;
    private final NotificationRules rules;
    private final NotificationFacts facts;
    private final AccessService access;
    private final OutboundMail mail;
    private final NotificationHistory history;
    private final TransactionTemplate transactions;
    private final NotificationProperties properties;
    private final Clock clock;
    private final String sender;
    private final Map<String, String> config;
    private final Counter sent;

    AgentNotifier(DSLContext db, NotificationRules rules, NotificationFacts facts, AccessService access,
            OutboundMail mail, NotificationHistory history, TransactionTemplate transactions,
            NotificationProperties properties, MailProperties mailProperties, Environment environment, Clock clock,
            MeterRegistry meters) {
        this.db = db;
        this.rules = rules;
        this.facts = facts;
        this.access = access;
        this.mail = mail;
        this.history = history;
        this.transactions = transactions;
        this.properties = properties;
        this.clock = clock;
        this.sent = meters.counter("jotrs.mail.notifications.sent");
        String fqdn = mailProperties.fqdn() == null || mailProperties.fqdn().isBlank()
                ? QueuedOutboundMail.localHostName() : mailProperties.fqdn().strip();
        String address = properties.senderAddress() == null || properties.senderAddress().isBlank()
                ? "jotrs@" + fqdn : properties.senderAddress().strip();
        this.sender = "\"" + properties.senderName().replace("\"", "") + "\" <" + address + ">";
        String publicUrl = properties.publicUrl() == null || properties.publicUrl().isBlank()
                ? "http://localhost:" + environment.getProperty("server.port", "8080") : properties.publicUrl().strip();
        URI base = URI.create(publicUrl);
        String path = base.getRawPath() == null ? "" : base.getRawPath().replaceAll("^/+|/+$", "");
        Map<String, String> values = new HashMap<>();
        // The links of OTRS's texts are HttpType://FQDN/ScriptAlias index.pl?Action=AgentTicketZoom;TicketID=n;
        // Jotrs answers index.pl with a redirect to its zoom, so OTRS's templates keep working.
        values.put("HttpType", base.getScheme());
        values.put("FQDN", base.getRawAuthority());
        values.put("ScriptAlias", path.isEmpty() ? "" : path + "/");
        values.put("Ticket::Hook", environment.getProperty("jotrs.ticket.number.hook", "Ticket#"));
        values.put("Ticket::HookDivider", environment.getProperty("jotrs.ticket.number.hook-divider", ""));
        values.put("NotificationSenderName", properties.senderName());
        values.put("NotificationSenderEmail", address);
        values.put("ProductName", "Jotrs");
        this.config = Map.copyOf(values);
    }

    @Bean
    static ClusterJob agentNotifierJob(AgentNotifier notifier, NotificationProperties properties) {
        return new ClusterJob("mail.agent-notifier", properties.pollInterval(), notifier::run);
    }

    /** One run: the feed to its end (within the run's budget), then the pending reminders due. */
    void run() {
        long started = System.nanoTime();
        while (!ClusterJob.stopping() && System.nanoTime() - started < RUN_BUDGET.toNanos()) {
            if (step() < properties.batchSize()) {
                break;
            }
        }
        if (!ClusterJob.stopping()) {
            pendingReminders();
        }
    }

    /** Reads one batch of the feed and notifies for it; returns how many rows were read. */
    int step() {
        Long position = db.select(JOTRS_MAIL_NOTIFICATION_CURSOR.FEED_POSITION).from(JOTRS_MAIL_NOTIFICATION_CURSOR)
                .where(JOTRS_MAIL_NOTIFICATION_CURSOR.ID.eq(CURSOR)).fetchOne(JOTRS_MAIL_NOTIFICATION_CURSOR.FEED_POSITION);
        LocalDateTime now = LocalDateTime.now(clock);
        if (position == null) {
            // First run on this database: start at the feed's end. History is not replayed, or
            // adopting a database would mail every agent about every old change.
            Long end = db.select(DSL.max(JOTRS_CHANGE_FEED.ID)).from(JOTRS_CHANGE_FEED).fetchOne(0, Long.class);
            transactions.executeWithoutResult(status -> db.insertInto(JOTRS_MAIL_NOTIFICATION_CURSOR)
                    .set(JOTRS_MAIL_NOTIFICATION_CURSOR.ID, CURSOR)
                    .set(JOTRS_MAIL_NOTIFICATION_CURSOR.FEED_POSITION, end == null ? 0L : end)
                    .set(JOTRS_MAIL_NOTIFICATION_CURSOR.CHANGE_TIME, now)
                    .execute());
            return 0;
        }
        Map<Long, LocalDateTime> gaps = new TreeMap<>();
        db.selectFrom(JOTRS_MAIL_NOTIFICATION_GAP).forEach(r -> gaps.put(r.getFeedId(), r.getFirstMissed()));
        Set<Long> expired = new HashSet<>();
        gaps.forEach((id, missed) -> {
            if (missed.plus(properties.gapHorizon()).isBefore(now)) {
                expired.add(id);
            }
        });
        gaps.keySet().removeAll(expired);
        Condition unseen = JOTRS_CHANGE_FEED.ID.gt(position);
        if (!gaps.isEmpty()) {
            unseen = unseen.or(JOTRS_CHANGE_FEED.ID.in(gaps.keySet()));
        }
        List<FeedChange> rows = db.selectFrom(JOTRS_CHANGE_FEED).where(unseen).orderBy(JOTRS_CHANGE_FEED.ID)
                .limit(properties.batchSize())
                .fetch(r -> new FeedChange(r.getId(), r.getObjectType(), r.getObjectId(), r.getTicketId(),
                        r.getChangeKind(), r.getCreateBy(), r.getCreateTime()));
        // As the feed tail does: ids below a row that are not visible yet belong to transactions
        // still running; they are remembered and read again until they appear or expire.
        long newPosition = position;
        Set<Long> seenGaps = new HashSet<>();
        Map<Long, LocalDateTime> newGaps = new LinkedHashMap<>();
        List<FeedChange> fresh = new ArrayList<>();
        for (FeedChange row : rows) {
            if (row.id() <= newPosition) {
                if (gaps.containsKey(row.id())) {
                    seenGaps.add(row.id());
                    fresh.add(row);
                }
                continue;
            }
            for (long missing = Math.max(newPosition + 1, row.id() - MAX_GAPS); missing < row.id(); missing++) {
                // Only below a position set back by hand can an id be a gap already (or one just given up).
                if (!gaps.containsKey(missing) && !expired.contains(missing)) {
                    newGaps.put(missing, now);
                }
            }
            newPosition = row.id();
            fresh.add(row);
        }
        if (!fresh.isEmpty()) {
            List<Rule> valid = rules.valid().stream().filter(Rule::byMail).toList();
            for (FeedChange row : fresh) {
                notifyFor(row, valid);
            }
        }
        long finalPosition = newPosition;
        if (finalPosition != position || !expired.isEmpty() || !seenGaps.isEmpty()) {
            transactions.executeWithoutResult(status -> {
                db.update(JOTRS_MAIL_NOTIFICATION_CURSOR)
                        .set(JOTRS_MAIL_NOTIFICATION_CURSOR.FEED_POSITION, finalPosition)
                        .set(JOTRS_MAIL_NOTIFICATION_CURSOR.CHANGE_TIME, now)
                        .where(JOTRS_MAIL_NOTIFICATION_CURSOR.ID.eq(CURSOR)).execute();
                Set<Long> gone = new HashSet<>(expired);
                gone.addAll(seenGaps);
                if (!gone.isEmpty()) {
                    db.deleteFrom(JOTRS_MAIL_NOTIFICATION_GAP).where(JOTRS_MAIL_NOTIFICATION_GAP.FEED_ID.in(gone)).execute();
                }
                if (!newGaps.isEmpty()) {
                    var insert = db.insertInto(JOTRS_MAIL_NOTIFICATION_GAP, JOTRS_MAIL_NOTIFICATION_GAP.FEED_ID,
                            JOTRS_MAIL_NOTIFICATION_GAP.FIRST_MISSED);
                    for (var gap : newGaps.entrySet()) {
                        insert = insert.values(gap.getKey(), gap.getValue());
                    }
                    insert.execute();
                }
                int excess = gaps.size() - expired.size() - seenGaps.size() + newGaps.size() - MAX_GAPS;
                if (excess > 0) {
                    List<Long> oldest = db.select(JOTRS_MAIL_NOTIFICATION_GAP.FEED_ID).from(JOTRS_MAIL_NOTIFICATION_GAP)
                            .orderBy(JOTRS_MAIL_NOTIFICATION_GAP.FEED_ID).limit(excess).fetch(JOTRS_MAIL_NOTIFICATION_GAP.FEED_ID);
                    db.deleteFrom(JOTRS_MAIL_NOTIFICATION_GAP).where(JOTRS_MAIL_NOTIFICATION_GAP.FEED_ID.in(oldest)).execute();
                }
            });
        }
        return rows.size();
    }

    /** The OTRS events a feed row stands for. */
    private Set<String> events(FeedChange row) {
        Set<String> events = new LinkedHashSet<>();
        events.add(row.kind());
        FeedKind.of(row.kind()).ifPresent(kind -> {
            switch (kind) {
                case TICKET_CREATE -> events.add("NotificationNewTicket");
                case TICKET_OWNER_UPDATE -> events.add("NotificationOwnerUpdate");
                case TICKET_RESPONSIBLE_UPDATE -> events.add("NotificationResponsibleUpdate");
                case TICKET_QUEUE_UPDATE -> events.add("NotificationMove");
                // OTRS's TicketLockSet raises NotificationLockTimeout on every unlock (the unlock
                // timeout's by the system user among them); the owner who unlocks is left out, as
                // is every actor. Whether this change was an unlock is asked of the ticket below.
                case TICKET_LOCK_UPDATE -> events.add(LOCK_TIMEOUT);
                case ARTICLE_CREATE -> {
                    // OTRS raises these from the article's history type, not from a ticket change:
                    // a customer's mail to an existing ticket, an agent's note.
                    Set<String> historyTypes = facts.historyTypes(row.objectId());
                    if (historyTypes.contains("FollowUp")) {
                        events.add("NotificationFollowUp");
                    }
                    if (historyTypes.contains("AddNote")) {
                        events.add("NotificationAddNote");
                    }
                }
                default -> {
                }
            }
        });
        return events;
    }

    private void notifyFor(FeedChange row, List<Rule> valid) {
        try {
            Set<String> events = events(row);
            List<Rule> listening = valid.stream().filter(rule -> rule.values("Events").stream().anyMatch(events::contains))
                    .toList();
            if (listening.isEmpty()) {
                return;
            }
            Optional<Ticket> ticket = facts.ticket(row.ticketId());
            if (ticket.isEmpty() || superseded(row)) {
                return;
            }
            if (events.contains(LOCK_TIMEOUT) && ticket.get().lockId() != UNLOCKED) {
                // A lock, or an unlock already followed by a new lock: no lock timeout to announce.
                events.remove(LOCK_TIMEOUT);
            }
            List<Rule> sending = listening.stream().filter(rule -> rule.values("Events").stream().anyMatch(events::contains))
                    .toList();
            if (sending.isEmpty()) {
                return;
            }
            Article article = "ARTICLE".equals(row.objectType()) ? facts.article(row.objectId()).orElse(null) : null;
            transactions.executeWithoutResult(status -> {
                for (Rule rule : sending) {
                    send(rule, "feed:" + row.id(), ticket.get(), article, row.actorId());
                }
            });
        } catch (TransientDataAccessException | DataAccessResourceFailureException | RecoverableDataAccessException
                | CannotCreateTransactionException e) {
            // The database is away: the position stays, and the next run tries the row again.
            throw e;
        } catch (RuntimeException e) {
            // One broken notification (a template, a deleted agent) must not hold up the others:
            // the row is passed, and the log says which.
            log.warn("Notifications for change feed id={} ticket={} kind={} failed: {}", row.id(), row.ticketId(),
                    row.kind(), e.toString(), e);
        }
    }

    /**
     * Whether a later change of the same kind to the same ticket follows this owner, responsible or
     * queue change. The mail names the ticket as it is now (its owner, its queue), so an earlier move
     * read after a later one would announce the later move twice, or, read again after a crash, to
     * agents it did not reach the first time; only the latest of such changes notifies. Asked after
     * the ticket was read: a later change the ticket already shows is committed with its feed row.
     */
    private boolean superseded(FeedChange row) {
        boolean latestOnly = FeedKind.of(row.kind()).map(kind -> kind == FeedKind.TICKET_OWNER_UPDATE
                || kind == FeedKind.TICKET_RESPONSIBLE_UPDATE || kind == FeedKind.TICKET_QUEUE_UPDATE).orElse(false);
        return latestOnly && db.fetchExists(JOTRS_CHANGE_FEED, JOTRS_CHANGE_FEED.TICKET_ID.eq(row.ticketId())
                .and(JOTRS_CHANGE_FEED.CHANGE_KIND.eq(row.kind())).and(JOTRS_CHANGE_FEED.ID.gt(row.id())));
    }

    /** Tickets in a pending reminder state whose time has come: one reminder per day and agent. */
    void pendingReminders() {
        List<Rule> listening = rules.valid().stream().filter(Rule::byMail)
                .filter(rule -> rule.values("Events").contains("NotificationPendingReminder")).toList();
        if (listening.isEmpty()) {
            return;
        }
        int nowSeconds = (int) clock.instant().getEpochSecond();
        List<Long> due = db.select(TICKET.ID).from(TICKET)
                .join(TICKET_STATE).on(TICKET_STATE.ID.eq(TICKET.TICKET_STATE_ID))
                .join(TICKET_STATE_TYPE).on(TICKET_STATE_TYPE.ID.eq(TICKET_STATE.TYPE_ID))
                .where(TICKET_STATE_TYPE.NAME.eq("pending reminder"))
                .and(TICKET.UNTIL_TIME.gt(0)).and(TICKET.UNTIL_TIME.le(nowSeconds))
                .orderBy(TICKET.ID).limit(properties.batchSize())
                .fetch(TICKET.ID);
        String day = LocalDate.now(clock).toString();
        for (long ticketId : due) {
            try {
                facts.ticket(ticketId).ifPresent(ticket -> transactions.executeWithoutResult(status -> {
                    for (Rule rule : listening) {
                        send(rule, "pending:" + ticketId + ":" + day, ticket, null, SYSTEM);
                    }
                }));
            } catch (RuntimeException e) {
                log.warn("Pending reminder for ticket={} failed: {}", ticketId, e.toString(), e);
            }
        }
    }

    /** Queues the rule's mail for each of its recipients not yet sent this event; inside a transaction. */
    private void send(Rule rule, String eventKey, Ticket ticket, Article article, int actorId) {
        if (!ticketMatches(rule, ticket) || !articleMatches(rule, article)) {
            return;
        }
        Map<String, String> shared = null;
        for (int agentId : recipients(rule, ticket)) {
            if (agentId == actorId || agentId == SYSTEM) {
                continue;
            }
            Optional<Recipient> found = facts.recipient(agentId);
            if (found.isEmpty()) {
                continue;
            }
            Recipient recipient = found.get();
            Person person = recipient.person();
            if (person.email() == null || person.email().isBlank() || !wants(rule, recipient) || !mayRead(agentId, ticket)) {
                continue;
            }
            boolean already = db.fetchExists(JOTRS_MAIL_NOTIFICATION_SENT,
                    JOTRS_MAIL_NOTIFICATION_SENT.EVENT_KEY.eq(eventKey)
                            .and(JOTRS_MAIL_NOTIFICATION_SENT.NOTIFICATION_ID.eq(rule.id()))
                            .and(JOTRS_MAIL_NOTIFICATION_SENT.USER_ID.eq(agentId)));
            if (already || sentToday(rule, ticket, agentId)) {
                continue;
            }
            Message message = rule.messageFor(person.language(), properties.defaultLanguage());
            if (message == null) {
                log.warn("Notification id={} name={} has no text; nothing sent", rule.id(), rule.name());
                return;
            }
            if (shared == null) {
                shared = placeholders(ticket, actorId);
            }
            Map<String, String> values = new HashMap<>(shared);
            NotificationText.putPerson(values, "NOTIFICATION_RECIPIENT_", person);
            String subject = NotificationText.render(message.subject(), values::get).replaceAll("[\r\n]+", " ").strip();
            boolean html = message.contentType() != null && message.contentType().toLowerCase(java.util.Locale.ROOT).contains("html");
            // OTRS's HTML texts carry their tags escaped (&lt;OTRS_TICKET_Title&gt;).
            String text = html ? message.text().replaceAll("&lt;(OTRS_[^&<>]{1,200})&gt;", "<$1>") : message.text();
            String body = NotificationText.render(text, values::get);
            if (html) {
                body = plainText(body);
            }
            String hook = "[" + config.get("Ticket::Hook") + config.get("Ticket::HookDivider") + ticket.number() + "] ";
            Map<String, String> headers = new LinkedHashMap<>();
            // RFC 3834: an automatic mail; auto-responders (ours included) must not answer it.
            headers.put("Auto-Submitted", "auto-generated");
            headers.put("Precedence", "bulk");
            String to = person.fullName().isBlank() ? person.email()
                    : "\"" + person.fullName().replace("\"", "") + "\" <" + person.email().strip() + ">";
            mail.enqueueWithoutArticle(new OutgoingMail(sender, List.of(to), List.of(), List.of(),
                    subject.startsWith(hook.strip()) ? subject : hook + subject, body, mail.newMessageId(), null, null,
                    List.of(), headers));
            db.insertInto(JOTRS_MAIL_NOTIFICATION_SENT)
                    .set(JOTRS_MAIL_NOTIFICATION_SENT.EVENT_KEY, eventKey)
                    .set(JOTRS_MAIL_NOTIFICATION_SENT.NOTIFICATION_ID, rule.id())
                    .set(JOTRS_MAIL_NOTIFICATION_SENT.USER_ID, agentId)
                    .set(JOTRS_MAIL_NOTIFICATION_SENT.TICKET_ID, ticket.id())
                    .set(JOTRS_MAIL_NOTIFICATION_SENT.CREATE_TIME, LocalDateTime.now(clock))
                    .execute();
            history.agentNotified(ticket.id(), rule.name(), person.login(), actorId);
            sent.increment();
            log.info("Notification queued notification={} ticket={} agent={} event={}", rule.id(), ticket.id(), agentId,
                    eventKey);
        }
    }

    /**
     * OTRS's {@code OncePerDay}: a notification that sets it goes to an agent at most once a day per
     * ticket (the escalation notifications, which a ticket may raise for several kinds in a day).
     */
    private boolean sentToday(Rule rule, Ticket ticket, int agentId) {
        return rule.flag("OncePerDay") && db.fetchExists(JOTRS_MAIL_NOTIFICATION_SENT,
                JOTRS_MAIL_NOTIFICATION_SENT.TICKET_ID.eq(ticket.id())
                        .and(JOTRS_MAIL_NOTIFICATION_SENT.NOTIFICATION_ID.eq(rule.id()))
                        .and(JOTRS_MAIL_NOTIFICATION_SENT.USER_ID.eq(agentId))
                        .and(JOTRS_MAIL_NOTIFICATION_SENT.CREATE_TIME.ge(LocalDate.now(clock).atStartOfDay())));
    }

    /** OTRS's ticket filters: every attribute item the rule sets must hold one of its values. */
    private static boolean ticketMatches(Rule rule, Ticket ticket) {
        for (String key : Ticket.FILTER_KEYS) {
            List<String> wanted = rule.values(key);
            if (wanted.isEmpty()) {
                continue;
            }
            Optional<String> value = ticket.attribute(key);
            if (value.isEmpty() || !wanted.contains(value.get())) {
                return false;
            }
        }
        return true;
    }

    /** OTRS's article filters apply to events on an article; other events pass them. */
    private static boolean articleMatches(Rule rule, Article article) {
        if (article == null) {
            return true;
        }
        List<String> senders = rule.values("ArticleSenderTypeID");
        if (!senders.isEmpty() && !senders.contains(Integer.toString(article.senderTypeId()))) {
            return false;
        }
        List<String> channels = rule.values("ArticleCommunicationChannelID");
        if (!channels.isEmpty() && !channels.contains(Long.toString(article.channelId()))) {
            return false;
        }
        List<String> visible = rule.values("ArticleIsVisibleForCustomer");
        if (!visible.isEmpty() && !visible.contains(article.visibleForCustomer() ? "1" : "0")) {
            return false;
        }
        return contains(rule.values("ArticleSubjectMatch"), article.subject())
                && contains(rule.values("ArticleBodyMatch"), article.body());
    }

    private static boolean contains(List<String> needles, String text) {
        if (needles.isEmpty()) {
            return true;
        }
        String haystack = text == null ? "" : text.toLowerCase(java.util.Locale.ROOT);
        return needles.stream().anyMatch(needle -> haystack.contains(needle.toLowerCase(java.util.Locale.ROOT)));
    }

    /** The agents a rule names for the ticket, each once, in OTRS's order. */
    private Set<Integer> recipients(Rule rule, Ticket ticket) {
        Set<Integer> ids = new LinkedHashSet<>();
        for (String recipient : rule.values("Recipients")) {
            if (!TICKET_RECIPIENTS.contains(recipient)) {
                continue;
            }
            switch (recipient) {
                case "AgentOwner" -> ids.add(ticket.ownerId());
                case "AgentResponsible" -> {
                    if (ticket.responsibleId() != null) {
                        ids.add(ticket.responsibleId());
                    }
                }
                case "AgentWatcher" -> ids.addAll(facts.watchers(ticket.id()));
                case "AgentWritePermissions" -> access.agentsWith(ticket.groupId(), Permission.RW).stream()
                        .map(AgentRef::id).forEach(ids::add);
                case "AgentReadPermissions" -> access.agentsWith(ticket.groupId(), Permission.RO).stream()
                        .map(AgentRef::id).forEach(ids::add);
                case "AgentMyQueues" -> ids.addAll(facts.myQueues(ticket.queueId()));
                case "AgentMyServices" -> {
                    if (ticket.serviceId() != null) {
                        ids.addAll(facts.myServices(ticket.serviceId()));
                    }
                }
                default -> {
                }
            }
        }
        for (String id : rule.values("RecipientAgents")) {
            parseInt(id).ifPresent(ids::add);
        }
        for (String group : rule.values("RecipientGroups")) {
            parseInt(group).ifPresent(groupId -> access.agentsWith(groupId, Permission.RO).stream()
                    .map(AgentRef::id).forEach(ids::add));
        }
        List<Integer> roles = rule.values("RecipientRoles").stream().map(AgentNotifier::parseInt)
                .flatMap(Optional::stream).toList();
        if (!roles.isEmpty()) {
            ids.addAll(facts.roleMembers(roles));
        }
        return ids;
    }

    private static Optional<Integer> parseInt(String text) {
        try {
            return Optional.of(Integer.parseInt(text.strip()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /**
     * Whether the agent wants this notification: always when the notification is not offered in
     * the preferences ({@code VisibleForAgent} off); else their stored choice, and without one the
     * notification's {@code AgentEnabledByDefault}.
     */
    private static boolean wants(Rule rule, Recipient recipient) {
        if (!rule.flag("VisibleForAgent")) {
            return true;
        }
        Boolean chosen = recipient.choices().get(rule.id());
        return chosen != null ? chosen : rule.values("AgentEnabledByDefault").contains("Email");
    }

    /** OTRS's read rule: owner, responsible, or ro on the queue's group. */
    private boolean mayRead(int agentId, Ticket ticket) {
        return agentId == ticket.ownerId() || Integer.valueOf(agentId).equals(ticket.responsibleId())
                || access.permissionsOn(agentId, ticket.groupId()).contains(Permission.RO);
    }

    /** The tags that are the same for every recipient of one event. */
    private Map<String, String> placeholders(Ticket ticket, int actorId) {
        Map<String, String> values = new HashMap<>();
        config.forEach((key, value) -> values.put("CONFIG_" + key, value));
        values.put("TICKET_TicketNumber", ticket.number());
        values.put("TICKET_NUMBER", ticket.number());
        values.put("TICKET_TicketID", Long.toString(ticket.id()));
        values.put("TICKET_Title", ticket.title());
        values.put("TICKET_Queue", ticket.queue());
        values.put("TICKET_QueueID", Integer.toString(ticket.queueId()));
        values.put("TICKET_State", ticket.state());
        values.put("TICKET_StateType", ticket.stateType());
        values.put("TICKET_Priority", ticket.priority());
        values.put("TICKET_Lock", ticket.lock());
        values.put("TICKET_Type", ticket.type() == null ? "" : ticket.type());
        values.put("TICKET_Service", ticket.service() == null ? "" : ticket.service());
        values.put("TICKET_SLA", ticket.sla() == null ? "" : ticket.sla());
        values.put("TICKET_CustomerID", ticket.customerId() == null ? "" : ticket.customerId());
        values.put("TICKET_CustomerUserID", ticket.customerUserId() == null ? "" : ticket.customerUserId());
        values.put("TICKET_Created", ticket.created() == null ? "" : ticket.created().toString().replace('T', ' '));
        Integer escalation = db.select(TICKET.ESCALATION_TIME).from(TICKET).where(TICKET.ID.eq(ticket.id()))
                .fetchOne(TICKET.ESCALATION_TIME);
        if (escalation != null && escalation > 0) {
            // OTRS's TicketEscalationDateCalculation: the earliest deadline, and how far it is from now
            // (before or after) in its CustomerAge form, "1 d 2 h 5 m".
            java.time.Instant at = java.time.Instant.ofEpochSecond(escalation);
            values.put("TICKET_EscalationDestinationDate", LocalDateTime.ofInstant(at, clock.getZone())
                    .format(java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")));
            values.put("TICKET_EscalationDestinationIn", age(Duration.between(clock.instant(), at).abs()));
        }
        facts.recipient(ticket.ownerId()).ifPresent(owner -> {
            values.put("TICKET_Owner", owner.person().login());
            NotificationText.putPerson(values, "OWNER_", owner.person());
            NotificationText.putPerson(values, "TICKET_OWNER_", owner.person());
        });
        if (ticket.responsibleId() != null) {
            facts.recipient(ticket.responsibleId()).ifPresent(responsible -> {
                values.put("TICKET_Responsible", responsible.person().login());
                NotificationText.putPerson(values, "RESPONSIBLE_", responsible.person());
                NotificationText.putPerson(values, "TICKET_RESPONSIBLE_", responsible.person());
            });
        }
        facts.recipient(actorId).ifPresent(current -> NotificationText.putPerson(values, "CURRENT_", current.person()));
        Map<String, String> customer = facts.customerData(ticket.customerUserId());
        customer.forEach((key, value) -> values.put("CUSTOMER_DATA_" + key, value));
        facts.lastArticle(ticket.id(), NotificationFacts.SENDER_CUSTOMER).ifPresent(article -> {
            values.put("CUSTOMER_SUBJECT", cleanSubject(article.subject(), ticket.number()));
            values.put("CUSTOMER_BODY", article.body() == null ? "" : article.body());
            values.put("CUSTOMER_EMAIL", article.body() == null ? "" : article.body());
            values.put("CUSTOMER_From", article.from() == null ? "" : article.from());
            values.put("CUSTOMER_REALNAME", realName(customer, article.from()));
        });
        values.putIfAbsent("CUSTOMER_REALNAME", customer.getOrDefault("UserFullname", ""));
        facts.lastArticle(ticket.id(), NotificationFacts.SENDER_AGENT).ifPresent(article -> {
            values.put("AGENT_SUBJECT", cleanSubject(article.subject(), ticket.number()));
            values.put("AGENT_BODY", article.body() == null ? "" : article.body());
            values.put("AGENT_EMAIL", article.body() == null ? "" : article.body());
        });
        return values;
    }

    /** OTRS's CustomerAge: days, hours and minutes, the zero ones left out ("2 h 5 m"). */
    static String age(Duration duration) {
        long minutes = duration.toMinutes();
        long days = minutes / (24 * 60);
        long hours = minutes / 60 % 24;
        StringBuilder text = new StringBuilder();
        if (days > 0) {
            text.append(days).append(" d ");
        }
        if (hours > 0) {
            text.append(hours).append(" h ");
        }
        if (days == 0 || minutes % 60 > 0) {
            text.append(minutes % 60).append(" m");
        }
        return text.toString().strip();
    }

    /** OTRS's CustomerName, else the display name of the sender address. */
    private static String realName(Map<String, String> customer, String from) {
        String name = customer.getOrDefault("UserFullname", "");
        if (!name.isBlank()) {
            return name;
        }
        if (from == null) {
            return "";
        }
        return from.replaceAll("<.*>|\\(.*\\)|\"|;|,", "").strip();
    }

    /** The subject without the ticket hook and number, as OTRS's TicketSubjectClean leaves it. */
    private String cleanSubject(String subject, String number) {
        if (subject == null) {
            return "";
        }
        String tag = "[" + config.get("Ticket::Hook") + config.get("Ticket::HookDivider") + number + "]";
        return subject.replace(tag, "").replaceAll("\\s+", " ").strip();
    }

    private static String plainText(String html) {
        var document = Jsoup.parse(html.replaceAll("(?i)<br\\s*/?>", "\n").replaceAll("(?i)</p>", "\n\n"));
        document.outputSettings().prettyPrint(false);
        return document.wholeText().replaceAll("\n{3,}", "\n\n").strip();
    }
}
