package org.jotrs.postmaster.internal;

import static org.jotrs.platform.db.schema.Tables.AUTO_RESPONSE;
import static org.jotrs.platform.db.schema.Tables.AUTO_RESPONSE_TYPE;
import static org.jotrs.platform.db.schema.Tables.QUEUE_AUTO_RESPONSE;
import static org.jotrs.platform.db.schema.Tables.SYSTEM_ADDRESS;
import static org.jotrs.platform.db.schema.Tables.TICKET;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jooq.DSLContext;
import org.jooq.Record4;
import org.jotrs.queue.QueueService;
import org.jotrs.ticket.AutoResponse;
import org.jotrs.ticket.AutoResponseOutcome;
import org.jotrs.ticket.TicketService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Answers an incoming mail with the auto response its ticket's queue has for the case (OTRS's
 * {@code queue_auto_response}: auto reply for a new ticket, auto follow up, auto reject, auto
 * reply/new ticket), unless the mail must not be answered: RFC 3834's rules and OTRS's loop
 * protection (anything {@code Auto-Submitted}, {@code Precedence: bulk/junk/list}, {@code X-Loop},
 * {@code X-OTRS-Loop}, mailing lists, delivery reports, MAILER-DAEMON, postmaster, noreply and
 * the like, our own system addresses); the ticket's history says why none was sent. The daily
 * limit per address is the ticket module's ({@code ticket_loop_protection}).
 */
@Component
class AutoResponder implements org.jotrs.postmaster.AutoResponses {

    private static final Logger log = LoggerFactory.getLogger(AutoResponder.class);

    /** Senders that are mail systems, not people (RFC 3834 section 2, OTRS's NoAutoRegExp and more). */
    private static final Pattern MAIL_SYSTEM = Pattern.compile(
            "(mailer-daemon|mailer_daemon|postmaster|abuse|daemon|no-?reply|do-?not-?reply|bounces?|owner-.*|.*-request|.*-bounces)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern PLACEHOLDER = Pattern.compile("<OTRS_(TICKET_TicketNumber|TICKET_Title|TICKET_TicketID|CUSTOMER_SUBJECT|CUSTOMER_EMAIL|CUSTOMER_From|CUSTOMER_REALNAME|CUSTOMER_UserEmail)(?:\\[(\\d+)])?>",
            Pattern.CASE_INSENSITIVE);

    private final DSLContext db;
    private final TicketService tickets;
    private final QueueService queues;
    private final PostmasterProperties properties;

    AutoResponder(DSLContext db, TicketService tickets, QueueService queues, PostmasterProperties properties) {
        this.db = db;
        this.tickets = tickets;
        this.queues = queues;
        this.properties = properties;
    }

    /**
     * Sends the queue's auto response of this type for the mail, or records why not; does nothing
     * when the queue has none. Never throws: the mail is stored already, and a failed auto
     * response must not make it look unstored.
     */
    void respond(long ticketId, String type, ParsedMail mail) {
        try {
            var ticket = db.select(TICKET.QUEUE_ID, TICKET.TN, TICKET.TITLE).from(TICKET).where(TICKET.ID.eq(ticketId)).fetchOne();
            if (ticket == null) {
                return;
            }
            Optional<Record4<String, String, String, String>> template = db
                    .select(AUTO_RESPONSE.TEXT0, AUTO_RESPONSE.TEXT1, SYSTEM_ADDRESS.VALUE0, SYSTEM_ADDRESS.VALUE1)
                    .from(QUEUE_AUTO_RESPONSE)
                    .join(AUTO_RESPONSE).on(AUTO_RESPONSE.ID.eq(QUEUE_AUTO_RESPONSE.AUTO_RESPONSE_ID))
                    .join(AUTO_RESPONSE_TYPE).on(AUTO_RESPONSE_TYPE.ID.eq(AUTO_RESPONSE.TYPE_ID))
                    .join(SYSTEM_ADDRESS).on(SYSTEM_ADDRESS.ID.eq(AUTO_RESPONSE.SYSTEM_ADDRESS_ID))
                    .where(QUEUE_AUTO_RESPONSE.QUEUE_ID.eq(ticket.value1()))
                    .and(AUTO_RESPONSE_TYPE.NAME.eq(type))
                    .and(AUTO_RESPONSE.VALID_ID.eq((short) 1))
                    .orderBy(AUTO_RESPONSE.ID).limit(1).fetchOptional();
            if (template.isEmpty()) {
                return;
            }
            String to = recipient(mail);
            String reason = reasonNotToAnswer(mail, to);
            if (reason != null) {
                tickets.autoResponseSuppressed(ticketId, reason);
                log.info("auto response suppressed ticket={} type={} reason={}", ticket.value2(), type, reason);
                return;
            }
            var t = template.get();
            String from = t.value4() == null || t.value4().isBlank() ? t.value3()
                    : "\"" + t.value4().replace("\"", "") + "\" <" + t.value3() + ">";
            Map<String, String> values = Map.of("ticket_ticketnumber", ticket.value2(), "ticket_title", nonNull(ticket.value3()),
                    "ticket_ticketid", Long.toString(ticketId), "customer_from", nonNull(mail.from()),
                    "customer_realname", realName(mail), "customer_useremail", nonNull(mail.fromAddress()));
            String references = ((mail.references() == null ? "" : mail.references()) + " "
                    + (mail.messageId() == null ? "" : mail.messageId())).strip();
            AutoResponseOutcome outcome = tickets.sendAutoResponse(ticketId, new AutoResponse(type, from, to,
                    fill(t.value1(), values, mail), fill(t.value2(), values, mail), mail.messageId(),
                    references.isEmpty() ? null : references, properties.maxAutoResponsesPerDay()));
            log.info("auto response ticket={} type={} to={} outcome={}", ticket.value2(), type, to, outcome);
        } catch (RuntimeException e) {
            log.warn("auto response failed ticket={} type={} reason={}", ticketId, type, e.toString());
        }
    }

