package org.jotrs.observer;

import java.time.Instant;
import java.util.List;

/**
 * Incidents for agents: an agent sees those of the sites whose ticket queue they may read
 * ({@code ro} on the queue's group); changing a status takes {@code rw} there.
 */
public interface Incidents {

    /** Statuses of an incident. */
    enum Status {
        OPEN, ACKNOWLEDGED, RESOLVED, IGNORED;

        public String key() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        public static Status of(String key) {
            for (Status status : values()) {
                if (status.key().equalsIgnoreCase(key)) {
                    return status;
                }
            }
            throw new org.jotrs.platform.InvalidInput(java.util.Map.of("status",
                    org.jotrs.platform.Messages.t("validation.observer.choose-status")));
        }
    }

    /** One incident in a list. */
    record Summary(long id, String site, String kind, String title, String route, String target, String label,
            Status status, boolean regressed, int occurrences, int sessions, int users, Instant firstSeen,
            Instant lastSeen, Long ticketId) {
    }

    /** One line of the sample session's story. */
    record StoryStep(double seconds, String text) {

        /** The time from the story's start, as shown: {@code +1.2 s}. */
        public String offset() {
            return String.format(java.util.Locale.ROOT, "+%.1f s", seconds);
        }
    }

    /**
     * The incident's export to one issue tracker.
     *
     * @param status pending (still trying), created, or failed (gave up; an agent with {@code rw} may retry)
     * @param issueKey the issue's key (Jira {@code ENG-12}, Linear {@code ENG-12}) once created
     * @param nextAttempt when the next attempt is due, while pending
     */
    record Export(long id, String tracker, String status, int attempts, String lastError, Instant nextAttempt,
            String issueKey, String issueUrl) {
    }

    /**
     * An incident with its story and occurrences per hour.
     *
     * @param hourly occurrences in each of the last 48 hours, oldest first
     * @param notExported the site's trackers ({@code jira}, {@code linear}) the incident has no
     *     export to: added after its ticket opened, or the incident has not opened one
     */
    record Details(Summary summary, String browsers, String lastRelease, String sampleSession, List<StoryStep> story,
            List<Integer> hourly, List<Export> exports, List<String> notExported) {
    }

    /** Newest first; {@code status} null lists open and acknowledged ones. */
    List<Summary> list(int actorId, Status status);

    /**
     * @throws org.jotrs.platform.NoSuchEntry when it does not exist or the agent may not see it
     */
    Details details(int actorId, long incidentId);

    /**
     * @throws org.jotrs.platform.NoSuchEntry when it does not exist or the agent may not see it
     * @throws org.jotrs.access.PermissionDenied without {@code rw} on the site's queue
     */
    void setStatus(int actorId, long incidentId, Status status);

    /**
     * Exports a failed export again from the start of its backoff (it keeps its client reference,
     * so an issue an earlier attempt created is found, not created twice).
     *
     * @throws org.jotrs.platform.NoSuchEntry when it does not exist or the agent may not see it
     * @throws org.jotrs.access.PermissionDenied without {@code rw} on the site's queue
     */
    void retryExport(int actorId, long incidentId, long exportId);

    /**
     * Exports the incident to each tracker of its site it has no export to yet (a target added
     * after the incident opened its ticket; or an incident below the ticket threshold an agent
     * wants filed). Adding a target never exports older incidents by itself: an agent chooses.
     * The export then runs as any other (one issue per incident and tracker).
     *
     * @return the trackers ({@code jira}, {@code linear}) newly queued; empty when every one has its export
     * @throws org.jotrs.platform.NoSuchEntry when it does not exist or the agent may not see it
     * @throws org.jotrs.access.PermissionDenied without {@code rw} on the site's queue
     */
    List<String> exportNow(int actorId, long incidentId);
}
