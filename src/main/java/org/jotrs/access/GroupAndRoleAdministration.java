package org.jotrs.access;

import java.util.List;

import org.jotrs.access.AgentAdministration.Named;
import org.jotrs.access.AgentAdministration.NamedInput;

/**
 * Administration of permission groups and roles (OTRS {@code permission_groups}/{@code groups},
 * {@code roles}): a unique name, a comment and a validity each. Nothing is deleted; a group or
 * role is made invalid instead, as in OTRS.
 *
 * <p>Every method starts with {@link AccessService#requireAdmin} for the acting agent and runs in
 * one transaction; every change writes its {@code AuditLog} entry in that transaction. Bad input
 * throws {@link AccessChangeRefused} before anything is written. No change may leave Jotrs without
 * a valid agent holding {@code rw} on the group {@code admin} (directly or through a valid role):
 * such a change is refused with a conflict and rolled back.
 */
public interface GroupAndRoleAdministration {

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
}
