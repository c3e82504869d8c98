package org.jotrs.platform.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;
import org.jotrs.platform.ClusterJob;
import org.jotrs.testing.OnEveryDatabase;
import org.jotrs.platform.DatabaseKind;
import org.jotrs.testing.TestDatabase;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;

/**
 * Two nodes on one database run a cluster job one at a time, never both at once; a job that
 * throws runs again at its next interval.
 */
class ClusterSchedulerTest {

    @OnEveryDatabase
    void aJobRunsOnOneNodeAtATimeAndSurvivesItsOwnFailure(DatabaseKind kind) throws Exception {
        try (TestDatabase database = TestDatabase.create(kind);
                HikariDataSource nodeA = dataSource(database);
                HikariDataSource nodeB = dataSource(database)) {
            Flyway.configure().dataSource(nodeA).locations("classpath:db/migration/" + kind.migrationFolder())
                    .table("jotrs_schema_history").load().migrate();

            AtomicBoolean running = new AtomicBoolean();
            AtomicInteger overlaps = new AtomicInteger();
            AtomicInteger runs = new AtomicInteger();
            ClusterJob exclusive = new ClusterJob("test.exclusive", Duration.ofMillis(20), () -> {
                if (!running.compareAndSet(false, true)) {
                    overlaps.incrementAndGet();
                    return;
                }
                try {
                    Thread.sleep(60);
                    runs.incrementAndGet();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    running.set(false);
                }
            });
            AtomicInteger failingRuns = new AtomicInteger();
            ClusterJob failing = new ClusterJob("test.failing", Duration.ofMillis(20), () -> {
                if (failingRuns.incrementAndGet() == 1) {
                    throw new IllegalStateException("first run fails on purpose");
                }
            });

            ClusterScheduler a = scheduler(nodeA, exclusive, failing);
            ClusterScheduler b = scheduler(nodeB, exclusive, failing);
            a.start();
            b.start();
            try {
                awaitTrue(() -> runs.get() >= 8 && failingRuns.get() >= 3, Duration.ofSeconds(30));
            } finally {
                a.stop();
                b.stop();
            }
            assertThat(overlaps).as("runs that started while another node's run was going").hasValue(0);
            assertThat(failingRuns.get()).as("a failed run does not stop the job").isGreaterThanOrEqualTo(3);
            try (var connection = database.connect();
                    var rs = connection.createStatement().executeQuery(
                            "SELECT task_name FROM jotrs_scheduled_tasks ORDER BY task_name")) {
                List<String> names = new java.util.ArrayList<>();
                while (rs.next()) {
                    names.add(rs.getString(1));
                }
                assertThat(names).as("jobs are stored, so they survive restarts").containsExactly("test.exclusive", "test.failing");
            }
        }
    }

    @OnEveryDatabase
    void aLoopingJobReturnsWhenTheNodeShutsDown(DatabaseKind kind) throws Exception {
        try (TestDatabase database = TestDatabase.create(kind);
                HikariDataSource node = dataSource(database)) {
            AtomicBoolean started = new AtomicBoolean();
            AtomicBoolean sawStopping = new AtomicBoolean();
            // Steps until told to stop (as the signal engine and the outbox sender do), bounded by a minute.
            ClusterJob looping = new ClusterJob("test.looping", Duration.ofMillis(20), () -> {
                started.set(true);
                long until = System.nanoTime() + Duration.ofMinutes(1).toNanos();
                while (System.nanoTime() < until) {
                    if (ClusterJob.stopping()) {
                        sawStopping.set(true);
                        return;
                    }
                    try {
                        Thread.sleep(10);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
            });
            assertThat(ClusterJob.stopping()).as("outside a run").isFalse();
            ClusterScheduler scheduler = scheduler(node, looping);
            scheduler.start();
            awaitTrue(started::get, Duration.ofSeconds(30));
            scheduler.stop();
            assertThat(sawStopping).as("the run saw the shutdown and returned before its minute was up").isTrue();
        }
    }

    private static ClusterScheduler scheduler(HikariDataSource dataSource, ClusterJob... jobs) {
        DefaultListableBeanFactory beans = new DefaultListableBeanFactory();
        for (ClusterJob job : jobs) {
            beans.registerSingleton(job.name(), job);
        }
        return new ClusterScheduler(dataSource, beans.getBeanProvider(ClusterJob.class),
                new SchedulerProperties(2, Duration.ofMillis(50), Duration.ofSeconds(1), Duration.ofSeconds(5)));
    }

    private static HikariDataSource dataSource(TestDatabase database) {
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(database.url());
        dataSource.setUsername(database.user());
        dataSource.setPassword(database.password());
        dataSource.setMaximumPoolSize(4);
        return dataSource;
    }

    private static void awaitTrue(BooleanSupplier condition, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within " + timeout);
            }
            Thread.sleep(20);
        }
    }
}
