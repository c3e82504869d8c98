package org.jotrs.postmaster.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.search.FlagTerm;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.jotrs.mail.OAuth2AccessTokens;
import org.jotrs.platform.ClusterJob;
import org.jotrs.postmaster.Delivery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionException;

/**
 * Fetches every valid mail account, one node of the cluster at a time ({@link ClusterJob}),
 * accounts in parallel. Messages are taken one by one (never the whole mailbox in memory), each
 * stored or quarantined in its own transaction, and only then marked deleted on the server
 * (IMAP: or seen, when the account keeps mail); the folder is expunged when it is closed. When
 * the database fails, the message stays on the server and the account's run ends; the next run
 * takes it again, and a message stored before a crash is recognised by its digest and only
 * deleted.
 */
@Component
class MailFetcher {

    private static final Logger log = LoggerFactory.getLogger(MailFetcher.class);

    private final MailAccountRows accounts;
    private final PostmasterPipeline pipeline;
    private final OAuth2AccessTokens tokens;
    private final PostmasterProperties properties;
    private final Counter fetched;
    private final Counter quarantined;

    MailFetcher(MailAccountRows accounts, PostmasterPipeline pipeline, OAuth2AccessTokens tokens,
            PostmasterProperties properties, MeterRegistry meters) {
        this.accounts = accounts;
        this.pipeline = pipeline;
        this.tokens = tokens;
        this.properties = properties;
        this.fetched = meters.counter("jotrs.postmaster.fetched");
        this.quarantined = meters.counter("jotrs.postmaster.quarantined");
    }

    @Bean
    static ClusterJob mailFetcherJob(MailFetcher fetcher, PostmasterProperties properties) {
        return new ClusterJob("postmaster.fetcher", properties.pollInterval(), fetcher::fetchAll);
    }

