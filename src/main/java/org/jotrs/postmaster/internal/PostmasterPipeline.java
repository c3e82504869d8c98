package org.jotrs.postmaster.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.apache.commons.codec.digest.DigestUtils;
import org.jotrs.article.ArticleService;
import org.jotrs.customer.CustomerDirectory;
import org.jotrs.customer.CustomerUser;
import org.jotrs.platform.Setting;
import org.jotrs.platform.Settings;
import org.jotrs.postmaster.Delivery;
import org.jotrs.postmaster.Postmaster;
import org.jotrs.queue.QueueService;
import org.jotrs.ticket.InboundMail;
import org.jotrs.ticket.InboundTicket;
import org.jotrs.ticket.MailArrival;
import org.jotrs.ticket.TicketNumbers;
import org.jotrs.ticket.TicketService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * OTRS's PostMaster for one message: parse, filters, follow-up detection (ticket number in the
 * subject, then In-Reply-To/References against our Message-IDs), destination queue, customer,
 * then the ticket and article in one transaction together with the row that marks the message as
 * taken in. Anything that prevents storing it puts the raw message in the quarantine with the
 * reason instead, so the mailbox moves on; only an unreachable database is thrown to the caller,
 * who then leaves the message where it is.
 */
@Service
@EnableConfigurationProperties(PostmasterProperties.class)
class PostmasterPipeline implements Postmaster {

    private static final Logger log = LoggerFactory.getLogger(PostmasterPipeline.class);
    static final int PIPE = 0;

    private final TicketService tickets;
    private final TicketNumbers numbers;
    private final ArticleService articles;
    private final QueueService queues;
    private final CustomerDirectory customers;
    private final PostmasterFilters filters;
    private final IncomingStore store;
    private final TransactionTemplate transactions;
    private final PostmasterProperties properties;
    private final AutoResponder autoResponder;
    private final Settings settings;

    PostmasterPipeline(TicketService tickets, TicketNumbers numbers, ArticleService articles, QueueService queues,
            CustomerDirectory customers, PostmasterFilters filters, IncomingStore store, TransactionTemplate transactions,
            PostmasterProperties properties, AutoResponder autoResponder, Settings settings) {
        this.tickets = tickets;
        this.numbers = numbers;
        this.articles = articles;
        this.queues = queues;
        this.customers = customers;
        this.filters = filters;
        this.store = store;
        this.transactions = transactions;
        this.properties = properties;
        this.autoResponder = autoResponder;
        this.settings = settings;
    }

    static final String CREATE_UNKNOWN_CUSTOMERS = "postmaster.create-unknown-customers";

    @Bean
    static Setting createUnknownCustomersSetting() {
        return new Setting(CREATE_UNKNOWN_CUSTOMERS, "Mail", "Create customer users for unknown senders",
                "A new ticket from a sender address that no customer user has creates one (login, mail address and "
                        + "customer id: the address; names from the From header), so the sender can be found, "
                        + "answered and later sign in. Off: the ticket names the address as customer, as OTRS's "
                        + "PostMaster does.", new Setting.Flag());
    }

    /**
     * Where a message comes from.
     *
     * @param queueId the account's queue (OTRS DispatchingBy Queue), or null to dispatch by recipient address
     * @param trusted whether {@code X-OTRS-*} headers are honoured
     */
    record Source(int accountId, Integer queueId, boolean trusted) {
    }

    @Override
    public Delivery deliver(byte[] rawMessage) {
        return receive(new Source(PIPE, null, properties.pipeTrusted()), rawMessage);
    }

    @Override
    public long maxMessageSize() {
        return properties.maxMessageSize().toBytes();
    }

