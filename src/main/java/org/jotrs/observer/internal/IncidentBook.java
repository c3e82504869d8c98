package org.jotrs.observer.internal;

import static org.jotrs.platform.db.schema.Tables.JOTRS_OBSERVER_INCIDENT;
import static org.jotrs.platform.db.schema.Tables.JOTRS_OBSERVER_INCIDENT_SESSION;
import static org.jotrs.platform.db.schema.Tables.JOTRS_OBSERVER_SIGNAL;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.jotrs.observer.SiteSettings;
import org.jotrs.platform.db.schema.tables.records.JotrsObserverIncidentRecord;
import org.jotrs.ticket.CreatedTicket;
import org.jotrs.ticket.NewSystemTicket;
import org.jotrs.ticket.TicketService;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Folds signals into incidents and incidents into tickets. Runs inside the engine's transaction:
 * a signal, its incident's counts, the incident's ticket, its exports to issue trackers and the
 * engine's position commit together, so a crash at any point neither counts a signal twice nor opens a second ticket.
 */
@Component
class IncidentBook {

    static final String FROM = "Jotrs observer";

    private final DSLContext db;
    private final TicketService tickets;
    private final IncidentStories stories;
    private final ExportOutbox exports;
    private final Clock clock;

    IncidentBook(DSLContext db, TicketService tickets, IncidentStories stories, ExportOutbox exports, Clock clock) {
        this.db = db;
        this.tickets = tickets;
        this.stories = stories;
        this.exports = exports;
        this.clock = clock;
    }

