package org.jotrs.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jotrs.platform.db.schema.Tables.JOTRS_SESSION;

import org.jooq.DSLContext;
import org.jotrs.platform.DatabaseKind;
import org.jotrs.testing.AgentHttp;
import org.jotrs.testing.RunningJotrs;
import org.jotrs.testing.TestDatabase;
import org.junit.jupiter.api.Test;

/**
 * A page view does not write the session row: the last-access time is stored again only once
 * the stored one is older than {@code jotrs.session.last-access-write-interval}. The test does not
 * wait for the interval to pass: it moves the stored time back by more than the interval, which is
 * all the repository sees of passing time.
 */
class SessionLastAccessTest {

    @Test
    void lastAccessIsWrittenOncePerIntervalNotOncePerRequest() {
        try (TestDatabase database = TestDatabase.create(DatabaseKind.H2);
                RunningJotrs jotrs = RunningJotrs.start(database, "--jotrs.session.last-access-write-interval=1m")) {
            AgentHttp agent = jotrs.agent();
            agent.signIn("root@localhost", jotrs.firstStartPassword().orElseThrow());
            assertThat(agent.get("/").statusCode()).isEqualTo(200);
            DSLContext db = jotrs.bean(DSLContext.class);
            long stored = lastAccess(db);

            for (int i = 0; i < 3; i++) {
                assertThat(agent.get("/tickets").statusCode()).isEqualTo(200);
            }
            assertThat(lastAccess(db)).as("requests within the interval leave the row alone").isEqualTo(stored);

            long earlier = stored - 61_000;
            db.update(JOTRS_SESSION).set(JOTRS_SESSION.LAST_ACCESS_TIME, earlier).execute();
            assertThat(agent.get("/tickets").statusCode()).isEqualTo(200);
            long later = lastAccess(db);
            assertThat(later).as("the first request after the interval stores the time").isGreaterThanOrEqualTo(earlier + 60_000)
                    .isGreaterThanOrEqualTo(stored);
            assertThat(db.select(JOTRS_SESSION.EXPIRY_TIME).from(JOTRS_SESSION).fetchSingle().value1())
                    .as("and moves the expiry with it").isEqualTo(later + 2 * 60 * 60 * 1000L);

            agent.submit("/", "/logout", java.util.Map.of());
            assertThat(db.fetchCount(JOTRS_SESSION)).as("signing out still deletes the session").isZero();
        }
    }

    private static long lastAccess(DSLContext db) {
        return db.select(JOTRS_SESSION.LAST_ACCESS_TIME).from(JOTRS_SESSION).fetchSingle().value1();
    }
}
