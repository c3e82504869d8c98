package org.jotrs.mail.internal;

import static org.jotrs.platform.db.schema.Tables.JOTRS_MAIL_OUTBOX;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.jooq.DSLContext;
import org.jotrs.article.ArticleService;
import org.jotrs.platform.ClusterJob;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Works off the outbox: one node of the cluster at a time ({@link ClusterJob}) reads the due
 * mails in batches, sends each batch over one SMTP connection and deletes what the server
 * accepted. A refused or failed mail is tried again later, with the pause doubling each time
 * ({@code jotrs.mail.outbox.retry-delay}); after {@code max-attempts}, or at once on a permanent
 * (5xx) refusal, it stays in the outbox marked failed, and its article gets OTRS's send-error row.
 *
 * <p>A crash between the server's acceptance and the delete sends that batch's accepted mails a
 * second time: at least once, never lost.
 */
@Component
class OutboxSender {

    private static final Logger log = LoggerFactory.getLogger(OutboxSender.class);
    /** One run stops taking new batches after this long, so the job's runs stay short. */
    private static final Duration RUN_BUDGET = Duration.ofSeconds(30);

    private final DSLContext db;
    private final SmtpServer smtp;
    private final ArticleService articles;
    private final TransactionTemplate transactions;
    private final MailProperties.Outbox settings;
    private final Clock clock;
    private final Counter sent;
    private final Counter retried;
    private final Counter failed;

    OutboxSender(DSLContext db, SmtpServer smtp, ArticleService articles, TransactionTemplate transactions,
            MailProperties properties, Clock clock, MeterRegistry meters) {
        this.db = db;
        this.smtp = smtp;
        this.articles = articles;
        this.transactions = transactions;
        this.settings = properties.outbox();
        this.clock = clock;
        this.sent = meters.counter("jotrs.mail.outbox.sent");
        this.retried = meters.counter("jotrs.mail.outbox.retried");
        this.failed = meters.counter("jotrs.mail.outbox.failed");
        log.info("outbound mail smtp={}", smtp.describe());
    }

    @Bean
    static ClusterJob outboxSenderJob(OutboxSender sender, MailProperties properties) {
        return new ClusterJob("mail.outbox-sender", properties.outbox().pollInterval(), sender::sendDue);
    }

    private record Due(long id, Long articleId, String messageId, String sender, String recipients, String raw, int attempts) {
    }

    /** Sends what is due; returns how many mails the server accepted. */
    int sendDue() {
        if (!smtp.configured()) {
            return 0;
        }
        long started = System.nanoTime();
        int accepted = 0;
        while (System.nanoTime() - started < RUN_BUDGET.toNanos() && !ClusterJob.stopping()) {
            List<Due> batch = db.select(JOTRS_MAIL_OUTBOX.ID, JOTRS_MAIL_OUTBOX.ARTICLE_ID, JOTRS_MAIL_OUTBOX.MESSAGE_ID,
                            JOTRS_MAIL_OUTBOX.SENDER, JOTRS_MAIL_OUTBOX.RECIPIENTS, JOTRS_MAIL_OUTBOX.RAW_MESSAGE,
                            JOTRS_MAIL_OUTBOX.ATTEMPTS)
                    .from(JOTRS_MAIL_OUTBOX)
                    .where(JOTRS_MAIL_OUTBOX.FAILED.eq((short) 0))
                    .and(JOTRS_MAIL_OUTBOX.NEXT_ATTEMPT_TIME.le(LocalDateTime.now(clock)))
                    .orderBy(JOTRS_MAIL_OUTBOX.ID)
                    .limit(settings.batchSize())
                    .fetch(r -> new Due(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(), r.value6(), r.value7()));
            if (batch.isEmpty()) {
                break;
            }
            accepted += sendBatch(batch);
            if (batch.size() < settings.batchSize()) {
                break;
            }
        }
        return accepted;
    }

