package org.jotrs.mail.internal;

import static org.jotrs.platform.db.schema.Tables.MAIL_QUEUE;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Map;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;

import jakarta.mail.Message.RecipientType;
import jakarta.activation.DataHandler;
import jakarta.mail.MessagingException;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.MimeUtility;
import jakarta.mail.util.ByteArrayDataSource;

import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.jotrs.platform.DatabaseKind;
import org.jotrs.platform.DatabaseSchema;
import org.jotrs.mail.InvalidAddress;
import org.jotrs.mail.OutboundMail;
import org.jotrs.mail.OutgoingMail;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Builds messages with Jakarta Mail and stores them in {@code mail_queue}. The queued
 * {@code raw_message} is the RFC 822 text (7-bit: bodies are quoted-printable or base64), not
 * OTRS's serialized Perl hash, so an OTRS daemon must not share the queue with Jotrs.
 */
@Service
@EnableConfigurationProperties(MailProperties.class)
class QueuedOutboundMail implements OutboundMail {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final DSLContext db;
    private final DatabaseSchema schema;
    private final Clock clock;
    private final String fqdn;
    private final Session session = Session.getInstance(new Properties());

    QueuedOutboundMail(DSLContext db, DatabaseSchema schema, Clock clock, MailProperties properties) {
        this.db = db;
        this.schema = schema;
        this.clock = clock;
        this.fqdn = properties.fqdn() == null || properties.fqdn().isBlank() ? localHostName() : properties.fqdn().strip();
    }

    @Override
    public String newMessageId() {
        byte[] random = new byte[8];
        RANDOM.nextBytes(random);
        return "<" + clock.millis() + "." + HexFormat.of().formatHex(random) + "@" + fqdn + ">";
    }

    @Override
    public List<String> parseAddresses(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        try {
            List<String> addresses = new ArrayList<>();
            for (InternetAddress address : InternetAddress.parse(text, true)) {
                address.validate();
                addresses.add(address.toUnicodeString());
            }
            return addresses;
        } catch (AddressException e) {
            String where = e.getRef() == null ? text : e.getRef();
            throw new InvalidAddress("'" + where.strip() + "' is not a valid mail address list (" + e.getMessage() + ").");
        }
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public String enqueue(long articleId, OutgoingMail mail) {
        if (mail.to().isEmpty() && mail.cc().isEmpty() && mail.bcc().isEmpty()) {
            throw new InvalidAddress("A mail needs at least one recipient.");
        }
        String raw = build(mail);
        InternetAddress sender = parseOne(mail.from());
        List<String> recipients = Stream.of(mail.to(), mail.cc(), mail.bcc()).flatMap(List::stream)
                .map(address -> parseOne(address).getAddress()).distinct().toList();
        db.insertInto(MAIL_QUEUE)
                .set(MAIL_QUEUE.ARTICLE_ID, articleId)
                .set(MAIL_QUEUE.ATTEMPTS, 0)
                .set(MAIL_QUEUE.SENDER, sender.getAddress())
                .set(MAIL_QUEUE.RECIPIENT, String.join(",", recipients))
                .set(rawMessage(raw))
                .set(MAIL_QUEUE.CREATE_TIME, LocalDateTime.now(clock))
                .execute();
        return raw;
    }

    @Override
    public Optional<QueuedMail> queued(long articleId) {
        return db.select(MAIL_QUEUE.ATTEMPTS, MAIL_QUEUE.LAST_SMTP_CODE, MAIL_QUEUE.LAST_SMTP_MESSAGE)
                .from(MAIL_QUEUE).where(MAIL_QUEUE.ARTICLE_ID.eq(articleId))
                .fetchOptional(r -> new QueuedMail(r.value1(), r.value2(), r.value3()));
    }

    /**
     * {@code raw_message} is TEXT on PostgreSQL and a blob elsewhere; like OTRS with every blob on
     * PostgreSQL, the bytes go in base64-encoded there.
     */
    private Map<org.jooq.Field<?>, Object> rawMessage(String raw) {
        byte[] bytes = raw.getBytes(StandardCharsets.US_ASCII);
        if (schema.kind() == DatabaseKind.POSTGRESQL) {
            return Map.of(DSL.field(MAIL_QUEUE.RAW_MESSAGE.getQualifiedName(), String.class),
                    Base64.getMimeEncoder().encodeToString(bytes));
        }
        return Map.of(MAIL_QUEUE.RAW_MESSAGE, bytes);
    }

    private String build(OutgoingMail mail) {
        try {
            MimeMessage message = new FixedIdMessage(session, mail.messageId());
            message.setFrom(parseOne(mail.from()));
            message.setRecipients(RecipientType.TO, addresses(mail.to()));
            message.setRecipients(RecipientType.CC, addresses(mail.cc()));
            // Bcc recipients go only into the envelope (mail_queue.recipient), never into the header.
            message.setSubject(mail.subject(), StandardCharsets.UTF_8.name());
            message.setSentDate(Date.from(clock.instant()));
            if (mail.attachments().isEmpty()) {
                message.setText(mail.body(), StandardCharsets.UTF_8.name());
            } else {
                MimeMultipart mixed = new MimeMultipart("mixed");
                MimeBodyPart text = new MimeBodyPart();
                text.setText(mail.body(), StandardCharsets.UTF_8.name());
                mixed.addBodyPart(text);
                for (OutgoingMail.Attachment attachment : mail.attachments()) {
                    String type = attachment.contentType() == null || attachment.contentType().isBlank()
                            ? "application/octet-stream" : attachment.contentType();
                    MimeBodyPart part = new MimeBodyPart();
                    part.setDataHandler(new DataHandler(new ByteArrayDataSource(attachment.content(), type)));
                    part.setFileName(MimeUtility.encodeText(attachment.filename(), StandardCharsets.UTF_8.name(), null));
                    part.setDisposition(Part.ATTACHMENT);
                    mixed.addBodyPart(part);
                }
                message.setContent(mixed);
            }
            if (mail.inReplyTo() != null && !mail.inReplyTo().isBlank()) {
                message.setHeader("In-Reply-To", mail.inReplyTo());
            }
            if (mail.references() != null && !mail.references().isBlank()) {
                message.setHeader("References", mail.references());
            }
            message.saveChanges();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            message.writeTo(out);
            return out.toString(StandardCharsets.US_ASCII);
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException("Could not build the mail " + mail.messageId(), e);
        }
    }

    private InternetAddress[] addresses(List<String> list) {
        return list.stream().map(QueuedOutboundMail::parseOne).toArray(InternetAddress[]::new);
    }

    private static InternetAddress parseOne(String address) {
        try {
            return new InternetAddress(address, true);
        } catch (AddressException e) {
            throw new InvalidAddress("'" + address + "' is not a valid mail address (" + e.getMessage() + ").");
        }
    }

    private static String localHostName() {
        try {
            return InetAddress.getLocalHost().getCanonicalHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }

    /** Jakarta Mail replaces the Message-ID on saveChanges; the article already stores ours. */
    private static final class FixedIdMessage extends MimeMessage {

        private final String messageId;

        FixedIdMessage(Session session, String messageId) {
            super(session);
            this.messageId = messageId;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", messageId);
        }
    }
}