    /** Records a signal; returns its incident's id when the signal was new, null when it was counted before. */
    @Transactional(propagation = Propagation.MANDATORY)
    Long record(SignalRules.Found found, Seen anchor) {
        var i = JOTRS_OBSERVER_INCIDENT;
        String route = Fingerprints.route(anchor.url());
        String target = clip(found.target(), 1000);
        String fingerprint = fingerprint(found);
        JotrsObserverIncidentRecord incident = db.selectFrom(i).where(i.SITE_ID.eq(anchor.siteId()))
                .and(i.FINGERPRINT.eq(fingerprint)).forUpdate().fetchOne();
        if (incident != null && db.fetchExists(JOTRS_OBSERVER_SIGNAL, JOTRS_OBSERVER_SIGNAL.SITE_ID.eq(anchor.siteId())
                .and(JOTRS_OBSERVER_SIGNAL.SIGNAL_KEY.eq(found.key())))) {
            return null;
        }
        LocalDateTime now = LocalDateTime.now(clock);
        if (incident == null) {
            // Another partition of the engine may create the same incident at the same time: the
            // unique fingerprint lets one insert win, and both then count on the same row.
            JotrsObserverIncidentRecord fresh = db.newRecord(i);
            fresh.setSiteId(anchor.siteId());
            fresh.setFingerprint(fingerprint);
            fresh.setKind(found.kind());
            fresh.setRoute(route);
            fresh.setTarget(target);
            fresh.setLabel(clip(found.label(), 200));
            fresh.setStatus("open");
            fresh.setRegressed((short) 0);
            fresh.setOccurrences(0);
            fresh.setSessions(0);
            fresh.setUsers(0);
            fresh.setBrowsers("");
            fresh.setFirstSeen(anchor.t());
            fresh.setLastSeen(anchor.t());
            fresh.setSampleSession(anchor.session());
            fresh.setSampleEventId(anchor.id());
            fresh.setTicketNotedOccurrences(0);
            fresh.setCreateTime(now);
            fresh.setChangeTime(now);
            db.insertInto(i).set(fresh).onConflict(i.SITE_ID, i.FINGERPRINT).doNothing().execute();
            incident = db.selectFrom(i).where(i.SITE_ID.eq(anchor.siteId())).and(i.FINGERPRINT.eq(fingerprint)).forUpdate()
                    .fetchSingle();
            if (incident.getOccurrences() > 0 && db.fetchExists(JOTRS_OBSERVER_SIGNAL,
                    JOTRS_OBSERVER_SIGNAL.SITE_ID.eq(anchor.siteId()).and(JOTRS_OBSERVER_SIGNAL.SIGNAL_KEY.eq(found.key())))) {
                return null;
            }
        }
        incident.setOccurrences(incident.getOccurrences() + 1);
        incident.setFirstSeen(Math.min(incident.getFirstSeen(), anchor.t()));
        if (anchor.t() >= incident.getLastSeen() || incident.getOccurrences() == 1) {
            incident.setLastSeen(Math.max(incident.getLastSeen(), anchor.t()));
            incident.setSampleSession(anchor.session());
            incident.setSampleEventId(anchor.id());
            incident.setLabel(clip(found.label(), 200));
        }
        if (anchor.release() != null) {
            incident.setLastRelease(anchor.release());
        }
        Set<String> browsers = new TreeSet<>(List.of(incident.getBrowsers().split(",")));
        browsers.remove("");
        if (browsers.size() < 10) {
            browsers.add(anchor.browser());
        }
        incident.setBrowsers(clip(String.join(",", browsers), 500));
        if ("resolved".equals(incident.getStatus()) && incident.getResolvedAt() != null && anchor.t() > incident.getResolvedAt()
                && (anchor.release() == null || incident.getResolvedRelease() == null
                        || !anchor.release().equals(incident.getResolvedRelease()))) {
            // Back after it was resolved, in another release than the one it was resolved in: a regression.
            incident.setStatus("open");
            incident.setRegressed((short) 1);
        }
        incident.setChangeTime(now);
        incident.store();
        db.insertInto(JOTRS_OBSERVER_SIGNAL)
                .set(JOTRS_OBSERVER_SIGNAL.SITE_ID, anchor.siteId())
                .set(JOTRS_OBSERVER_SIGNAL.SIGNAL_KEY, found.key())
                .set(JOTRS_OBSERVER_SIGNAL.INCIDENT_ID, incident.getId())
                .set(JOTRS_OBSERVER_SIGNAL.KIND, found.kind())
                .set(JOTRS_OBSERVER_SIGNAL.SESSION_ID, anchor.session())
                .set(JOTRS_OBSERVER_SIGNAL.EVENT_ID, anchor.id())
                .set(JOTRS_OBSERVER_SIGNAL.OCCURRED_AT, anchor.t())
                .execute();
        int newSession = db.insertInto(JOTRS_OBSERVER_INCIDENT_SESSION)
                .set(JOTRS_OBSERVER_INCIDENT_SESSION.INCIDENT_ID, incident.getId())
                .set(JOTRS_OBSERVER_INCIDENT_SESSION.SESSION_ID, anchor.session())
                .set(JOTRS_OBSERVER_INCIDENT_SESSION.USER_REF, anchor.userRef())
                .onConflict(JOTRS_OBSERVER_INCIDENT_SESSION.INCIDENT_ID, JOTRS_OBSERVER_INCIDENT_SESSION.SESSION_ID).doNothing()
                .execute();
        if (newSession > 0) {
            var s = JOTRS_OBSERVER_INCIDENT_SESSION;
            incident.setSessions(incident.getSessions() + 1);
            incident.setUsers(db.select(DSL.countDistinct(s.USER_REF)).from(s).where(s.INCIDENT_ID.eq(incident.getId()))
                    .fetchSingle().value1());
            incident.store();
        }
        return incident.getId();
    }