    private int sendBatch(List<Due> batch) {
        Transport transport;
        try {
            transport = smtp.connect();
        } catch (MessagingException | org.jotrs.mail.OAuth2AccessTokens.Refused e) {
            // The server is down or refuses us: every mail of the batch counts one attempt.
            String reason = "SMTP server " + smtp.describe() + " not usable: " + oneLine(e);
            log.warn("outbox connect failed mails={} reason={}", batch.size(), reason);
            for (Due mail : batch) {
                recordFailure(mail, null, reason, false);
            }
            return 0;
        }
        List<Long> done = new ArrayList<>();
        try {
            for (Due mail : batch) {
                if (!transport.isConnected()) {
                    transport.close();
                    transport = smtp.connect();
                }
                try {
                    MimeMessage message = new MimeMessage(smtp.session(),
                            new ByteArrayInputStream(mail.raw().getBytes(StandardCharsets.ISO_8859_1)));
                    transport.sendMessage(message, envelope(mail.recipients()));
                    done.add(mail.id());
                } catch (SendFailedException e) {
                    Address[] delivered = e.getValidSentAddresses();
                    if (delivered != null && delivered.length > 0) {
                        // Accepted for some recipients: sending again would duplicate it for them.
                        done.add(mail.id());
                        if (mail.articleId() != null) {
                            articles.recordSendError(mail.articleId(), mail.messageId(), "Not delivered to "
                                    + Arrays.toString(e.getInvalidAddresses()) + ": " + oneLine(e));
                        }
                    } else {
                        recordFailure(mail, smtpCode(e), oneLine(e), permanent(e));
                    }
                } catch (AddressException e) {
                    recordFailure(mail, null, "Invalid recipient address: " + oneLine(e), true);
                } catch (MessagingException e) {
                    recordFailure(mail, smtpCode(e), oneLine(e), false);
                }
            }
        } catch (MessagingException | org.jotrs.mail.OAuth2AccessTokens.Refused e) {
            log.warn("outbox reconnect failed reason={}", oneLine(e));
        } finally {
            delete(done);
            try {
                transport.close();
            } catch (MessagingException e) {
                log.debug("outbox close failed reason={}", oneLine(e));
            }
        }
        sent.increment(done.size());
        return done.size();
    }

    private void delete(List<Long> ids) {
        if (!ids.isEmpty()) {
            db.deleteFrom(JOTRS_MAIL_OUTBOX).where(JOTRS_MAIL_OUTBOX.ID.in(ids)).execute();
        }
    }

    private void recordFailure(Due mail, Integer code, String reason, boolean permanent) {
        int attempts = mail.attempts() + 1;
        boolean givesUp = permanent || attempts >= settings.maxAttempts();
        String error = reason.length() > 4000 ? reason.substring(0, 4000) : reason;
        Duration pause = settings.retryDelay().multipliedBy(1L << Math.min(attempts - 1, 20));
        transactions.executeWithoutResult(status -> {
            db.update(JOTRS_MAIL_OUTBOX)
                    .set(JOTRS_MAIL_OUTBOX.ATTEMPTS, attempts)
                    .set(JOTRS_MAIL_OUTBOX.FAILED, (short) (givesUp ? 1 : 0))
                    .set(JOTRS_MAIL_OUTBOX.LAST_SMTP_CODE, code)
                    .set(JOTRS_MAIL_OUTBOX.LAST_ERROR, error)
                    .set(JOTRS_MAIL_OUTBOX.NEXT_ATTEMPT_TIME, LocalDateTime.now(clock).plus(pause))
                    .where(JOTRS_MAIL_OUTBOX.ID.eq(mail.id()))
                    .execute();
            if (givesUp && mail.articleId() != null) {
                articles.recordSendError(mail.articleId(), mail.messageId(), error);
            }
        });
        if (givesUp) {
            failed.increment();
            log.warn("outbox mail failed id={} article={} attempts={} reason={}", mail.id(), mail.articleId(), attempts, error);
        } else {
            retried.increment();
            log.info("outbox mail retry id={} article={} attempts={} in={} reason={}", mail.id(), mail.articleId(), attempts,
                    pause, error);
        }
    }

    private static Address[] envelope(String recipients) throws AddressException {
        List<Address> addresses = new ArrayList<>();
        for (String recipient : recipients.split(",")) {
            if (!recipient.isBlank()) {
                addresses.add(new InternetAddress(recipient.strip(), true));
            }
        }
        return addresses.toArray(Address[]::new);
    }

    private static Integer smtpCode(Exception e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SMTPSendFailedException s) {
                return s.getReturnCode();
            }
            if (t instanceof SMTPAddressFailedException s) {
                return s.getReturnCode();
            }
            if (t instanceof MessagingException m && m.getNextException() != null && m.getNextException() != t) {
                Integer nested = smtpCode(m.getNextException());
                if (nested != null) {
                    return nested;
                }
            }
        }
        return null;
    }

    /** A 5xx answer will not change by trying again (RFC 5321 4.2.1). */
    private static boolean permanent(Exception e) {
        Integer code = smtpCode(e);
        return code != null && code >= 500 && code < 600;
    }

    private static String oneLine(Throwable e) {
        StringBuilder text = new StringBuilder(String.valueOf(e.getMessage()));
        if (e instanceof MessagingException m && m.getNextException() != null) {
            text.append(" (").append(m.getNextException().getMessage()).append(')');
        } else if (e.getCause() != null && e.getCause() != e) {
            text.append(" (").append(e.getCause().getMessage()).append(')');
        }
        return text.toString().replaceAll("\\s+", " ").strip();
    }
}
