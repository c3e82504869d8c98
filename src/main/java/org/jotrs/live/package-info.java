/**
 * Live updates: pushes ticket changes from this node's change-feed tail to the agent pages that
 * are open (server-sent events), and keeps who is viewing which ticket in the database
 * ({@code jotrs_live_viewer}) so every node can show it. No API for other modules yet.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Live updates")
package org.jotrs.live;
