package org.jotrs.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.jotrs.platform.AuditLog.Change;
import org.jotrs.testing.OnEveryDatabase;
import org.jotrs.testing.RunningJotrs;
import org.jotrs.testing.TestDatabase;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.support.TransactionTemplate;

/** The audit log keeps every field exactly, only inside a transaction, and finds entries by type and text. */
class AuditLogTest {

    @OnEveryDatabase
    void recordsAndFindsChanges(DatabaseKind kind) {
        try (TestDatabase database = TestDatabase.create(kind); RunningJotrs jotrs = RunningJotrs.start(database)) {
            AuditLog log = jotrs.bean(AuditLog.class);
            TransactionTemplate tx = jotrs.bean(TransactionTemplate.class);

            assertThatThrownBy(() -> log.record(1, "queue", "queue Raw", "update", List.of(new Change("name", "a", "b"))))
                    .isInstanceOf(IllegalTransactionStateException.class);

            tx.executeWithoutResult(status -> {
                log.record(1, "agent", "login jdoe", "create", List.of(new Change("login", null, "jdoe"),
                        Change.secret("password")));
                log.record(1, "queue", "queue Raw", "update", java.util.Arrays.asList(
                        Change.of("name", "Raw", "Raw"), Change.of("comment", "tab\there\nnew line \\N", null)));
                log.record(1, "queue", "queue Raw", "update", java.util.Arrays.asList(Change.of("name", "Raw", "Raw")));
            });

            assertThat(log.count(null, null)).isEqualTo(2);
            List<AuditLog.Entry> queueEntries = log.recent("queue", null, 0, 10);
            assertThat(queueEntries).singleElement().satisfies(entry -> {
                assertThat(entry.actorId()).isEqualTo(1);
                assertThat(entry.changes()).containsExactly(new Change("comment", "tab\there\nnew line \\N", null));
            });
            assertThat(log.recent(null, "JDOE", 0, 10)).singleElement().satisfies(entry -> assertThat(entry.changes())
                    .containsExactly(new Change("login", null, "jdoe"), new Change("password", null, "(set)")));
            assertThat(log.recent(null, null, 0, 10)).extracting(AuditLog.Entry::objectType).containsExactly("queue", "agent");
        }
    }
}
