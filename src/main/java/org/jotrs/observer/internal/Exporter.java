package org.jotrs.observer.internal;

import static org.jotrs.platform.db.schema.Tables.JOTRS_OBSERVER_EXPORT;
import static org.jotrs.platform.db.schema.Tables.JOTRS_OBSERVER_EXPORT_TARGET;
import static org.jotrs.platform.db.schema.Tables.JOTRS_OBSERVER_INCIDENT;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;

import org.jooq.DSLContext;
import org.jooq.Record;
import org.jotrs.observer.ExportTargets;
import org.jotrs.platform.ClusterJob;
import org.jotrs.platform.SecretBox;
import org.jotrs.platform.db.schema.tables.records.JotrsObserverExportRecord;
import org.jotrs.platform.db.schema.tables.records.JotrsObserverIncidentRecord;
import org.jotrs.observer.internal.IssueTracker.CallFailed;
import org.jotrs.observer.internal.IssueTracker.Filing;
import org.jotrs.observer.internal.IssueTracker.Issue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Works through the export outbox on one node of the cluster at a time. Each attempt is counted
 * (and its successor scheduled) before the tracker is called: after a crash in the middle of a
 * call, the next attempt knows an issue may exist and looks for it by the export's client
 * reference before creating one, so one incident never becomes two issues. Calls are bounded by
 * {@code jotrs.observer.export-timeout}; failures back off exponentially (a 429's Retry-After is
 * honoured) and are shown on the incident.
 */
@Component
class Exporter {

    private static final Logger log = LoggerFactory.getLogger(Exporter.class);
    private static final int PER_RUN = 20;

    private final DSLContext db;
    private final SecretBox secrets;
    private final IncidentStories stories;
    private final ObserverProperties properties;
    private final Environment environment;
    private final Clock clock;
    private final JiraCloud jira;
    private final Linear linear;

    Exporter(DSLContext db, SecretBox secrets, IncidentStories stories, ObserverProperties properties, Environment environment,
            Clock clock) {
        this.db = db;
        this.secrets = secrets;
        this.stories = stories;
        this.properties = properties;
        this.environment = environment;
        this.clock = clock;
        TrackerHttp http = new TrackerHttp(properties.exportTimeout());
        this.jira = new JiraCloud(http);
        this.linear = new Linear(http, properties.linearApiUrl());
    }

    @Bean
    static ClusterJob observerExport(Exporter exporter, ObserverProperties properties) {
        return new ClusterJob("observer.export", properties.exportInterval(), exporter::run);
    }

    /** One run: the exports that are due, oldest first, a bounded number. */
    void run() {
        var x = JOTRS_OBSERVER_EXPORT;
        List<Long> due = db.select(x.ID).from(x).where(x.STATUS.eq("pending")).and(x.NEXT_ATTEMPT_AT.le(clock.millis()))
                .orderBy(x.NEXT_ATTEMPT_AT, x.ID).limit(PER_RUN).fetch(x.ID);
        for (Long id : due) {
            if (ClusterJob.stopping() || Thread.currentThread().isInterrupted()) {
                return;
            }
            attempt(id);
        }
    }

