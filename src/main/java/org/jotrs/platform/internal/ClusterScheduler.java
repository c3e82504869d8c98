package org.jotrs.platform.internal;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import javax.sql.DataSource;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import org.jotrs.platform.ClusterJob;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Runs the {@link ClusterJob} beans with db-scheduler on {@code jotrs_scheduled_tasks}: each job
 * is one recurring task, claimed by one node at a time. db-scheduler has no Spring Boot 4
 * starter, so the scheduler is built here and started once the application is up (after the
 * migrations), and stopped first on shutdown so running jobs finish while the database is there.
 */
@Component
@EnableConfigurationProperties(SchedulerProperties.class)
class ClusterScheduler implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ClusterScheduler.class);

    private final DataSource dataSource;
    private final ObjectProvider<ClusterJob> jobs;
    private final SchedulerProperties properties;
    private volatile Scheduler scheduler;

    ClusterScheduler(DataSource dataSource, ObjectProvider<ClusterJob> jobs, SchedulerProperties properties) {
        this.dataSource = dataSource;
        this.jobs = jobs;
        this.properties = properties;
    }

    @Override
    public void start() {
        List<ClusterJob> declared = jobs.orderedStream().toList();
        Set<String> names = new HashSet<>();
        List<RecurringTask<Void>> tasks = declared.stream()
                .peek(job -> {
                    if (!names.add(job.name())) {
                        throw new IllegalStateException("Two cluster jobs are named " + job.name());
                    }
                })
                .map(ClusterScheduler::task)
                .toList();
        scheduler = Scheduler.create(dataSource)
                .tableName("jotrs_scheduled_tasks")
                .startTasks(tasks)
                .threads(properties.threads())
                .pollingInterval(properties.pollingInterval())
                .heartbeatInterval(properties.heartbeatInterval())
                .shutdownMaxWait(properties.shutdownMaxWait())
                .enableImmediateExecution()
                .alwaysPersistTimestampInUTC()
                // A job renamed or removed by an upgrade leaves a row nobody runs: drop it.
                .deleteUnresolvedAfter(java.time.Duration.ofHours(1))
                .build();
        scheduler.start();
        log.info("Cluster scheduler started jobs={}", names);
    }

    private static RecurringTask<Void> task(ClusterJob job) {
        return Tasks.recurring(job.name(), FixedDelay.of(job.interval()))
                .execute((instance, context) -> job.run(() -> context.getSchedulerState().isShuttingDown()));
    }

    @Override
    public void stop() {
        Scheduler running = scheduler;
        scheduler = null;
        if (running != null) {
            running.stop();
        }
    }

    @Override
    public boolean isRunning() {
        return scheduler != null;
    }

    /** Starts after everything else (web server included) and stops before it. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 100;
    }
}
