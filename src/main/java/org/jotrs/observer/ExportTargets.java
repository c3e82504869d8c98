package org.jotrs.observer;

import java.util.List;
import java.util.Locale;

/**
 * Where a site's incidents are filed besides the help desk: Jira Cloud and Linear, at most one of
 * each per site. An incident is exported when it opens its ticket, or when an agent exports it
 * ({@link Incidents#exportNow}: adding a target exports nothing by itself). Credentials are stored
 * encrypted ({@code jotrs.secret-key}) and never shown again: only their last characters are.
 * Every method needs {@code rw} on the group {@code admin}; every change is written to the audit log.
 */
public interface ExportTargets {

    /** The issue trackers Jotrs files incidents in. */
    enum Kind {
        JIRA, LINEAR;

        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Kind of(String key) {
            for (Kind kind : values()) {
                if (kind.key().equalsIgnoreCase(key)) {
                    return kind;
                }
            }
            throw org.jotrs.platform.InvalidInput.of("kind", org.jotrs.platform.Messages.t("validation.observer.choose-kind"));
        }
    }

    /**
     * A target as stored.
     *
     * @param baseUrl Jira: the site's address ({@code https://your-domain.atlassian.net}); Linear: empty
     * @param userEmail Jira: the account whose API token is used; Linear: empty
     * @param project Jira: the project key; Linear: the team id
     * @param issueType Jira: the issue type's name; Linear: empty
     * @param secretHint the credential's last four characters, for recognising it
     */
    record Target(long id, long siteId, Kind kind, String baseUrl, String userEmail, String project, String issueType,
            String secretHint) {
    }

    /**
     * What an administrator enters. A blank {@code secret} keeps the stored one.
     *
     * @param secret Jira: the API token; Linear: the API key
     */
    record Settings(String baseUrl, String userEmail, String project, String issueType, String secret) {

        /** A new target's form: Jira's issue type starts as Task, a type every Jira project has. */
        public static Settings blank(Kind kind) {
            return new Settings("", "", "", kind == Kind.JIRA ? "Task" : "", null);
        }
    }

    List<Target> targets(int actorId, long siteId);

    /**
     * Creates or changes the site's target of this kind.
     *
     * @throws org.jotrs.platform.InvalidInput for a missing or malformed field, or when no
     *     {@code jotrs.secret-key} is configured to encrypt the credential with
     * @throws org.jotrs.platform.NoSuchEntry for an unknown site
     */
    void save(int actorId, long siteId, Kind kind, Settings settings);

    /** Removes the site's target of this kind; exports already made stay listed on their incidents. */
    void remove(int actorId, long siteId, Kind kind);
}
