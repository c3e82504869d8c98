package org.jotrs.access;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jotrs.platform.Validity;

/**
 * Administration of agents (OTRS tables {@code users}, {@code user_preferences}) and the view of
 * their effective permissions; groups and roles have {@link GroupAndRoleAdministration}, who holds
 * which permission and role {@link PermissionAdministration}. The records here serve all three.
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

    /** The agent's effective permissions with their sources. */
    EffectivePermissions effectivePermissions(int actorId, int agentId);
}
