package org.jotrs.mail.internal;

import static org.jotrs.platform.db.schema.Tables.ARTICLE;
import static org.jotrs.platform.db.schema.Tables.ARTICLE_DATA_MIME;
import static org.jotrs.platform.db.schema.Tables.CUSTOMER_USER;
import static org.jotrs.platform.db.schema.Tables.PERSONAL_QUEUES;
import static org.jotrs.platform.db.schema.Tables.PERSONAL_SERVICES;
import static org.jotrs.platform.db.schema.Tables.QUEUE;
import static org.jotrs.platform.db.schema.Tables.ROLE_USER;
import static org.jotrs.platform.db.schema.Tables.SERVICE;
import static org.jotrs.platform.db.schema.Tables.SLA;
import static org.jotrs.platform.db.schema.Tables.TICKET;
import static org.jotrs.platform.db.schema.Tables.TICKET_HISTORY;
import static org.jotrs.platform.db.schema.Tables.TICKET_HISTORY_TYPE;
import static org.jotrs.platform.db.schema.Tables.TICKET_LOCK_TYPE;
import static org.jotrs.platform.db.schema.Tables.TICKET_PRIORITY;
import static org.jotrs.platform.db.schema.Tables.TICKET_STATE;
import static org.jotrs.platform.db.schema.Tables.TICKET_STATE_TYPE;
import static org.jotrs.platform.db.schema.Tables.TICKET_TYPE;
import static org.jotrs.platform.db.schema.Tables.TICKET_WATCHER;
import static org.jotrs.platform.db.schema.Tables.USERS;
import static org.jotrs.platform.db.schema.Tables.USER_PREFERENCES;

import java.time.LocalDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jooq.DSLContext;
import org.jooq.Record;
import org.jotrs.mail.internal.NotificationText.Person;
import org.springframework.stereotype.Component;

/**
 * What a notification needs to know about a ticket, its articles and its agents, read from the
 * OTRS tables (reads across modules are allowed; the mail module writes none of them). The mail
 * module cannot ask the ticket module's facade, which itself queues mail through this module.
 */
@Component
class NotificationFacts {

    static final int SENDER_AGENT = 1;
    static final int SENDER_CUSTOMER = 3;

    private static final Pattern EMAIL_CHOICE = Pattern.compile("\"Notification-(\\d+)-Email\"\\s*:\\s*\"?(\\d)\"?");

    private final DSLContext db;

    NotificationFacts(DSLContext db) {
        this.db = db;
    }

    /** A ticket with the names of its attributes, as OTRS's TicketGet gives them. */
    record Ticket(long id, String number, String title, int queueId, String queue, int groupId, int stateId,
            String state, String stateType, int priorityId, String priority, Integer typeId, String type, int lockId,
            String lock, int ownerId, Integer responsibleId, Integer serviceId, String service, Integer slaId, String sla,
            String customerId, String customerUserId, LocalDateTime created) {

        /** The value an OTRS notification filter item compares with ({@code QueueID}, {@code StateID}, ...). */
        Optional<String> attribute(String key) {
            Object value = switch (key) {
                case "QueueID" -> queueId;
                case "Queue" -> queue;
                case "StateID" -> stateId;
                case "State" -> state;
                case "StateType" -> stateType;
                case "PriorityID" -> priorityId;
                case "Priority" -> priority;
                case "TypeID" -> typeId;
                case "Type" -> type;
                case "LockID" -> lockId;
                case "Lock" -> lock;
                case "OwnerID" -> ownerId;
                case "ResponsibleID" -> responsibleId;
                case "ServiceID" -> serviceId;
                case "SLAID" -> slaId;
                case "CustomerID" -> customerId;
                case "CustomerUserID" -> customerUserId;
                default -> null;
            };
            return Optional.ofNullable(value).map(Object::toString);
        }

        static final Set<String> FILTER_KEYS = Set.of("QueueID", "Queue", "StateID", "State", "StateType", "PriorityID",
                "Priority", "TypeID", "Type", "LockID", "Lock", "OwnerID", "ResponsibleID", "ServiceID", "SLAID",
                "CustomerID", "CustomerUserID");
    }

    /** An article's header fields and body, for filters and the customer/agent placeholders. */
    record Article(long id, int senderTypeId, long channelId, boolean visibleForCustomer, String from, String subject,
            String body) {
    }