    /** One run: every valid account, in parallel. */
    void fetchAll() {
        List<MailAccount> valid = accounts.valid();
        if (valid.isEmpty()) {
            return;
        }
        try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> runs = new ArrayList<>();
            for (MailAccount account : valid) {
                runs.add(executor.submit(() -> fetchRecorded(account)));
            }
            for (Future<?> run : runs) {
                try {
                    run.get();
                } catch (Exception e) {
                    log.warn("mail fetch run failed reason={}", e.toString());
                }
            }
        }
    }

    private void fetchRecorded(MailAccount account) {
        try {
            int count = fetch(account);
            accounts.recordFetch(account.id(), count, null);
        } catch (FetchFailed e) {
            log.warn("mail fetch failed account={} reason={}", account.describe(), e.getMessage());
            try {
                accounts.recordFetch(account.id(), e.taken, e.getMessage());
            } catch (DataAccessException ignored) {
                log.warn("mail fetch state not recorded account={}", account.id());
            }
        }
    }

    /** A fetch that ended early; {@code taken} messages were handled before. */
    static final class FetchFailed extends Exception {

        final int taken;

        FetchFailed(String message, int taken) {
            super(message);
            this.taken = taken;
        }
    }

    /** Fetches up to a batch of messages; returns how many were taken in (stored, duplicate, quarantined or ignored). */
    int fetch(MailAccount account) throws FetchFailed {
        Session session = Session.getInstance(sessionProperties(account));
        int taken = 0;
        try (Store store = connect(session, account)) {
            Folder folder = store.getFolder(account.imap() && account.folder() != null && !account.folder().isBlank()
                    ? account.folder() : "INBOX");
            folder.open(Folder.READ_WRITE);
            boolean expunge = true;
            try {
                Message[] messages = account.imap() && account.keepOnServer()
                        ? folder.search(new FlagTerm(new Flags(Flags.Flag.SEEN), false))
                        : null;
                int total = messages != null ? messages.length : folder.getMessageCount();
                int limit = Math.min(total, properties.batchSize());
                for (int i = 0; i < limit; i++) {
                    Message message = messages != null ? messages[i] : folder.getMessage(i + 1);
                    byte[] raw = rawBytes(message);
                    Delivery delivery;
                    try {
                        delivery = pipeline.receive(new PostmasterPipeline.Source(account.id(), account.queueId(),
                                account.trusted()), raw);
                    } catch (DataAccessException | TransactionException e) {
                        throw new FetchFailed("The database failed; the message stays on the server: " + e.getMessage(), taken);
                    }
                    if (delivery instanceof Delivery.Quarantined) {
                        quarantined.increment();
                    }
                    // Stored, known or quarantined: the server may let go of it now.
                    if (account.imap() && account.keepOnServer()) {
                        message.setFlag(Flags.Flag.SEEN, true);
                    } else {
                        message.setFlag(Flags.Flag.DELETED, true);
                    }
                    taken++;
                    fetched.increment();
                }
            } finally {
                folder.close(expunge);
            }
        } catch (AuthenticationFailedException e) {
            throw new FetchFailed("Sign-in refused by " + account.describe() + ": " + e.getMessage(), taken);
        } catch (MessagingException | IOException e) {
            throw new FetchFailed("Mail server " + account.describe() + " failed: " + e.getMessage(), taken);
        } catch (OAuth2AccessTokens.Refused e) {
            throw new FetchFailed(e.getMessage(), taken);
        }
        if (taken > 0) {
            log.info("mail fetched account={} messages={}", account.describe(), taken);
        }
        return taken;
    }

    /** Connects and signs in; for the admin screen's "test connection" as well. */
    Store connect(Session session, MailAccount account) throws MessagingException, OAuth2AccessTokens.Refused {
        Store store = session.getStore(account.protocol());
        String secret = account.oauth2() != null ? tokens.accessToken(account.oauth2()) : account.password();
        try {
            store.connect(account.host(), account.effectivePort(), account.login(), secret);
        } catch (AuthenticationFailedException e) {
            if (account.oauth2() != null) {
                tokens.forget(account.oauth2());
            }
            throw e;
        }
        return store;
    }

    /** How many messages wait in the account's folder; a sign-in check for the admin screen. */
    int test(MailAccount account) throws MessagingException, OAuth2AccessTokens.Refused {
        Session session = Session.getInstance(sessionProperties(account));
        try (Store store = connect(session, account)) {
            Folder folder = store.getFolder(account.imap() && account.folder() != null && !account.folder().isBlank()
                    ? account.folder() : "INBOX");
            folder.open(Folder.READ_ONLY);
            try {
                return folder.getMessageCount();
            } finally {
                folder.close(false);
            }
        }
    }

    private Properties sessionProperties(MailAccount account) {
        String p = "mail." + account.protocol() + ".";
        Properties props = new Properties();
        String timeout = Long.toString(properties.timeout().toMillis());
        props.put(p + "connectiontimeout", timeout);
        props.put(p + "timeout", timeout);
        props.put(p + "writetimeout", timeout);
        if (account.startTls()) {
            props.put(p + "starttls.enable", "true");
            props.put(p + "starttls.required", "true");
        }
        if (account.sslTrust() != null && !account.sslTrust().isBlank()) {
            props.put(p + "ssl.trust", account.sslTrust().strip());
            props.put(p + "ssl.checkserveridentity", "false");
        } else {
            props.put(p + "ssl.checkserveridentity", "true");
        }
        if (account.oauth2() != null) {
            props.put(p + "auth.mechanisms", "XOAUTH2");
            props.put(p + "auth.login.disable", "true");
            props.put(p + "auth.plain.disable", "true");
        }
        // IMAP: fetch bodies in pieces instead of one huge response; POP3: stream to a temp file, not the heap.
        props.put("mail.imap.partialfetch", "true");
        props.put("mail.imaps.partialfetch", "true");
        props.put("mail.pop3.filecache.enable", "true");
        props.put("mail.pop3s.filecache.enable", "true");
        return props;
    }

    private static byte[] rawBytes(Message message) throws MessagingException, IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        message.writeTo(out);
        return out.toByteArray();
    }
}
