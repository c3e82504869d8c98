package org.jotrs.access.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;

/**
 * Spring Session writes a session's last-access time back on every request: one more UPDATE and
 * one more synchronous commit for every page an agent opens, and one more dead row version for
 * the database to vacuum. Sessions idle out after hours (OTRS's SessionMaxIdleTime is 2 h), so
 * the time only needs to be roughly right: this repository lets a new last-access time through
 * only when the stored one is at least {@code interval} old. A session therefore idles out at
 * most {@code interval} early, and the session administration shows the last access to within
 * {@code interval}. Everything else (attributes, id changes on sign-in, deletion) is written as
 * before, through the wrapped repository.
 */
final class ThrottledLastAccess<S extends Session>
        implements FindByIndexNameSessionRepository<ThrottledLastAccess.ThrottledSession<S>> {

    private final FindByIndexNameSessionRepository<S> sessions;
    private final Duration interval;

    ThrottledLastAccess(FindByIndexNameSessionRepository<S> sessions, Duration interval) {
        this.sessions = sessions;
        this.interval = interval;
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
    public @Nullable ThrottledSession<S> findById(String id) {
        S found = sessions.findById(id);
        return found == null ? null : new ThrottledSession<>(found, interval);
    }

    @Override
    public void deleteById(String id) {
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