    Optional<Ticket> ticket(long ticketId) {
        Record t = db.select(TICKET.ID, TICKET.TN, TICKET.TITLE, TICKET.QUEUE_ID, TICKET.TICKET_STATE_ID,
                        TICKET.TICKET_PRIORITY_ID, TICKET.TYPE_ID, TICKET.TICKET_LOCK_ID, TICKET.USER_ID,
                        TICKET.RESPONSIBLE_USER_ID, TICKET.SERVICE_ID, TICKET.SLA_ID, TICKET.CUSTOMER_ID,
                        TICKET.CUSTOMER_USER_ID, TICKET.CREATE_TIME, QUEUE.NAME, QUEUE.GROUP_ID, TICKET_STATE.NAME,
                        TICKET_STATE_TYPE.NAME, TICKET_PRIORITY.NAME, TICKET_LOCK_TYPE.NAME)
                .from(TICKET)
                .join(QUEUE).on(QUEUE.ID.eq(TICKET.QUEUE_ID))
                .join(TICKET_STATE).on(TICKET_STATE.ID.eq(TICKET.TICKET_STATE_ID))
                .join(TICKET_STATE_TYPE).on(TICKET_STATE_TYPE.ID.eq(TICKET_STATE.TYPE_ID))
                .join(TICKET_PRIORITY).on(TICKET_PRIORITY.ID.eq(TICKET.TICKET_PRIORITY_ID))
                .join(TICKET_LOCK_TYPE).on(TICKET_LOCK_TYPE.ID.eq(TICKET.TICKET_LOCK_ID))
                .where(TICKET.ID.eq(ticketId))
                .fetchOne();
        if (t == null) {
            return Optional.empty();
        }
        Integer typeId = intOrNull(t.get(TICKET.TYPE_ID));
        Integer serviceId = intOrNull(t.get(TICKET.SERVICE_ID));
        Integer slaId = intOrNull(t.get(TICKET.SLA_ID));
        String type = typeId == null ? null
                : db.select(TICKET_TYPE.NAME).from(TICKET_TYPE).where(TICKET_TYPE.ID.eq(typeId.shortValue())).fetchOne(TICKET_TYPE.NAME);
        String service = serviceId == null ? null
                : db.select(SERVICE.NAME).from(SERVICE).where(SERVICE.ID.eq(serviceId)).fetchOne(SERVICE.NAME);
        String sla = slaId == null ? null : db.select(SLA.NAME).from(SLA).where(SLA.ID.eq(slaId)).fetchOne(SLA.NAME);
        return Optional.of(new Ticket(t.get(TICKET.ID), t.get(TICKET.TN), t.get(TICKET.TITLE), t.get(TICKET.QUEUE_ID),
                t.get(QUEUE.NAME), t.get(QUEUE.GROUP_ID), t.get(TICKET.TICKET_STATE_ID).intValue(), t.get(TICKET_STATE.NAME),
                t.get(TICKET_STATE_TYPE.NAME), t.get(TICKET.TICKET_PRIORITY_ID).intValue(), t.get(TICKET_PRIORITY.NAME),
                typeId, type, t.get(TICKET.TICKET_LOCK_ID).intValue(), t.get(TICKET_LOCK_TYPE.NAME), t.get(TICKET.USER_ID),
                intOrNull(t.get(TICKET.RESPONSIBLE_USER_ID)), serviceId, service, slaId, sla, t.get(TICKET.CUSTOMER_ID),
                t.get(TICKET.CUSTOMER_USER_ID), t.get(TICKET.CREATE_TIME)));
    }

    private static Integer intOrNull(Number value) {
        return value == null ? null : value.intValue();
    }

    Optional<Article> article(long articleId) {
        return db.select(ARTICLE.ID, ARTICLE.ARTICLE_SENDER_TYPE_ID, ARTICLE.COMMUNICATION_CHANNEL_ID,
                        ARTICLE.IS_VISIBLE_FOR_CUSTOMER, ARTICLE_DATA_MIME.A_FROM, ARTICLE_DATA_MIME.A_SUBJECT,
                        ARTICLE_DATA_MIME.A_BODY)
                .from(ARTICLE)
                .leftJoin(ARTICLE_DATA_MIME).on(ARTICLE_DATA_MIME.ARTICLE_ID.eq(ARTICLE.ID))
                .where(ARTICLE.ID.eq(articleId))
                .fetchOptional(r -> new Article(r.value1(), r.value2().intValue(), r.value3(), r.value4() == 1,
                        r.value5(), r.value6(), r.value7()));
    }

    /** The ticket's newest article from this sender type (OTRS's ArticleLastCustomerArticle and its agent twin). */
    Optional<Article> lastArticle(long ticketId, int senderTypeId) {
        Long id = db.select(ARTICLE.ID).from(ARTICLE)
                .where(ARTICLE.TICKET_ID.eq(ticketId)).and(ARTICLE.ARTICLE_SENDER_TYPE_ID.eq((short) senderTypeId))
                .orderBy(ARTICLE.ID.desc()).limit(1).fetchOne(ARTICLE.ID);
        return id == null ? Optional.empty() : article(id);
    }

    /** The OTRS history type names written for an article ({@code AddNote}, {@code FollowUp}, ...). */
    Set<String> historyTypes(long articleId) {
        return Set.copyOf(db.selectDistinct(TICKET_HISTORY_TYPE.NAME).from(TICKET_HISTORY)
                .join(TICKET_HISTORY_TYPE).on(TICKET_HISTORY_TYPE.ID.eq(TICKET_HISTORY.HISTORY_TYPE_ID))
                .where(TICKET_HISTORY.ARTICLE_ID.eq(articleId))
                .fetch(TICKET_HISTORY_TYPE.NAME));
    }