    Delivery receive(Source source, byte[] raw) {
        String digest = DigestUtils.sha256Hex(raw);
        if (store.seen(source.accountId(), digest)) {
            return new Delivery.Duplicate();
        }
        if (raw.length > maxMessageSize()) {
            return quarantine(source, digest, raw, null, null, "The message has " + raw.length + " bytes, more than the limit of "
                    + maxMessageSize() + " (jotrs.postmaster.max-message-size); raise it and retry, or drop the message.");
        }
        ParsedMail mail;
        try {
            mail = MailParser.parse(raw);
        } catch (MailParser.Unreadable e) {
            return quarantine(source, digest, raw, null, null, e.getMessage());
        }
        if (mail.fromAddress() == null) {
            return quarantine(source, digest, raw, mail.from(), mail.subject(),
                    "The message has no sender address (From); it cannot become a ticket.");
        }
        try {
            Stored stored = transactions.execute(status -> store(source, digest, raw, mail));
            if (stored.autoResponseType() != null && stored.delivery() instanceof Delivery.Stored article) {
                // After the commit, in its own transaction: the mail is safe whatever becomes of the answer.
                autoResponder.respond(article.ticketId(), stored.autoResponseType(), mail);
            }
            return stored.delivery();
        } catch (DuplicateKeyException e) {
            // Another node or pipe call stored the same message at the same moment.
            return new Delivery.Duplicate();
        } catch (DataAccessResourceFailureException | CannotCreateTransactionException | TransientDataAccessException e) {
            throw e;
        } catch (RuntimeException e) {
            log.warn("postmaster quarantine account={} from={} reason={}", source.accountId(), mail.fromAddress(), e.toString());
            return quarantine(source, digest, raw, mail.from(), mail.subject(), reason(e));
        }
    }

    /** A message taken in, and the auto response type its ticket's queue may answer it with (null: none). */
    private record Stored(Delivery delivery, String autoResponseType) {
    }

    private Stored store(Source source, String digest, byte[] raw, ParsedMail mail) {
        Map<String, String> headers = new HashMap<>(mail.headers());
        Map<String, String> trusted = new HashMap<>();
        if (source.trusted()) {
            headers.forEach((name, value) -> {
                if (name.startsWith("x-otrs-")) {
                    trusted.put(name, value);
                }
            });
        }
        trusted.putAll(filters.apply(headers));
        if (yes(trusted.get("x-otrs-ignore"))) {
            store.received(source.accountId(), digest, mail.messageId(), null, null, null);
            return new Stored(new Delivery.Ignored("X-OTRS-Ignore"), null);
        }
        InboundMail inbound = new InboundMail(mail.from(), mail.to(), mail.cc(), mail.replyTo(), mail.subject(),
                mail.body() == null && mail.htmlBody() == null ? "" : mail.body(), mail.htmlBody(), mail.messageId(),
                mail.inReplyTo(), mail.references(), mail.attachments(), raw);
        InboundTicket newTicket = newTicket(source, mail, trusted);
        Optional<Long> existing = followUpOf(mail);
        MailArrival arrival = existing.isPresent()
                ? tickets.addMailFollowUp(existing.get(), inbound, newTicket)
                : tickets.createFromMail(newTicket, inbound);
        store.received(source.accountId(), digest, mail.messageId(), arrival.ticketId(), arrival.articleId(), null);
        log.info("postmaster stored account={} ticket={} article={} new={} reopened={}", source.accountId(),
                arrival.ticketNumber(), arrival.articleId(), arrival.newTicket(), arrival.reopened());
        return new Stored(new Delivery.Stored(arrival.ticketId(), arrival.ticketNumber(), arrival.articleId(), arrival.newTicket()),
                autoResponseType(existing.isPresent(), arrival));
    }

    /** OTRS's choice: a new ticket gets the auto reply (or auto reply/new ticket when a follow-up opened it), a follow-up the auto follow up, a refused one the auto reject. */
    private static String autoResponseType(boolean followUp, MailArrival arrival) {
        if (arrival.newTicket()) {
            return followUp ? "auto reply/new ticket" : "auto reply";
        }
        return arrival.rejected() ? "auto reject" : "auto follow up";
    }

