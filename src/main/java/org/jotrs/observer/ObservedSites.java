package org.jotrs.observer;

import java.util.List;

/**
 * Administration of observed sites and their keys. Every method needs {@code rw} on the group
 * {@code admin}; every change is written to the audit log.
 */
public interface ObservedSites {

    List<ObservedSite> sites(int actorId);

    /** @throws org.jotrs.platform.NoSuchEntry when it does not exist */
    ObservedSite site(int actorId, long siteId);

    /**
     * @return the new site's id
     * @throws org.jotrs.platform.InvalidInput for a missing name, a bad origin or threshold, an unknown queue
     */
    long create(int actorId, SiteSettings settings);

    /** @throws org.jotrs.platform.InvalidInput as for {@link #create} */
    void update(int actorId, long siteId, SiteSettings settings);

    /** Issues one more key for the site (several may be active, for rotation); shown once. */
    IssuedKey issueKey(int actorId, long siteId);

    /** Revokes a key: batches sent with it are refused within {@code jotrs.observer.key-cache-ttl}, on every node. */
    void revokeKey(int actorId, long siteId, long keyId);
}