    List<Integer> watchers(long ticketId) {
        return db.select(TICKET_WATCHER.USER_ID).from(TICKET_WATCHER).where(TICKET_WATCHER.TICKET_ID.eq(ticketId))
                .orderBy(TICKET_WATCHER.USER_ID).fetch(TICKET_WATCHER.USER_ID);
    }

    /** Agents who have the queue among their "My Queues". */
    List<Integer> myQueues(int queueId) {
        return db.select(PERSONAL_QUEUES.USER_ID).from(PERSONAL_QUEUES).where(PERSONAL_QUEUES.QUEUE_ID.eq(queueId))
                .orderBy(PERSONAL_QUEUES.USER_ID).fetch(PERSONAL_QUEUES.USER_ID);
    }

    /** Agents who have the service among their "My Services". */
    List<Integer> myServices(int serviceId) {
        return db.select(PERSONAL_SERVICES.USER_ID).from(PERSONAL_SERVICES).where(PERSONAL_SERVICES.SERVICE_ID.eq(serviceId))
                .orderBy(PERSONAL_SERVICES.USER_ID).fetch(PERSONAL_SERVICES.USER_ID);
    }

    List<Integer> roleMembers(Collection<Integer> roleIds) {
        return db.selectDistinct(ROLE_USER.USER_ID).from(ROLE_USER).where(ROLE_USER.ROLE_ID.in(roleIds))
                .orderBy(ROLE_USER.USER_ID).fetch(ROLE_USER.USER_ID);
    }

    /**
     * A valid agent with the preferences a notification needs; empty for an invalid or unknown one.
     *
     * @return the person and their stored notification choices ({@code Notification-<id>-Email} → on/off);
     *     a notification missing there was never chosen
     */
    Optional<Recipient> recipient(int agentId) {
        Record user = db.select(USERS.ID, USERS.LOGIN, USERS.TITLE, USERS.FIRST_NAME, USERS.LAST_NAME).from(USERS)
                .where(USERS.ID.eq(agentId)).and(USERS.VALID_ID.eq((short) 1)).fetchOne();
        if (user == null) {
            return Optional.empty();
        }
        Map<String, String> preferences = new HashMap<>();
        db.select(USER_PREFERENCES.PREFERENCES_KEY, USER_PREFERENCES.PREFERENCES_VALUE).from(USER_PREFERENCES)
                .where(USER_PREFERENCES.USER_ID.eq(agentId))
                .and(USER_PREFERENCES.PREFERENCES_KEY.in("UserEmail", "UserLanguage", "NotificationTransport"))
                .forEach(r -> preferences.put(r.value1(), r.value2()));
        Map<Integer, Boolean> choices = new HashMap<>();
        String transport = preferences.get("NotificationTransport");
        if (transport != null) {
            Matcher matcher = EMAIL_CHOICE.matcher(transport);
            while (matcher.find()) {
                choices.put(Integer.parseInt(matcher.group(1)), matcher.group(2).equals("1"));
            }
        }
        Person person = new Person(user.get(USERS.ID), user.get(USERS.LOGIN), user.get(USERS.TITLE),
                nonNull(user.get(USERS.FIRST_NAME)), nonNull(user.get(USERS.LAST_NAME)), preferences.get("UserEmail"),
                preferences.get("UserLanguage"));
        return Optional.of(new Recipient(person, choices));
    }

    record Recipient(Person person, Map<Integer, Boolean> choices) {
    }

    /** The customer user's columns as OTRS's {@code CUSTOMER_DATA_*} tags name them. */
    Map<String, String> customerData(String login) {
        Map<String, String> values = new HashMap<>();
        if (login == null || login.isBlank()) {
            return values;
        }
        db.select(CUSTOMER_USER.LOGIN, CUSTOMER_USER.TITLE, CUSTOMER_USER.FIRST_NAME, CUSTOMER_USER.LAST_NAME,
                        CUSTOMER_USER.EMAIL, CUSTOMER_USER.CUSTOMER_ID, CUSTOMER_USER.PHONE)
                .from(CUSTOMER_USER).where(CUSTOMER_USER.LOGIN.eq(login)).fetchOptional()
                .ifPresent(r -> {
                    values.put("UserLogin", r.value1());
                    values.put("UserTitle", nonNull(r.value2()));
                    values.put("UserFirstname", nonNull(r.value3()));
                    values.put("UserLastname", nonNull(r.value4()));
                    values.put("UserFullname", (nonNull(r.value3()) + " " + nonNull(r.value4())).strip());
                    values.put("UserEmail", nonNull(r.value5()));
                    values.put("UserCustomerID", nonNull(r.value6()));
                    values.put("UserPhone", nonNull(r.value7()));
                });
        return values;
    }

    private static String nonNull(String value) {
        return value == null ? "" : value;
    }
}
