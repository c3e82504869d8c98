package org.jotrs.access;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jotrs.access.AgentAdministration.Membership;
import org.jotrs.access.AgentAdministration.PermissionMatrix;

/**
 * Who holds which permission on which group, directly or through a role (OTRS {@code group_user},
 * {@code group_role}), and who is a member of which role ({@code role_user}), from either side.
 *
 * <p>Every method starts with {@link AccessService#requireAdmin} for the acting agent and runs in
 * one transaction; every change writes its {@code AuditLog} entry in that transaction. Bad input
 * throws {@link AccessChangeRefused} before anything is written. No change may leave Jotrs without
 * a valid agent holding {@code rw} on the group {@code admin} (directly or through a valid role):
 * such a change is refused with a conflict and rolled back.
 */
public interface PermissionAdministration {

    /** The agent's direct permissions on every group. */
    PermissionMatrix groupsOfAgent(int actorId, int agentId);

    /** Every agent's direct permissions on the group. */
    PermissionMatrix agentsOfGroup(int actorId, int groupId);

    /** The role's permissions on every group. */
    PermissionMatrix groupsOfRole(int actorId, int roleId);

    /** Every role's permissions on the group. */
    PermissionMatrix rolesOfGroup(int actorId, int groupId);

    /**
     * Replaces the agent's direct permissions with {@code grants} (group id to permissions; groups
     * left out get none). Each grant and revoke is audited.
     */
    void setGroupsOfAgent(int actorId, int agentId, Map<Integer, Set<Permission>> grants);

    /** Replaces the group's direct agent permissions (agent id to permissions). */
    void setAgentsOfGroup(int actorId, int groupId, Map<Integer, Set<Permission>> grants);

    /** Replaces the role's permissions (group id to permissions). */
    void setGroupsOfRole(int actorId, int roleId, Map<Integer, Set<Permission>> grants);

    /** Replaces the group's role permissions (role id to permissions). */
    void setRolesOfGroup(int actorId, int groupId, Map<Integer, Set<Permission>> grants);

    /** Every role and whether the agent is a member. */
    List<Membership> rolesOfAgent(int actorId, int agentId);

    /** Every agent and whether they are a member of the role. */
    List<Membership> agentsOfRole(int actorId, int roleId);

    /** Makes the agent a member of exactly these roles. */
    void setRolesOfAgent(int actorId, int agentId, Set<Integer> roleIds);

    /** Makes exactly these agents members of the role. */
    void setAgentsOfRole(int actorId, int roleId, Set<Integer> agentIds);
}