    void attempt(long exportId) {
        var x = JOTRS_OBSERVER_EXPORT;
        Record row = db.select().from(x)
                .join(JOTRS_OBSERVER_EXPORT_TARGET).on(JOTRS_OBSERVER_EXPORT_TARGET.ID.eq(x.TARGET_ID))
                .join(JOTRS_OBSERVER_INCIDENT).on(JOTRS_OBSERVER_INCIDENT.ID.eq(x.INCIDENT_ID))
                .where(x.ID.eq(exportId)).and(x.STATUS.eq("pending")).fetchOne();
        if (row == null) {
            // Its target was removed: nothing can be exported any more.
            db.update(x).set(x.STATUS, "failed").set(x.LAST_ERROR, "The export target was removed.")
                    .set(x.CHANGE_TIME, LocalDateTime.now(clock)).where(x.ID.eq(exportId)).and(x.STATUS.eq("pending")).execute();
            return;
        }
        JotrsObserverExportRecord export = row.into(x);
        var targetRow = row.into(JOTRS_OBSERVER_EXPORT_TARGET);
        ExportTargets.Target target = JooqExportTargets.target(targetRow);
        JotrsObserverIncidentRecord incident = row.into(JOTRS_OBSERVER_INCIDENT);
        IssueTracker tracker = target.kind() == ExportTargets.Kind.JIRA ? jira : linear;
        boolean mayExist = export.getAttempts() > 0;
        int attempt = export.getAttempts() + 1;
        // Counted before the call: a crash during it leaves a trace that makes the next attempt search first.
        db.update(x).set(x.ATTEMPTS, attempt).set(x.NEXT_ATTEMPT_AT, clock.millis() + backoff(attempt))
                .set(x.CHANGE_TIME, LocalDateTime.now(clock)).where(x.ID.eq(exportId)).execute();
        String secret = secrets.open(targetRow.getSecret());
        try {
            if (secret == null) {
                throw new CallFailed("The stored credential cannot be opened (jotrs.secret-key is missing or was changed): "
                        + "enter it again on the site's admin page.", 0);
            }
            Filing filing = filing(incident);
            Issue issue = export.getExternalId() == null ? null
                    : new Issue(export.getExternalId(), export.getExternalKey(), export.getExternalUrl());
            if (issue == null && mayExist) {
                issue = tracker.find(target, secret, export.getClientRef()).orElse(null);
            }
            if (issue == null) {
                issue = tracker.create(target, secret, export.getClientRef(), filing);
            }
            if (export.getExternalId() == null) {
                db.update(x).set(x.EXTERNAL_ID, issue.id()).set(x.EXTERNAL_KEY, issue.key()).set(x.EXTERNAL_URL, issue.url())
                        .where(x.ID.eq(exportId)).execute();
            }
            tracker.link(target, secret, issue, filing);
            db.update(x).set(x.STATUS, "created").set(x.LINKED, (short) 1).set(x.LAST_ERROR, (String) null)
                    .set(x.CHANGE_TIME, LocalDateTime.now(clock)).where(x.ID.eq(exportId)).execute();
            log.info("observer export incident={} tracker={} issue={} attempt={}", incident.getId(), target.kind().key(),
                    issue.key(), attempt);
        } catch (CallFailed failed) {
            long next = clock.millis() + Math.max(failed.retryAfterMs(), backoff(attempt));
            boolean givingUp = attempt >= properties.exportAttempts();
            db.update(x).set(x.STATUS, givingUp ? "failed" : "pending").set(x.NEXT_ATTEMPT_AT, next)
                    .set(x.LAST_ERROR, clip(failed.getMessage()))
                    .set(x.CHANGE_TIME, LocalDateTime.now(clock)).where(x.ID.eq(exportId)).execute();
            log.warn("observer export failed incident={} tracker={} attempt={} giving-up={} error={}", incident.getId(),
                    target.kind().key(), attempt, givingUp, failed.getMessage());
        } catch (RuntimeException unexpected) {
            db.update(x).set(x.LAST_ERROR, clip("Unexpected: " + TrackerHttp.redact(String.valueOf(unexpected.getMessage()), secret)))
                    .set(x.CHANGE_TIME, LocalDateTime.now(clock)).where(x.ID.eq(exportId)).execute();
            throw unexpected;
        }
    }

    /** The pause after the n-th failed attempt: the base, doubled for each further one, capped. */
    long backoff(int attempt) {
        long base = properties.exportBackoff().toMillis();
        long max = properties.exportMaxBackoff().toMillis();
        return Math.min(max, base << Math.min(30, Math.max(0, attempt - 1)));
    }

    private Filing filing(JotrsObserverIncidentRecord incident) {
        String base = publicUrl();
        return new Filing(stories.title(incident), stories.article(incident), base + "/observer/incidents/" + incident.getId(),
                incident.getTicketId() == null ? null : base + "/tickets/" + incident.getTicketId());
    }

    /** Where agents reach Jotrs: the notifications' public URL, as in mails. */
    private String publicUrl() {
        String configured = environment.getProperty("jotrs.mail.notifications.public-url", "");
        if (!configured.isBlank()) {
            return configured.strip().replaceAll("/+$", "");
        }
        return "http://localhost:" + environment.getProperty("local.server.port", environment.getProperty("server.port", "8080"));
    }

    private static String clip(String text) {
        return text == null ? null : text.length() > 1000 ? text.substring(0, 999) + "…" : text;
    }
}
