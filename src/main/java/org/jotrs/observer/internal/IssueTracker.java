package org.jotrs.observer.internal;

import java.util.Optional;

import org.jotrs.observer.ExportTargets;

/**
 * An issue tracker incidents are filed in. Creation is made repeatable by a client reference
 * chosen before the first attempt and stored with the export: {@link #find} looks for an issue an
 * earlier attempt created (whose answer was lost) before {@link #create} is called again.
 */
sealed interface IssueTracker permits JiraCloud, Linear {

    /** An issue in the tracker. */
    record Issue(String id, String key, String url) {
    }

    /** What is filed: the incident's title, its story as plain text, and the link back to Jotrs. */
    record Filing(String title, String description, String incidentUrl, String ticketUrl) {
    }

    /** A call that did not succeed; {@code retryAfterMs} is the tracker's own wish (429), 0 when it had none. */
    final class CallFailed extends Exception {

        private final long retryAfterMs;

        CallFailed(String message, long retryAfterMs) {
            super(message, null, false, false);
            this.retryAfterMs = retryAfterMs;
        }

        long retryAfterMs() {
            return retryAfterMs;
        }
    }

    /** The issue created with this client reference, if an earlier attempt created one. */
    Optional<Issue> find(ExportTargets.Target target, String secret, String clientRef) throws CallFailed;

    Issue create(ExportTargets.Target target, String secret, String clientRef, Filing filing) throws CallFailed;

    /** Links the issue back to Jotrs where the description alone does not; repeatable. */
    void link(ExportTargets.Target target, String secret, Issue issue, Filing filing) throws CallFailed;
}
