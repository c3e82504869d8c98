package org.jotrs.access.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;

import org.jooq.DSLContext;
import org.jotrs.access.AccessService;
import org.jotrs.access.AgentAdministration;
import org.jotrs.access.GroupAndRoleAdministration;
import org.jotrs.access.PermissionAdministration;
import org.jotrs.access.AgentRef;
import org.jotrs.access.Permission;
import org.jotrs.platform.DatabaseKind;
import org.jotrs.testing.Agents;
import org.jotrs.testing.Groups;
import org.jotrs.testing.Roles;
import org.jotrs.testing.RunningJotrs;
import org.jotrs.testing.OnEveryDatabase;
import org.jotrs.testing.TestDatabase;

/**
 * Issue 11, item 3: "an agent's permissions, direct and via roles" is one query, so what an agent
 * may do ({@link AccessService}), who may own tickets in a queue, who counts as an administrator
 * ({@link AdministratorGuard}) and the admin screen's effective permissions agree, whatever the
 * case of the stored permission keys (adopted databases may hold 'RW' or 'Owner').
 */
class PermissionQueriesAgreeTest {

    private static final int ROOT = 1;

    @OnEveryDatabase
    void theCallersAgree(DatabaseKind kind) {
        try (TestDatabase database = TestDatabase.create(kind); RunningJotrs jotrs = RunningJotrs.start(database)) {
            DSLContext db = jotrs.bean(DSLContext.class);
            AccessService access = jotrs.bean(AccessService.class);
            AgentAdministration admin = jotrs.bean(AgentAdministration.class);
            GroupAndRoleAdministration groupsAndRoles = jotrs.bean(GroupAndRoleAdministration.class);
            PermissionAdministration permissions = jotrs.bean(PermissionAdministration.class);
            AdministratorGuard guard = jotrs.bean(AdministratorGuard.class);
            int group = Groups.group(db, "Mixed");
            int adminGroup = db.fetchSingle("SELECT id FROM permission_groups WHERE name = 'admin'").get(0, Integer.class);
            int upper = Agents.agent(db, "upper", "Up", "Per");
            Agents.grant(db, upper, group, "RW");
            Agents.grant(db, upper, adminGroup, "RW");
            int viaRole = Agents.agent(db, "viarole", "Via", "Role");
            int role = Roles.role(db, "Owners");
            Roles.member(db, role, viaRole);
            Roles.grant(db, role, group, "Owner");
            int revoked = Agents.agent(db, "revoked", "Re", "Voked");
            Roles.member(db, role, revoked);
            Roles.revoked(db, role, group, "rw");

            // What each may do
            assertThat(access.permissionsOn(upper, group)).containsExactlyInAnyOrder(Permission.values());
            assertThat(access.permissionsOn(viaRole, group)).containsExactly(Permission.OWNER);
            assertThat(access.permissionsOn(revoked, group)).containsExactly(Permission.OWNER);
            // Who may own tickets there: the same agents
            assertThat(access.agentsWith(group, Permission.OWNER)).extracting(AgentRef::id)
                    .containsExactlyInAnyOrder(upper, viaRole, revoked);
            assertThat(access.agentsWith(group, Permission.RW)).extracting(AgentRef::id).containsExactly(upper);
            // The admin screen's effective permissions: the same sets
            for (int agent : List.of(upper, viaRole, revoked)) {
                assertThat(admin.effectivePermissions(ROOT, agent).byGroup().get("Mixed").keySet())
                        .as("agent " + agent).isEqualTo(access.permissionsOn(agent, group));
            }
            // Administrators: the guard counts exactly those isAdmin says are administrators
            List<Integer> agents = db.fetch("SELECT id FROM users WHERE valid_id = 1").getValues(0, Integer.class);
            long admins = agents.stream().filter(access::isAdmin).count();
            assertThat(access.isAdmin(upper)).isTrue();
            assertThat(guard.administrators()).isEqualTo(admins).isEqualTo(2);
            assertThat(Set.copyOf(access.agentsWith(adminGroup, Permission.RW).stream().map(AgentRef::id).toList()))
                    .containsExactlyInAnyOrder(ROOT, upper);
        }
    }
}
