package org.jotrs.mail.internal;

import static org.jotrs.platform.db.schema.Tables.JOTRS_MAIL_OUTBOX;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
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
import org.jotrs.article.ArticleService;
import org.jotrs.mail.InvalidAddress;
import org.jotrs.mail.OutboundMail;
import org.jotrs.mail.OutgoingMail;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Builds messages with Jakarta Mail and stores them in {@code jotrs_mail_outbox} as 7-bit RFC 822
 * text (bodies quoted-printable or base64). OTRS's {@code mail_queue} is left to OTRS: its daemon
 * expects a serialized Perl hash there and would fail on ours every minute.
 */
@Service
@EnableConfigurationProperties(MailProperties.class)
class QueuedOutboundMail implements OutboundMail {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final DSLContext db;
    private final ArticleService articles;
    private final Clock clock;
    private final String fqdn;
    private final String systemSender;
    private final Session session = Session.getInstance(new Properties());

    QueuedOutboundMail(DSLContext db, ArticleService articles, Clock clock, MailProperties properties,
            NotificationProperties notifications) {
        this.db = db;
        this.articles = articles;
        this.clock = clock;
        this.fqdn = properties.fqdn() == null || properties.fqdn().isBlank() ? localHostName() : properties.fqdn().strip();
        String address = notifications.senderAddress() == null || notifications.senderAddress().isBlank()
                ? "jotrs@" + fqdn : notifications.senderAddress().strip();
        this.systemSender = "\"" + notifications.senderName().replace("\"", "") + "\" <" + address + ">";
    }

    @Override
    public String systemSender() {
        return systemSender;
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
        String raw = insert(articleId, mail);
        articles.storeRawMessage(articleId, raw.getBytes(StandardCharsets.US_ASCII));
        return raw;
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public String enqueueWithoutArticle(OutgoingMail mail) {
        return insert(null, mail);
    }

    private String insert(Long articleId, OutgoingMail mail) {
        if (mail.to().isEmpty() && mail.cc().isEmpty() && mail.bcc().isEmpty()) {
            throw new InvalidAddress("A mail needs at least one recipient.");
        }
        String raw = build(mail);
        InternetAddress sender = parseOne(mail.from());
        List<String> recipients = Stream.of(mail.to(), mail.cc(), mail.bcc()).flatMap(List::stream)
                .map(address -> parseOne(address).getAddress()).distinct().toList();
        LocalDateTime now = LocalDateTime.now(clock);
        String subject = mail.subject();
        db.insertInto(JOTRS_MAIL_OUTBOX)
                .set(JOTRS_MAIL_OUTBOX.ARTICLE_ID, articleId)
                .set(JOTRS_MAIL_OUTBOX.MESSAGE_ID, mail.messageId())
                .set(JOTRS_MAIL_OUTBOX.SENDER, sender.getAddress())
                .set(JOTRS_MAIL_OUTBOX.RECIPIENTS, String.join(",", recipients))
                .set(JOTRS_MAIL_OUTBOX.SUBJECT, subject == null || subject.length() <= 1000 ? subject : subject.substring(0, 1000))
                .set(JOTRS_MAIL_OUTBOX.RAW_MESSAGE, raw)
                .set(JOTRS_MAIL_OUTBOX.ATTEMPTS, 0)
                .set(JOTRS_MAIL_OUTBOX.NEXT_ATTEMPT_TIME, now)
                .set(JOTRS_MAIL_OUTBOX.FAILED, (short) 0)
                .set(JOTRS_MAIL_OUTBOX.CREATE_TIME, now)
                .execute();
        return raw;
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
                if (mail.htmlBody() == null) {
                    message.setText(mail.body(), StandardCharsets.UTF_8.name());
                } else {
                    message.setContent(alternative(mail));
                }
            } else {
                MimeMultipart mixed = new MimeMultipart("mixed");
                MimeBodyPart text = new MimeBodyPart();
                if (mail.htmlBody() == null) {
                    text.setText(mail.body(), StandardCharsets.UTF_8.name());
                } else {
                    text.setContent(alternative(mail));
                }
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
            for (var header : mail.headers().entrySet()) {
                message.setHeader(header.getKey(), MimeUtility.fold(header.getKey().length() + 2,
                        MimeUtility.encodeText(header.getValue(), StandardCharsets.UTF_8.name(), null)));
            }
            message.saveChanges();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            message.writeTo(out);
            return out.toString(StandardCharsets.US_ASCII);
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException("Could not build the mail " + mail.messageId(), e);
        }
    }

    /** The plain text first and the HTML last, so that a client shows the richest part it can (RFC 2046 5.1.4). */
    private static MimeMultipart alternative(OutgoingMail mail) throws MessagingException {
        MimeMultipart alternative = new MimeMultipart("alternative");
        MimeBodyPart plain = new MimeBodyPart();
        plain.setText(mail.body(), StandardCharsets.UTF_8.name());
        alternative.addBodyPart(plain);
        MimeBodyPart html = new MimeBodyPart();
        html.setText(mail.htmlBody(), StandardCharsets.UTF_8.name(), "html");
        alternative.addBodyPart(html);
        return alternative;
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

    static String localHostName() {
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
