package org.jotrs.access;

import java.util.Map;
import java.util.Set;

/** What other modules may ask about agents and their rights. */
public interface AccessService {

    /**
     * The agent's effective permissions per group name: the union of direct {@code group_user}
     * rows and those of their valid roles ({@code role_user} -> {@code group_role}), with
     * {@code rw} expanded to all permissions. Invalid groups and roles grant nothing.
     */
    Map<String, Set<Permission>> effectivePermissions(int agentId);

    /** Whether the agent holds {@code rw} on the {@code admin} group, OTRS's administrator test. */
    default boolean isAdmin(int agentId) {
        return effectivePermissions(agentId).getOrDefault("admin", Set.of()).contains(Permission.RW);
    }
}
