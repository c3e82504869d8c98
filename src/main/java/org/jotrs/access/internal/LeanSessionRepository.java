package org.jotrs.access.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.servlet.Filter;

import org.jspecify.annotations.Nullable;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.transaction.support.SimpleTransactionStatus;
import org.springframework.transaction.support.TransactionCallback;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Spring Session JDBC, reading and writing the session row less often. Everything else
 * (attributes, id changes on sign-in, deletion) goes through the wrapped repository as before.
 *
 * <ul>
 * <li><b>Last access.</b> Spring Session writes a session's last-access time back on every
 * request: one more UPDATE and synchronous commit for every page an agent opens, and one more
 * dead row version to vacuum. Sessions idle out after hours (OTRS's SessionMaxIdleTime is 2 h),
 * so the time only needs to be roughly right: a new last-access time is let through only when the
 * stored one is at least {@code interval} old. A session therefore idles out at most
 * {@code interval} early, and the session administration shows the last access to within
 * {@code interval}.
 * <li><b>Reads without a transaction.</b> Reading a session is one SELECT, which needs no
 * transaction around it; Spring Session runs every statement in one, which costs a COMMIT round
 * trip per request. {@link #transactions} leaves reads out of it; writes keep theirs.
 * <li><b>One read per request.</b> When a response is committed before the request ends (every
 * redirect after a form post), Spring Session's filter saves the session twice and reads it again
 * in between. Within one request (see {@link #lookupsPerRequest}) the session read first is
 * handed out again instead.
 * </ul>
 */
final class LeanSessionRepository<S extends Session>
        implements FindByIndexNameSessionRepository<LeanSessionRepository.ThrottledSession<S>> {

    /** Set while this thread reads a session. */
    private static final ThreadLocal<Boolean> READING = new ThreadLocal<>();

    /** The sessions read by the request on this thread, by id; unset outside a request. */
    private static final ThreadLocal<Map<String, Optional<?>>> READ_IN_REQUEST = new ThreadLocal<>();

    private final FindByIndexNameSessionRepository<S> sessions;
    private final Duration interval;

    LeanSessionRepository(FindByIndexNameSessionRepository<S> sessions, Duration interval) {
        this.sessions = sessions;
        this.interval = interval;
    }

    /**
     * Runs before Spring Session's own filter and bounds the per-request reuse of session reads
     * to the request.
     */
    static Filter lookupsPerRequest() {
        return (request, response, chain) -> {
            if (READ_IN_REQUEST.get() != null) {
                chain.doFilter(request, response);
                return;
            }
            READ_IN_REQUEST.set(new HashMap<>());
            try {
                chain.doFilter(request, response);
            } finally {
                READ_IN_REQUEST.remove();
            }
        };
    }

    /**
     * The transactions Spring Session's repository runs its statements in: {@code writes} for
     * everything but a read through {@link #findById}, which runs on its own (auto-committed).
     * When the session read has expired, the repository deletes it in the same call; that single
     * DELETE needs no transaction either.
     */
    static TransactionOperations transactions(TransactionOperations writes) {
        return new TransactionOperations() {
            @Override
            public <T> @Nullable T execute(TransactionCallback<T> action) {
                return READING.get() != null ? action.doInTransaction(new SimpleTransactionStatus(false)) : writes.execute(action);
            }
        };
    }

    @Override
    public ThrottledSession<S> createSession() {
        return new ThrottledSession<>(sessions.createSession(), interval);
    }

    @Override
    public void save(ThrottledSession<S> session) {
        sessions.save(session.stored);
    }

    @Override
    @SuppressWarnings("unchecked")
    public @Nullable ThrottledSession<S> findById(String id) {
        Map<String, Optional<?>> readInRequest = READ_IN_REQUEST.get();
        if (readInRequest != null && readInRequest.containsKey(id)) {
            ThrottledSession<S> earlier = (ThrottledSession<S>) readInRequest.get(id).orElse(null);
            if (earlier == null || earlier.getId().equals(id)) {
                return earlier;
            }
        }
        S found;
        READING.set(Boolean.TRUE);
        try {
            found = sessions.findById(id);
        } finally {
            READING.remove();
        }
        ThrottledSession<S> session = found == null ? null : new ThrottledSession<>(found, interval);
        if (readInRequest != null) {
            readInRequest.put(id, Optional.ofNullable(session));
        }
        return session;
    }

    @Override
    public void deleteById(String id) {
        Map<String, Optional<?>> readInRequest = READ_IN_REQUEST.get();
        if (readInRequest != null) {
            readInRequest.remove(id);
        }
        sessions.deleteById(id);
    }

    @Override
    public Map<String, ThrottledSession<S>> findByIndexNameAndIndexValue(String indexName, String indexValue) {
        Map<String, ThrottledSession<S>> found = new LinkedHashMap<>();
        sessions.findByIndexNameAndIndexValue(indexName, indexValue)
                .forEach((id, session) -> found.put(id, new ThrottledSession<>(session, interval)));
        return found;
    }

    /** A stored session whose last-access time moves only in steps of at least the interval. */
    static final class ThrottledSession<S extends Session> implements Session {

        private final S stored;
        private final Duration interval;

        ThrottledSession(S stored, Duration interval) {
            this.stored = stored;
            this.interval = interval;
        }

        @Override
        public void setLastAccessedTime(Instant lastAccessedTime) {
            if (Duration.between(stored.getLastAccessedTime(), lastAccessedTime).compareTo(interval) >= 0) {
                stored.setLastAccessedTime(lastAccessedTime);
            }
        }

        @Override
        public String getId() {
            return stored.getId();
        }

        @Override
        public String changeSessionId() {
            return stored.changeSessionId();
        }

        @Override
        public <T> @Nullable T getAttribute(String attributeName) {
            return stored.getAttribute(attributeName);
        }

        @Override
        public Set<String> getAttributeNames() {
            return stored.getAttributeNames();
        }

        @Override
        public void setAttribute(String attributeName, Object attributeValue) {
            stored.setAttribute(attributeName, attributeValue);
        }

        @Override
        public void removeAttribute(String attributeName) {
            stored.removeAttribute(attributeName);
        }

        @Override
        public Instant getCreationTime() {
            return stored.getCreationTime();
        }

        @Override
        public Instant getLastAccessedTime() {
            return stored.getLastAccessedTime();
        }

        @Override
        public void setMaxInactiveInterval(Duration interval) {
            stored.setMaxInactiveInterval(interval);
        }

        @Override
        public Duration getMaxInactiveInterval() {
            return stored.getMaxInactiveInterval();
        }

        @Override
        public boolean isExpired() {
            return stored.isExpired();
        }
    }
}