    /** OTRS's follow-up checks, in its order: the ticket number in the subject, then the thread's Message-IDs. */
    private Optional<Long> followUpOf(ParsedMail mail) {
        Optional<Long> byNumber = numbers.findIn(mail.subject()).flatMap(tickets::ticketIdByNumber);
        if (byNumber.isPresent()) {
            return byNumber;
        }
        List<String> ids = new ArrayList<>();
        for (String header : new String[] {mail.inReplyTo(), mail.references()}) {
            if (header != null) {
                var matcher = java.util.regex.Pattern.compile("<[^<>\\s]+>").matcher(header);
                while (matcher.find()) {
                    ids.add(matcher.group());
                }
            }
        }
        Optional<Long> byThread = articles.ticketIdOfMessageIds(ids);
        return byThread.isPresent() ? byThread : bounced(mail);
    }

    /**
     * A delivery report (RFC 3464, {@code multipart/report}) names no ticket itself, but carries the
     * message that bounced: the report goes to that message's ticket (by its Message-ID, which is
     * one of ours, or the ticket number in its subject), so the agent sees that the answer did not
     * arrive. Only reports are read this way, not any mail with a forwarded message attached.
     */
    private Optional<Long> bounced(ParsedMail mail) {
        String type = mail.headers().get("content-type");
        if (type == null || !type.toLowerCase(Locale.ROOT).startsWith("multipart/report")) {
            return Optional.empty();
        }
        for (var attachment : mail.attachments()) {
            String attachedType = attachment.contentType() == null ? "" : attachment.contentType().toLowerCase(Locale.ROOT);
            if (!attachedType.startsWith("message/rfc822") && !attachedType.startsWith("text/rfc822-headers")) {
                continue;
            }
            try {
                ParsedMail original = MailParser.parse(attachment.content());
                if (original.messageId() != null) {
                    Optional<Long> byId = articles.ticketIdOfMessageIds(List.of(original.messageId()));
                    if (byId.isPresent()) {
                        return byId;
                    }
                }
                Optional<Long> byNumber = numbers.findIn(original.subject()).flatMap(tickets::ticketIdByNumber);
                if (byNumber.isPresent()) {
                    return byNumber;
                }
            } catch (MailParser.Unreadable e) {
                // An unreadable original leaves the report to be a ticket of its own.
            }
        }
        return Optional.empty();
    }

    private InboundTicket newTicket(Source source, ParsedMail mail, Map<String, String> trusted) {
        Integer queueId = Optional.ofNullable(trusted.get("x-otrs-queue")).flatMap(queues::queueIdByName)
                .orElseGet(() -> source.queueId() != null ? source.queueId() : byRecipient(mail.recipients()));
        String customerUser = trusted.get("x-otrs-customeruser");
        String customerId = trusted.get("x-otrs-customerno");
        if (customerUser == null) {
            Optional<CustomerUser> known = customers.search(mail.fromAddress(), 10).stream()
                    .filter(c -> c.email() != null && c.email().equalsIgnoreCase(mail.fromAddress())).findFirst();
            if (known.isEmpty() && mail.fromAddress() != null && mail.fromAddress().length() <= 150
                    && settings.flag(CREATE_UNKNOWN_CUSTOMERS)) {
                known = Optional.of(customers.registerMailSender(mail.fromAddress(), displayName(mail.from())));
            }
            customerUser = known.map(CustomerUser::login).orElse(mail.fromAddress());
            if (customerId == null) {
                customerId = known.map(CustomerUser::customerId).orElse(mail.fromAddress());
            }
        } else if (customerId == null) {
            customerId = customers.find(customerUser).map(CustomerUser::customerId).orElse(customerUser);
        }
        String title = trusted.getOrDefault("x-otrs-title", mail.subject());
        return new InboundTicket(queueId, title, customerUser, customerId, trusted.get("x-otrs-priority"),
                trusted.get("x-otrs-state"), trusted.get("x-otrs-type"), null, null);
    }

