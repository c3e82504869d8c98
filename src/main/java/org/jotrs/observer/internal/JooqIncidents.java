package org.jotrs.observer.internal;

import static org.jotrs.platform.db.schema.Tables.JOTRS_OBSERVER_EXPORT;
import static org.jotrs.platform.db.schema.Tables.JOTRS_OBSERVER_EXPORT_TARGET;
import static org.jotrs.platform.db.schema.Tables.JOTRS_OBSERVER_INCIDENT;
import static org.jotrs.platform.db.schema.Tables.JOTRS_OBSERVER_SIGNAL;
import static org.jotrs.platform.db.schema.Tables.JOTRS_OBSERVER_SITE;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.jooq.DSLContext;
import org.jooq.Record;
import org.jotrs.access.AccessService;
import org.jotrs.access.Permission;
import org.jotrs.observer.Incidents;
import org.jotrs.platform.NoSuchEntry;
import org.jotrs.platform.db.schema.tables.records.JotrsObserverIncidentRecord;
import org.jotrs.queue.Queue;
import org.jotrs.queue.QueueService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Incidents read and changed for agents, with the permission of the site's queue. */
@Service
class JooqIncidents implements Incidents {

    static final int HOURS = 48;

    private final DSLContext db;
    private final AccessService access;
    private final QueueService queues;
    private final IncidentStories stories;
    private final ExportOutbox outbox;
    private final Clock clock;

    JooqIncidents(DSLContext db, AccessService access, QueueService queues, IncidentStories stories, ExportOutbox outbox,
            Clock clock) {
        this.db = db;
        this.outbox = outbox;
        this.access = access;
        this.queues = queues;
        this.stories = stories;
        this.clock = clock;
    }

    @Override
    @Transactional(readOnly = true)
    public List<Summary> list(int actorId, Status status) {
        var i = JOTRS_OBSERVER_INCIDENT;
        List<Long> sites = visibleSites(actorId, Permission.RO);
        if (sites.isEmpty()) {
            return List.of();
        }
        List<String> statuses = status == null ? List.of("open", "acknowledged") : List.of(status.key());
        return db.select(i.fields()).select(JOTRS_OBSERVER_SITE.NAME).from(i)
                .join(JOTRS_OBSERVER_SITE).on(JOTRS_OBSERVER_SITE.ID.eq(i.SITE_ID))
                .where(i.SITE_ID.in(sites)).and(i.STATUS.in(statuses))
                .orderBy(i.LAST_SEEN.desc()).limit(500)
                .fetch(r -> summary(r.into(i), r.get(JOTRS_OBSERVER_SITE.NAME)));
    }

    @Override
    @Transactional(readOnly = true)
    public Details details(int actorId, long incidentId) {
        Record row = find(actorId, incidentId, Permission.RO);
        JotrsObserverIncidentRecord incident = row.into(JOTRS_OBSERVER_INCIDENT);
        long hour = 3_600_000L;
        long end = (clock.millis() / hour + 1) * hour;
        long start = end - HOURS * hour;
        int[] counts = new int[HOURS];
        db.select(JOTRS_OBSERVER_SIGNAL.OCCURRED_AT).from(JOTRS_OBSERVER_SIGNAL)
                .where(JOTRS_OBSERVER_SIGNAL.INCIDENT_ID.eq(incidentId))
                .and(JOTRS_OBSERVER_SIGNAL.OCCURRED_AT.ge(start))
                .forEach(r -> {
                    int bucket = (int) ((r.value1() - start) / hour);
                    if (bucket >= 0 && bucket < HOURS) {
                        counts[bucket]++;
                    }
                });
        List<Integer> hourly = new ArrayList<>(HOURS);
        for (int count : counts) {
            hourly.add(count);
        }
        List<StoryStep> story = stories.story(incident).stream().map(s -> new StoryStep(s.seconds(), s.text())).toList();
        var x = JOTRS_OBSERVER_EXPORT;
        List<Export> exports = db.select(x.fields()).select(JOTRS_OBSERVER_EXPORT_TARGET.KIND).from(x)
                .leftJoin(JOTRS_OBSERVER_EXPORT_TARGET).on(JOTRS_OBSERVER_EXPORT_TARGET.ID.eq(x.TARGET_ID))
                .where(x.INCIDENT_ID.eq(incidentId)).orderBy(x.ID)
                .fetch(r -> new Export(r.get(x.ID), r.get(JOTRS_OBSERVER_EXPORT_TARGET.KIND) == null ? "removed"
                        : r.get(JOTRS_OBSERVER_EXPORT_TARGET.KIND), r.get(x.STATUS), r.get(x.ATTEMPTS), r.get(x.LAST_ERROR),
                        "pending".equals(r.get(x.STATUS)) ? Instant.ofEpochMilli(r.get(x.NEXT_ATTEMPT_AT)) : null,
                        r.get(x.EXTERNAL_KEY), r.get(x.EXTERNAL_URL)));
        return new Details(summary(incident, row.get(JOTRS_OBSERVER_SITE.NAME)), incident.getBrowsers(),
                incident.getLastRelease(), incident.getSampleSession(), story, hourly, exports,
                notExported(incidentId, incident.getSiteId()));
    }

