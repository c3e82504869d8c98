package org.jotrs.access;

import java.util.List;
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

    /** Ids of the groups on which the agent holds the permission (directly, via roles, or through rw). */
    Set<Integer> groupsWith(int agentId, Permission permission);

    /**
     * Valid agents who hold the permission on the group, directly, through a valid role or through
     * {@code rw}, ordered by name: the candidates for owner and responsible of a ticket in a queue
     * of that group.
     */
    List<AgentRef> agentsWith(int groupId, Permission permission);

    /** All valid agents, ordered by name: for owner filters and pick lists checked later per queue. */
    List<AgentRef> validAgents();

    /** The agent's effective permissions on one group (see {@link #effectivePermissions}). */
    Set<Permission> permissionsOn(int agentId, int groupId);

    /**
     * Passes when the agent holds the permission on the group.
     *
     * @param action the bundle key of the action, for the message ({@code permission.action.create-in-queue}:
     *     "create tickets in queue {0}"), with its arguments
     * @throws PermissionDenied otherwise
     */
    default void require(int agentId, int groupId, Permission permission, String action, String... args) {
        if (!permissionsOn(agentId, groupId).contains(permission)) {
            throw new PermissionDenied(permission, action, args);
        }
    }

    /**
     * The agent as an article sender, the way OTRS writes it: {@code "First Last" <UserEmail>},
     * or just the name when the agent has no mail address.
     */
    String mailbox(int agentId);

    /** Whether the agent holds {@code rw} on the {@code admin} group, OTRS's administrator test. */
    default boolean isAdmin(int agentId) {
        return effectivePermissions(agentId).getOrDefault("admin", Set.of()).contains(Permission.RW);
    }

    /**
     * Passes for administrators (see {@link #isAdmin}). Every admin use case starts with it, so the
     * UI, the API and automation refuse the same agents; it is read on every call, so taking the
     * right away takes effect on the agent's next request.
     *
     * @throws PermissionDenied otherwise
     */
    default void requireAdmin(int agentId) {
        if (!isAdmin(agentId)) {
            throw new PermissionDenied(Permission.RW, "permission.action.administer");
        }
    }
}