    /** The name part of a From header ({@code "Carla Customer" <carla@example.com>}), or null. */
    private static String displayName(String from) {
        if (from == null) {
            return null;
        }
        try {
            jakarta.mail.internet.InternetAddress[] parsed = jakarta.mail.internet.InternetAddress.parseHeader(from, false);
            return parsed.length == 0 ? null : parsed[0].getPersonal();
        } catch (jakarta.mail.internet.AddressException e) {
            return null;
        }
    }

    private int byRecipient(List<String> recipients) {
        for (String recipient : recipients) {
            Optional<Integer> queue = queues.queueForAddress(recipient);
            if (queue.isPresent()) {
                return queue.get();
            }
        }
        return queues.queueIdByName(properties.defaultQueue())
                .orElseThrow(() -> new IllegalStateException("The default queue '" + properties.defaultQueue()
                        + "' (jotrs.postmaster.default-queue) does not exist or is invalid."));
    }

    private Delivery quarantine(Source source, String digest, byte[] raw, String sender, String subject, String reason) {
        long id = transactions.execute(status -> {
            long quarantineId = store.quarantine(source.accountId(), raw, sender, subject, reason);
            store.received(source.accountId(), digest, null, null, null, quarantineId);
            return quarantineId;
        });
        return new Delivery.Quarantined(id, reason);
    }

    /** Retries a quarantined message: runs the pipeline again without the duplicate check. */
    Delivery retry(long quarantineId, int accountId, Integer queueId, boolean trusted, byte[] raw) {
        ParsedMail mail;
        try {
            mail = MailParser.parse(raw);
        } catch (MailParser.Unreadable e) {
            return new Delivery.Quarantined(quarantineId, e.getMessage());
        }
        if (mail.fromAddress() == null) {
            return new Delivery.Quarantined(quarantineId, "The message has no sender address (From); it cannot become a ticket.");
        }
        try {
            return transactions.execute(status -> {
                Source source = new Source(accountId, queueId, trusted);
                Delivery delivery = storeWithoutReceipt(source, raw, mail);
                if (delivery instanceof Delivery.Stored stored) {
                    store.resolved(quarantineId, stored.ticketId(), stored.articleId());
                }
                return delivery;
            });
        } catch (DataAccessResourceFailureException | CannotCreateTransactionException | TransientDataAccessException e) {
            throw e;
        } catch (RuntimeException e) {
            return new Delivery.Quarantined(quarantineId, reason(e));
        }
    }

    private Delivery storeWithoutReceipt(Source source, byte[] raw, ParsedMail mail) {
        Map<String, String> headers = new HashMap<>(mail.headers());
        Map<String, String> trusted = new HashMap<>();
        if (source.trusted()) {
            headers.forEach((name, value) -> {
                if (name.startsWith("x-otrs-")) {
                    trusted.put(name, value);
                }
            });
        }
        trusted.putAll(filters.apply(headers));
        InboundMail inbound = new InboundMail(mail.from(), mail.to(), mail.cc(), mail.replyTo(), mail.subject(),
                mail.body() == null && mail.htmlBody() == null ? "" : mail.body(), mail.htmlBody(), mail.messageId(),
                mail.inReplyTo(), mail.references(), mail.attachments(), raw);
        InboundTicket newTicket = newTicket(source, mail, trusted);
        Optional<Long> existing = followUpOf(mail);
        MailArrival arrival = existing.isPresent()
                ? tickets.addMailFollowUp(existing.get(), inbound, newTicket)
                : tickets.createFromMail(newTicket, inbound);
        return new Delivery.Stored(arrival.ticketId(), arrival.ticketNumber(), arrival.articleId(), arrival.newTicket());
    }

    private static String reason(RuntimeException e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return message.replaceAll("\\s+", " ").strip();
    }

    private static boolean yes(String value) {
        return value != null && (value.strip().equalsIgnoreCase("yes") || value.strip().equals("1")
                || value.strip().toLowerCase(Locale.ROOT).equals("true"));
    }
}
