package org.jotrs.access.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.servlet.ServletException;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.MapSession;

class LeanSessionRepositoryTest {

    /** Sessions in a map, counting reads and writes of the last-access time. */
    private static final class Stored implements FindByIndexNameSessionRepository<MapSession> {
        final Map<String, MapSession> sessions = new HashMap<>();
        final AtomicInteger reads = new AtomicInteger();
        final AtomicInteger saves = new AtomicInteger();

        @Override
        public MapSession createSession() {
            return new MapSession();
        }

        @Override
        public void save(MapSession session) {
            saves.incrementAndGet();
            sessions.put(session.getId(), new MapSession(session));
        }

        @Override
        public MapSession findById(String id) {
            reads.incrementAndGet();
            MapSession session = sessions.get(id);
            return session == null ? null : new MapSession(session);
        }

        @Override
        public void deleteById(String id) {
            sessions.remove(id);
        }

        @Override
        public Map<String, MapSession> findByIndexNameAndIndexValue(String indexName, String indexValue) {
            return Map.of();
        }
    }

    @Test
    void lastAccessMovesOnlyOnceTheIntervalHasPassed() {
        Stored stored = new Stored();
        LeanSessionRepository<MapSession> sessions = new LeanSessionRepository<>(stored, Duration.ofMinutes(1));
        LeanSessionRepository.ThrottledSession<MapSession> session = sessions.createSession();
        Instant start = session.getLastAccessedTime();

        session.setLastAccessedTime(start.plusSeconds(59));
        assertThat(session.getLastAccessedTime()).isEqualTo(start);
        session.setLastAccessedTime(start.plusSeconds(60));
        assertThat(session.getLastAccessedTime()).isEqualTo(start.plusSeconds(60));
    }

    @Test
    void aSessionIsReadOncePerRequestAndAgainInTheNext() throws Exception {
        Stored stored = new Stored();
        LeanSessionRepository<MapSession> sessions = new LeanSessionRepository<>(stored, Duration.ofMinutes(1));
        LeanSessionRepository.ThrottledSession<MapSession> created = sessions.createSession();
        sessions.save(created);
        String id = created.getId();

        inRequest(() -> {
            assertThat(sessions.findById(id)).isNotNull();
            assertThat(sessions.findById(id)).isNotNull();
            assertThat(sessions.findById("unknown")).isNull();
            assertThat(sessions.findById("unknown")).isNull();
        });
        assertThat(stored.reads).as("one read per id within the request").hasValue(2);

        inRequest(() -> assertThat(sessions.findById(id)).isNotNull());
        assertThat(stored.reads).as("the next request reads again").hasValue(3);

        assertThat(sessions.findById(id)).isNotNull();
        assertThat(sessions.findById(id)).isNotNull();
        assertThat(stored.reads).as("outside a request every read goes to the store").hasValue(5);

        inRequest(() -> {
            assertThat(sessions.findById(id)).isNotNull();
            sessions.deleteById(id);
            assertThat(sessions.findById(id)).as("a deleted session is gone within the request too").isNull();
        });
    }

    @Test
    void aChangedSessionIdIsNotHandedOutUnderTheOldOne() throws Exception {
        Stored stored = new Stored();
        LeanSessionRepository<MapSession> sessions = new LeanSessionRepository<>(stored, Duration.ofMinutes(1));
        LeanSessionRepository.ThrottledSession<MapSession> created = sessions.createSession();
        sessions.save(created);
        String oldId = created.getId();

        inRequest(() -> {
            LeanSessionRepository.ThrottledSession<MapSession> session = sessions.findById(oldId);
            String newId = session.changeSessionId();
            stored.deleteById(oldId);
            sessions.save(session);
            assertThat(sessions.findById(oldId)).isNull();
            assertThat(sessions.findById(newId)).isNotNull();
        });
    }

    private interface Work {
        void run() throws Exception;
    }

    private static void inRequest(Work work) throws Exception {
        LeanSessionRepository.lookupsPerRequest().doFilter(new MockHttpServletRequest(), new MockHttpServletResponse(),
                (request, response) -> {
                    try {
                        work.run();
                    } catch (Exception e) {
                        throw new ServletException(e);
                    }
                });
    }
}
