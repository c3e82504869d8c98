package org.jotrs.postmaster.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.FetchProfile;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.UIDFolder;
import jakarta.mail.search.FlagTerm;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.eclipse.angus.mail.iap.Response;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.protocol.BODY;
import org.eclipse.angus.mail.imap.protocol.FetchResponse;
import org.eclipse.angus.mail.imap.protocol.UID;
import org.eclipse.angus.mail.imap.protocol.UIDSet;
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
 * accounts in parallel, at most {@code batch-size} messages of an account per run (the rest on the
 * next run). IMAP messages come in chunks of a few MB (one command each, never the whole mailbox
 * in memory), POP3 ones one by one; each is stored or quarantined in its own transaction, and only
 * then marked deleted on the server (IMAP: or seen, when the account keeps mail); the folder is
 * expunged when it is closed. When
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
        Taken taken = new Taken();
        try (Store store = connect(session, account)) {
            Folder folder = store.getFolder(account.imap() && account.folder() != null && !account.folder().isBlank()
                    ? account.folder() : "INBOX");
            folder.open(Folder.READ_WRITE);
            try {
                if (folder instanceof IMAPFolder imap) {
                    fetchImap(account, imap, taken);
                } else {
                    fetchOneByOne(account, folder, taken);
                }
            } finally {
                folder.close(true);
            }
        } catch (AuthenticationFailedException e) {
            throw new FetchFailed("Sign-in refused by " + account.describe() + ": " + e.getMessage(), taken.count);
        } catch (MessagingException | IOException e) {
            throw new FetchFailed("Mail server " + account.describe() + " failed: " + e.getMessage(), taken.count);
        } catch (OAuth2AccessTokens.Refused e) {
            throw new FetchFailed(e.getMessage(), taken.count);
        }
        if (taken.count > 0) {
            log.info("mail fetched account={} messages={}", account.describe(), taken.count);
        }
        return taken.count;
    }

    /** How many messages this run took in so far (for the failure record). */
    private static final class Taken {
        int count;
    }

    /**
     * POP3: message by message, each retrieved, handed to the pipeline and marked deleted (the
     * deletes happen when the folder is closed, at the end of the run).
     */
    private void fetchOneByOne(MailAccount account, Folder folder, Taken taken)
            throws MessagingException, IOException, FetchFailed {
        int limit = Math.min(folder.getMessageCount(), properties.batchSize());
        for (int i = 0; i < limit; i++) {
            Message message = folder.getMessage(i + 1);
            receive(account, rawBytes(message), taken);
            message.setFlag(Flags.Flag.DELETED, true);
            taken.count++;
            fetched.increment();
        }
    }

    /**
     * IMAP, in few commands whatever the size of the mailbox: one {@code FETCH} of UID and size for
     * the batch (at most {@code batch-size} messages: the first ones of the folder, or its first
     * unseen ones when the account keeps mail), then per chunk of at most {@link #CHUNK_MESSAGES}
     * messages and {@link #CHUNK_BYTES} bytes (a bigger message alone) one {@code UID FETCH
     * (BODY.PEEK[])}, each message handed to the pipeline in its own transaction, and one
     * {@code STORE} of {@code \Deleted} (or {@code \Seen}) for the messages of the chunk that
     * were taken in. {@code PEEK} leaves {@code \Seen} alone, so a kept message read but not
     * stored (a crash, the database away) is fetched again; a message stored whose flag never
     * reached the server is fetched again and recognised by its digest. The heap holds one chunk.
     */
    private void fetchImap(MailAccount account, IMAPFolder folder, Taken taken)
            throws MessagingException, IOException, FetchFailed {
        Message[] batch;
        if (account.keepOnServer()) {
            Message[] unseen = folder.search(new FlagTerm(new Flags(Flags.Flag.SEEN), false));
            batch = Arrays.copyOf(unseen, Math.min(unseen.length, properties.batchSize()));
        } else {
            int count = folder.getMessageCount();
            batch = count == 0 ? new Message[0] : folder.getMessages(1, Math.min(count, properties.batchSize()));
        }
        if (batch.length == 0) {
            return;
        }
        FetchProfile uidAndSize = new FetchProfile();
        uidAndSize.add(UIDFolder.FetchProfileItem.UID);
        uidAndSize.add(FetchProfile.Item.SIZE);
        folder.fetch(batch, uidAndSize);
        Flags handled = new Flags(account.keepOnServer() ? Flags.Flag.SEEN : Flags.Flag.DELETED);
        int from = 0;
        while (from < batch.length) {
            int to = from;
            long bytes = 0;
            while (to < batch.length && to - from < CHUNK_MESSAGES
                    && (to == from || bytes + Math.max(0, batch[to].getSize()) <= CHUNK_BYTES)) {
                bytes += Math.max(0, batch[to].getSize());
                to++;
            }
            Message[] chunk = Arrays.copyOfRange(batch, from, to);
            Map<Long, byte[]> bodies = bodies(folder, chunk);
            List<Message> done = new ArrayList<>();
            try {
                for (Message message : chunk) {
                    byte[] raw = bodies.remove(folder.getUID(message));
                    if (raw == null) {
                        if (message.isExpunged()) {
                            continue; // another client removed it meanwhile
                        }
                        raw = rawBytes(message);
                    }
                    receive(account, raw, taken);
                    done.add(message);
                    taken.count++;
                    fetched.increment();
                }
            } catch (FetchFailed e) {
                try {
                    flag(folder, done, handled);
                } catch (MessagingException ignored) {
                    // the digest recognises them on the next run
                }
                throw e;
            }
            flag(folder, done, handled);
            from = to;
        }
    }

    /** Messages of one {@code UID FETCH} at most (with {@link #CHUNK_BYTES}). */
    static final int CHUNK_MESSAGES = 100;

    /** Bytes of one {@code UID FETCH} at most, as the server announced the sizes; a bigger message is fetched alone. */
    static final long CHUNK_BYTES = 4L * 1024 * 1024;

    private static void flag(Folder folder, List<Message> done, Flags handled) throws MessagingException {
        if (!done.isEmpty()) {
            folder.setFlags(done.toArray(Message[]::new), handled, true);
        }
    }

    /** The raw bytes of the chunk's messages by UID, in one {@code UID FETCH}, leaving {@code \Seen} alone. */
    @SuppressWarnings("unchecked")
    private static Map<Long, byte[]> bodies(IMAPFolder folder, Message[] chunk) throws MessagingException {
        long[] uids = new long[chunk.length];
        for (int i = 0; i < chunk.length; i++) {
            uids[i] = folder.getUID(chunk[i]);
        }
        String set = UIDSet.toString(UIDSet.createUIDSets(uids));
        return (Map<Long, byte[]>) folder.doCommand(protocol -> {
            Response[] responses = protocol.command("UID FETCH " + set + " (BODY.PEEK[])", null);
            Map<Long, byte[]> bodies = new HashMap<>();
            for (Response response : responses) {
                if (response instanceof FetchResponse fetch) {
                    UID uid = fetch.getItem(UID.class);
                    BODY body = fetch.getItem(BODY.class);
                    if (uid != null && body != null && !body.isHeader() && body.getByteArray() != null) {
                        bodies.put(uid.uid, body.getByteArray().getNewBytes());
                    }
                }
            }
            // Flags, EXISTS and EXPUNGE seen on the way keep the folder's message numbers right.
            protocol.notifyResponseHandlers(responses);
            protocol.handleResult(responses[responses.length - 1]);
            return bodies;
        });
    }

    /** Hands one message to the pipeline; a database failure ends the run, the message staying on the server. */
    private void receive(MailAccount account, byte[] raw, Taken taken) throws FetchFailed {
        Delivery delivery;
        try {
            delivery = pipeline.receive(new PostmasterPipeline.Source(account.id(), account.queueId(), account.trusted()), raw);
        } catch (DataAccessException | TransactionException e) {
            throw new FetchFailed("The database failed; the message stays on the server: " + e.getMessage(), taken.count);
        }
        if (delivery instanceof Delivery.Quarantined) {
            quarantined.increment();
        }
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
        // IMAP: read without setting \Seen; the fetcher sets it (or \Deleted) once the message is stored.
        props.put("mail.imap.peek", "true");
        props.put("mail.imaps.peek", "true");
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