    @Override
    @Transactional
    public void setStatus(int actorId, long incidentId, Status status) {
        JotrsObserverIncidentRecord incident = find(actorId, incidentId, Permission.RW).into(JOTRS_OBSERVER_INCIDENT);
        incident = db.selectFrom(JOTRS_OBSERVER_INCIDENT).where(JOTRS_OBSERVER_INCIDENT.ID.eq(incident.getId())).forUpdate().fetchOne();
        incident.setStatus(status.key());
        if (status == Status.RESOLVED) {
            incident.setResolvedAt(clock.millis());
            incident.setResolvedRelease(incident.getLastRelease());
            incident.setRegressed((short) 0);
        }
        incident.setChangeTime(LocalDateTime.now(clock));
        incident.store();
    }

    @Override
    @Transactional
    public void retryExport(int actorId, long incidentId, long exportId) {
        find(actorId, incidentId, Permission.RW);
        var x = JOTRS_OBSERVER_EXPORT;
        var export = db.selectFrom(x).where(x.ID.eq(exportId)).and(x.INCIDENT_ID.eq(incidentId)).forUpdate().fetchOne();
        if (export == null) {
            throw new NoSuchEntry("not-found.incident-export", String.valueOf(exportId), String.valueOf(incidentId));
        }
        if (!"created".equals(export.getStatus())) {
            export.setStatus("pending");
            // One attempt stays counted, so the next one looks for an issue an earlier one may have created.
            export.setAttempts(Math.min(export.getAttempts(), 1));
            export.setNextAttemptAt(clock.millis());
            export.setChangeTime(LocalDateTime.now(clock));
            export.store();
        }
    }

    @Override
    @Transactional
    public List<String> exportNow(int actorId, long incidentId) {
        Record row = find(actorId, incidentId, Permission.RW);
        // The incident row locked, as the engine locks it before it opens a ticket and enqueues its exports.
        db.select(JOTRS_OBSERVER_INCIDENT.ID).from(JOTRS_OBSERVER_INCIDENT).where(JOTRS_OBSERVER_INCIDENT.ID.eq(incidentId))
                .forUpdate().fetch();
        List<String> missing = notExported(incidentId, row.get(JOTRS_OBSERVER_INCIDENT.SITE_ID));
        if (!missing.isEmpty()) {
            outbox.enqueue(incidentId, row.get(JOTRS_OBSERVER_INCIDENT.SITE_ID));
        }
        return missing;
    }

    /** The site's trackers without an export of this incident, in a stable order. */
    private List<String> notExported(long incidentId, long siteId) {
        var t = JOTRS_OBSERVER_EXPORT_TARGET;
        var x = JOTRS_OBSERVER_EXPORT;
        return db.select(t.KIND).from(t).where(t.SITE_ID.eq(siteId))
                .andNotExists(db.selectOne().from(x).where(x.TARGET_ID.eq(t.ID)).and(x.INCIDENT_ID.eq(incidentId)))
                .orderBy(t.KIND).fetch(t.KIND);
    }

    private Record find(int actorId, long incidentId, Permission permission) {
        var i = JOTRS_OBSERVER_INCIDENT;
        Record row = db.select(i.fields()).select(JOTRS_OBSERVER_SITE.NAME, JOTRS_OBSERVER_SITE.QUEUE_ID).from(i)
                .join(JOTRS_OBSERVER_SITE).on(JOTRS_OBSERVER_SITE.ID.eq(i.SITE_ID))
                .where(i.ID.eq(incidentId)).fetchOne();
        if (row == null || !visibleSites(actorId, Permission.RO).contains(row.get(i.SITE_ID))) {
            throw new NoSuchEntry("not-found.incident", String.valueOf(incidentId));
        }
        if (permission != Permission.RO) {
            int groupId = queues.find(row.get(JOTRS_OBSERVER_SITE.QUEUE_ID)).map(Queue::groupId).orElse(-1);
            access.require(actorId, groupId, permission, "permission.action.change-incidents", row.get(JOTRS_OBSERVER_SITE.NAME));
        }
        return row;
    }

    /** Sites whose ticket queue the agent holds the permission on. */
    private List<Long> visibleSites(int actorId, Permission permission) {
        Set<Integer> groups = access.groupsWith(actorId, permission);
        Map<Integer, Integer> groupOfQueue = queues.validQueues().stream().collect(Collectors.toMap(Queue::id, Queue::groupId));
        return db.select(JOTRS_OBSERVER_SITE.ID, JOTRS_OBSERVER_SITE.QUEUE_ID).from(JOTRS_OBSERVER_SITE).fetch().stream()
                .filter(r -> groups.contains(groupOfQueue.getOrDefault(r.value2(), -1)))
                .map(r -> r.value1()).toList();
    }

    private Summary summary(JotrsObserverIncidentRecord r, String site) {
        return new Summary(r.getId(), site, r.getKind(), stories.title(r), r.getRoute(), r.getTarget(), r.getLabel(),
                Status.of(r.getStatus()), r.getRegressed() == 1, r.getOccurrences(), r.getSessions(), r.getUsers(),
                Instant.ofEpochMilli(r.getFirstSeen()), Instant.ofEpochMilli(r.getLastSeen()), r.getTicketId());
    }
}