    /**
     * Opens the ticket of each incident past its site's threshold, notes recurrences on existing
     * tickets at most once per the site's interval (reopening the ticket for a regression).
     * Touched incidents are locked already (by {@link #record}).
     */
    @Transactional(propagation = Propagation.MANDATORY)
    void followUp(Collection<Long> touched, Map<Long, SiteSettings> sites) {
        var i = JOTRS_OBSERVER_INCIDENT;
        long now = clock.millis();
        for (Long id : new LinkedHashSet<>(touched)) {
            JotrsObserverIncidentRecord incident = db.selectFrom(i).where(i.ID.eq(id)).forUpdate().fetchOne();
            SiteSettings site = sites.get(incident.getSiteId());
            if (site == null || "ignored".equals(incident.getStatus()) || "resolved".equals(incident.getStatus())) {
                continue;
            }
            if (incident.getTicketId() == null) {
                if (site.ticketThreshold() > 0 && incident.getOccurrences() >= site.ticketThreshold()) {
                    CreatedTicket ticket = tickets.createSystemTicket(new NewSystemTicket(site.queueId(),
                            stories.title(incident), FROM, stories.article(incident)));
                    incident.setTicketId(ticket.ticketId());
                    incident.setTicketNotedAt(now);
                    incident.setTicketNotedOccurrences(incident.getOccurrences());
                    incident.store();
                    // Filed in Jira or Linear too, decided in this transaction: with the ticket or not at all.
                    exports.enqueue(incident.getId(), incident.getSiteId());
                }
            } else if (incident.getOccurrences() > incident.getTicketNotedOccurrences()
                    && (incident.getRegressed() == 1 && "open".equals(incident.getStatus()) && incident.getTicketNotedAt() < Objects.requireNonNullElse(incident.getResolvedAt(), 0L)
                        || now - incident.getTicketNotedAt() >= site.noteIntervalSeconds() * 1000L)) {
                boolean regression = incident.getRegressed() == 1 && incident.getTicketNotedAt() < Objects.requireNonNullElse(incident.getResolvedAt(), 0L);
                tickets.addSystemNote(incident.getTicketId(), FROM, stories.noteSubject(incident, regression),
                        stories.note(incident, incident.getOccurrences() - incident.getTicketNotedOccurrences(), regression), regression);
                incident.setTicketNotedAt(now);
                incident.setTicketNotedOccurrences(incident.getOccurrences());
                incident.store();
            }
        }
    }

    /** Incidents whose ticket is closed while they are open or acknowledged (their ids). */
    List<Long> withClosedTickets() {
        var i = JOTRS_OBSERVER_INCIDENT;
        List<JotrsObserverIncidentRecord> withTickets = db.selectFrom(i).where(i.TICKET_ID.isNotNull())
                .and(i.STATUS.in("open", "acknowledged")).fetch();
        if (withTickets.isEmpty()) {
            return List.of();
        }
        Set<Long> closed = tickets.closedAmong(withTickets.stream().map(JotrsObserverIncidentRecord::getTicketId).toList());
        return withTickets.stream().filter(incident -> closed.contains(incident.getTicketId()))
                .map(JotrsObserverIncidentRecord::getId).toList();
    }

    /**
     * Resolves an incident whose ticket was closed (if it still is open or acknowledged, and its
     * ticket still closed). One incident per transaction: it locks one row, so it cannot deadlock
     * with the engine's partitions, which lock incidents in fingerprint order.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    void resolveClosed(long id) {
        var i = JOTRS_OBSERVER_INCIDENT;
        JotrsObserverIncidentRecord incident = db.selectFrom(i).where(i.ID.eq(id)).forUpdate().fetchOne();
        if (incident == null || incident.getTicketId() == null || !List.of("open", "acknowledged").contains(incident.getStatus())
                || !tickets.closedAmong(List.of(incident.getTicketId())).contains(incident.getTicketId())) {
            return;
        }
        incident.setStatus("resolved");
        incident.setResolvedAt(clock.millis());
        incident.setResolvedRelease(incident.getLastRelease());
        incident.setRegressed((short) 0);
        incident.setChangeTime(LocalDateTime.now(clock));
        incident.store();
    }

    /** The fingerprint a signal is folded by; the engine records signals in this order so partitions lock incidents alike. */
    static String fingerprint(SignalRules.Found found) {
        return Fingerprints.of(found.kind(), Fingerprints.route(found.anchor().url()), clip(found.target(), 1000));
    }

    private static String clip(String text, int max) {
        String value = text == null ? "" : text;
        return value.length() > max ? value.substring(0, max - 1) + "…" : value;
    }
}
