package org.jotrs.access;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jotrs.platform.Validity;

/**
 * Administration of agents, groups, roles and their permissions (OTRS tables {@code users},
 * {@code user_preferences}, {@code permission_groups}/{@code groups}, {@code roles},
 * {@code group_user}, {@code group_role}, {@code role_user}).
 *
 * <p>Every method starts with {@link AccessService#requireAdmin} for the acting agent and runs in
 * one transaction; every change writes its {@code AuditLog} entry in that transaction. Bad input
 * throws {@link AccessChangeRefused} before anything is written. No change may leave Jotrs without
 * a valid agent holding {@code rw} on the group {@code admin} (directly or through a valid role):
 * such a change is refused with a conflict and rolled back. Nothing is ever deleted; agents,
 * groups and roles are made invalid instead, as in OTRS.
 */
public interface AgentAdministration {

    /** Agents listed per page. */
    int PAGE_SIZE = 25;

    /** An agent as the admin screens show it; {@code email} is OTRS's {@code UserEmail} preference. */
    record Agent(int id, String login, String firstName, String lastName, String email, Validity validity) {

        public String fullName() {
            return (firstName + " " + lastName).strip();
        }
    }

    /** One page of agents. */

    /**
     * What an admin enters for an agent.
     *
     * @param password a new password; required when creating, blank keeps the current one when editing
     */
    record AgentInput(String login, String firstName, String lastName, String email, Validity validity, String password) {

        @Override
        public String toString() {
            return "AgentInput[login=" + login + ", firstName=" + firstName + ", lastName=" + lastName + ", email="
                    + email + ", validity=" + validity + ", password=" + (password == null || password.isEmpty() ? "" : "***") + "]";
        }
    }

    /** A permission group or a role: both have a unique name, a comment and a validity. */
    record Named(int id, String name, String comment, Validity validity) {
    }

    /** What an admin enters for a group or a role. */
    record NamedInput(String name, String comment, Validity validity) {
    }

    /**
     * One side of a permission matrix: an agent's or role's groups, or a group's agents or roles.
     *
     * @param rows every agent, group or role that can be granted, valid ones first
     */
    record PermissionMatrix(Named subject, List<MatrixRow> rows) {
    }

    /** A row of a matrix: the other side's entry and the permissions granted on it. */
    record MatrixRow(int id, String name, Validity validity, Set<Permission> granted) {
    }

    /** Whether an agent is a member of a role, for the membership screens. */
    record Membership(int id, String name, Validity validity, boolean member) {
    }

    /**
     * An agent's effective permissions per group, each with where it comes from:
     * {@code direct}, or {@code role <name>}. {@code rw} is expanded to every permission it implies,
     * and a permission implied by rw names the rw grant's source.
     */
    record EffectivePermissions(Agent agent, Map<String, Map<Permission, List<String>>> byGroup) {
    }

    /** Agents whose login, name or mail address contains {@code search}, optionally of one validity, by login. */
    org.jotrs.platform.Page<Agent> agents(int actorId, String search, Validity validity, int page);

    /** @throws NoSuchAccessObject for an unknown id */
    Agent agent(int actorId, int agentId);

    /**
     * Creates an agent with OTRS's bcrypt password hash and the {@code UserEmail} preference.
     *
     * @return the new agent's id
     * @throws AccessChangeRefused for a taken login (compared case-insensitively, as OTRS does),
     *     an invalid mail address, empty names or a password shorter than the minimum
     */
    int createAgent(int actorId, AgentInput input);

    /** Changes an agent; a blank password keeps the current one. @throws AccessChangeRefused as for create */
    void updateAgent(int actorId, int agentId, AgentInput input);

    /** Every group, by name. */
    List<Named> groups(int actorId);

    /** @throws NoSuchAccessObject for an unknown id */
    Named group(int actorId, int groupId);

    /** @return the new group's id. @throws AccessChangeRefused for an empty or taken name */
    int createGroup(int actorId, NamedInput input);

    /** @throws AccessChangeRefused for an empty or taken name, or when it would remove the last administrator */
    void updateGroup(int actorId, int groupId, NamedInput input);

    /** Every role, by name. */
    List<Named> roles(int actorId);

    /** @throws NoSuchAccessObject for an unknown id */
    Named role(int actorId, int roleId);

    /** @return the new role's id. @throws AccessChangeRefused for an empty or taken name */
    int createRole(int actorId, NamedInput input);

    /** @throws AccessChangeRefused for an empty or taken name, or when it would remove the last administrator */
    void updateRole(int actorId, int roleId, NamedInput input);

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

    /** The agent's effective permissions with their sources. */
    EffectivePermissions effectivePermissions(int actorId, int agentId);
}