    @Override
    public void respondToWebRequest(long ticketId, String type, String fromMailbox, String fromAddress, String subject,
            String body) {
        String address = fromAddress == null ? null : fromAddress.strip().toLowerCase(java.util.Locale.ROOT);
        respond(ticketId, type, new ParsedMail(fromMailbox, address, null, null, null, subject, null, null, null,
                java.util.List.of(), Map.of(), body, null, java.util.List.of()));
    }

    private static String recipient(ParsedMail mail) {
        String replyTo = mail.replyTo() == null ? null : bare(mail.replyTo());
        return replyTo != null && replyTo.contains("@") ? replyTo : mail.fromAddress();
    }

    /** Why this mail gets no auto response, or null when it may get one. */
    String reasonNotToAnswer(ParsedMail mail, String to) {
        Map<String, String> h = mail.headers();
        String autoSubmitted = h.get("auto-submitted");
        if (autoSubmitted != null && !autoSubmitted.strip().toLowerCase(Locale.ROOT).startsWith("no")) {
            return "the mail is Auto-Submitted: " + autoSubmitted.strip();
        }
        String precedence = h.get("precedence");
        if (precedence != null && precedence.toLowerCase(Locale.ROOT).matches(".*\\b(bulk|junk|list)\\b.*")) {
            return "the mail has Precedence: " + precedence.strip();
        }
        if (h.containsKey("x-loop")) {
            return "the mail has an X-Loop header";
        }
        String otrsLoop = h.get("x-otrs-loop");
        if (otrsLoop != null && !otrsLoop.strip().equalsIgnoreCase("no") && !otrsLoop.strip().equalsIgnoreCase("false")) {
            return "the mail has X-OTRS-Loop: " + otrsLoop.strip();
        }
        if (h.containsKey("list-id") || h.containsKey("list-unsubscribe")) {
            return "the mail comes from a mailing list";
        }
        String suppress = h.get("x-auto-response-suppress");
        if (suppress != null && suppress.toLowerCase(Locale.ROOT).matches(".*\\b(all|autoreply|oof)\\b.*")) {
            return "the mail has X-Auto-Response-Suppress: " + suppress.strip();
        }
        String contentType = h.get("content-type");
        if (contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith("multipart/report")) {
            return "the mail is a delivery report";
        }
        String returnPath = h.get("return-path");
        if (returnPath != null && returnPath.replaceAll("\\s", "").equals("<>")) {
            return "the mail has an empty Return-Path (a bounce)";
        }
        if (to == null || !to.contains("@")) {
            return "the mail has no address to answer";
        }
        String local = to.substring(0, to.indexOf('@'));
        if (MAIL_SYSTEM.matcher(local).matches()) {
            return "the sender " + to + " is a mail system, not a person";
        }
        if (queues.queueForAddress(to).isPresent()) {
            return "the sender " + to + " is one of our own system addresses";
        }
        return null;
    }

    private static String fill(String text, Map<String, String> values, ParsedMail mail) {
        if (text == null) {
            return "";
        }
        Matcher matcher = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String name = matcher.group(1).toLowerCase(Locale.ROOT);
            Integer size = matcher.group(2) == null ? null : Integer.valueOf(matcher.group(2));
            String value = switch (name) {
                case "customer_subject" -> cutTo(nonNull(mail.subject()), size);
                case "customer_email" -> quote(mail.body() == null ? "" : mail.body(), size == null ? 10 : size);
                default -> values.getOrDefault(name, "");
            };
            matcher.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    /** The first lines of the customer's text, quoted as OTRS's {@code <OTRS_CUSTOMER_EMAIL[n]>}. */
    private static String quote(String body, int lines) {
        StringBuilder quoted = new StringBuilder();
        body.lines().limit(Math.max(0, lines)).forEach(line -> quoted.append("> ").append(line).append('\n'));
        return quoted.toString().stripTrailing();
    }

    private static String cutTo(String text, Integer size) {
        return size == null || text.length() <= size ? text : text.substring(0, size) + "[...]";
    }

    private static String realName(ParsedMail mail) {
        String from = nonNull(mail.from());
        int open = from.indexOf('<');
        String name = open > 0 ? from.substring(0, open).strip().replaceAll("^\"|\"$", "") : "";
        return name.isEmpty() ? nonNull(mail.fromAddress()) : name;
    }

    private static String bare(String address) {
        int open = address.lastIndexOf('<');
        int close = address.lastIndexOf('>');
        String bare = open >= 0 && close > open ? address.substring(open + 1, close) : address;
        bare = bare.strip().toLowerCase(Locale.ROOT);
        return bare.isEmpty() ? null : bare;
    }

    private static String nonNull(String value) {
        return value == null ? "" : value;
    }
}
