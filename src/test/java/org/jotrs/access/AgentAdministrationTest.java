package org.jotrs.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.jotrs.platform.db.schema.Tables.GROUP_ROLE;
import static org.jotrs.platform.db.schema.Tables.GROUP_USER;
import static org.jotrs.platform.db.schema.Tables.JOTRS_AUDIT_LOG;
import static org.jotrs.platform.db.schema.Tables.PERMISSION_GROUPS;
import static org.jotrs.platform.db.schema.Tables.ROLES;
import static org.jotrs.platform.db.schema.Tables.ROLE_USER;
import static org.jotrs.platform.db.schema.Tables.USERS;
import static org.jotrs.platform.db.schema.Tables.USER_PREFERENCES;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jooq.DSLContext;
import org.jotrs.access.AgentAdministration.AgentInput;
import org.jotrs.testing.OnEveryDatabase;
import org.jotrs.access.AgentAdministration.NamedInput;
import org.jotrs.access.internal.OtrsPasswordHashes;
import org.jotrs.platform.AuditLog;
import org.jotrs.platform.DatabaseKind;
import org.jotrs.platform.Validity;
import org.jotrs.testing.AppPerDatabase;
import org.jotrs.testing.RunningJotrs;
import org.junit.jupiter.api.AfterAll;

/**
 * Agents, groups, roles and permissions through the facade on every database: the OTRS rows they
 * write, the audit entries, and every refusal leaving the database as it was.
 *
 * <p>The methods share one application per database: they use their own logins, groups and roles,
 * read the audit log for their own objects only, and the second one, which needs root to be the
 * only administrator, gives root its right back at the end.
 */
class AgentAdministrationTest {

    private static final int ROOT = 1;
    private static final int ADMIN_GROUP = 2;
    private static final AppPerDatabase APPS = new AppPerDatabase();

    @AfterAll
    static void stop() {
        APPS.close();
    }

    @OnEveryDatabase
    void administersAgentsGroupsRolesAndPermissions(DatabaseKind kind) {
        RunningJotrs jotrs = APPS.on(kind);
        DSLContext db = jotrs.bean(DSLContext.class);
        AgentAdministration admin = jotrs.bean(AgentAdministration.class);
        GroupAndRoleAdministration groupsAndRoles = jotrs.bean(GroupAndRoleAdministration.class);
        PermissionAdministration permissions = jotrs.bean(PermissionAdministration.class);
        AccessService access = jotrs.bean(AccessService.class);
        AuditLog audit = jotrs.bean(AuditLog.class);

        // Agents: create with OTRS's bcrypt form and the UserEmail preference.
        int jane = admin.createAgent(ROOT, new AgentInput(" jdoe ", "Jane", "Doe", "jane@example.com", Validity.VALID,
                "correct horse"));
        var row = db.selectFrom(USERS).where(USERS.ID.eq(jane)).fetchSingle();
        assertThat(row.getLogin()).isEqualTo("jdoe");
        assertThat(row.getPw()).startsWith("BCRYPT:12:");
        assertThat(new OtrsPasswordHashes().verify("correct horse", row.getPw())).isTrue();
        assertThat(row.getCreateBy()).isEqualTo(ROOT);
        assertThat(email(db, jane)).isEqualTo("jane@example.com");
        assertThat(admin.agents(ROOT, "EXAMPLE.COM", null, 0).rows()).extracting(a -> a.login()).containsExactly("jdoe");
        assertThat(admin.agents(ROOT, "jane doe", Validity.VALID, 0).total()).isEqualTo(1);
        assertThat(admin.agents(ROOT, "", Validity.INVALID, 0).total()).isZero();

        admin.updateAgent(ROOT, jane, new AgentInput("jdoe", "Janet", "Doe", "janet@example.com", Validity.VALID, ""));
        assertThat(admin.agent(ROOT, jane).firstName()).isEqualTo("Janet");
        assertThat(email(db, jane)).isEqualTo("janet@example.com");
        assertThat(db.fetchCount(USER_PREFERENCES, USER_PREFERENCES.USER_ID.eq(jane)
                .and(USER_PREFERENCES.PREFERENCES_KEY.eq("UserEmail")))).isEqualTo(1);
        assertThat(db.selectFrom(USERS).where(USERS.ID.eq(jane)).fetchSingle().getPw()).as("blank keeps the password")
                .isEqualTo(row.getPw());
        admin.updateAgent(ROOT, jane, new AgentInput("jdoe", "Janet", "Doe", "janet@example.com", Validity.VALID,
                "battery staple"));
        assertThat(new OtrsPasswordHashes().verify("battery staple",
                db.selectFrom(USERS).where(USERS.ID.eq(jane)).fetchSingle().getPw())).isTrue();

        // Groups and roles.
        int sales = groupsAndRoles.createGroup(ROOT, new NamedInput("sales", "Sales team", Validity.VALID));
        int support = groupsAndRoles.createRole(ROOT, new NamedInput("Support", "", Validity.VALID));
        assertThat(db.selectFrom(PERMISSION_GROUPS).where(PERMISSION_GROUPS.ID.eq(sales)).fetchSingle().getComments())
                .isEqualTo("Sales team");
        assertThat(db.selectFrom(ROLES).where(ROLES.ID.eq(support)).fetchSingle().getComments()).isNull();
        groupsAndRoles.updateGroup(ROOT, sales, new NamedInput("sales", "Sales and pre-sales", Validity.VALID));

        // Matrices: agent -> groups, group -> agents, role -> groups, memberships.
        permissions.setGroupsOfAgent(ROOT, jane, Map.of(sales, EnumSet.of(Permission.RO, Permission.NOTE)));
        assertThat(keys(db, jane, sales)).containsExactlyInAnyOrder("ro", "note");
        permissions.setAgentsOfGroup(ROOT, sales, Map.of(jane, EnumSet.of(Permission.RW)));
        assertThat(keys(db, jane, sales)).containsExactly("rw");
        assertThat(access.permissionsOn(jane, sales)).containsExactlyInAnyOrder(Permission.values());
        permissions.setGroupsOfRole(ROOT, support, Map.of(1, EnumSet.of(Permission.CREATE)));
        assertThat(db.select(GROUP_ROLE.PERMISSION_KEY, GROUP_ROLE.PERMISSION_VALUE).from(GROUP_ROLE)
                .where(GROUP_ROLE.ROLE_ID.eq(support)).fetch(r -> r.value1() + "=" + r.value2())).containsExactly("create=1");
        permissions.setRolesOfAgent(ROOT, jane, Set.of(support));
        assertThat(db.fetchCount(ROLE_USER, ROLE_USER.USER_ID.eq(jane).and(ROLE_USER.ROLE_ID.eq(support)))).isEqualTo(1);
        assertThat(permissions.agentsOfRole(ROOT, support)).filteredOn(AgentAdministration.Membership::member)
                .extracting(AgentAdministration.Membership::id).containsExactly(jane);
        assertThat(permissions.groupsOfAgent(ROOT, jane).rows()).filteredOn(r -> r.id() == sales).singleElement()
                .satisfies(r -> assertThat(r.granted()).containsExactly(Permission.RW));

        var effective = admin.effectivePermissions(ROOT, jane).byGroup();
        assertThat(effective.get("sales").get(Permission.NOTE)).containsExactly("direct (rw)");
        assertThat(effective.get("sales").get(Permission.RW)).containsExactly("direct");
        assertThat(effective.get("users").get(Permission.CREATE)).containsExactly("role Support");
        assertThat(effective.get("users")).containsOnlyKeys(Permission.CREATE);

        // Invalid roles grant nothing, and the effective view follows.
        groupsAndRoles.updateRole(ROOT, support, new NamedInput("Support", "", Validity.INVALID_TEMPORARILY));
        assertThat(admin.effectivePermissions(ROOT, jane).byGroup()).doesNotContainKey("users");

        // Audit entries for each change, secrets never recorded.
        assertThat(audit.recent("agent", "jdoe", 0, 10)).extracting(AuditLog.Entry::action)
                .containsExactly("update", "update", "create");
        assertThat(audit.recent("agent", "jdoe", 0, 10).getFirst().changes())
                .containsExactly(new AuditLog.Change("password", null, "(set)"));
        assertThat(db.select(JOTRS_AUDIT_LOG.CHANGES).from(JOTRS_AUDIT_LOG).fetch(JOTRS_AUDIT_LOG.CHANGES))
                .noneMatch(text -> text.contains("battery") || text.contains("horse"));
        assertThat(audit.recent("agent-group", "jdoe", 0, 10)).extracting(e -> e.action() + " " + e.objectKey() + " "
                + e.changes().getFirst()).containsExactly(
                        "revoke agent jdoe · group sales Change[field=permission, before=note, after=null]",
                        "revoke agent jdoe · group sales Change[field=permission, before=ro, after=null]",
                        "grant agent jdoe · group sales Change[field=permission, before=null, after=rw]",
                        "grant agent jdoe · group sales Change[field=permission, before=null, after=note]",
                        "grant agent jdoe · group sales Change[field=permission, before=null, after=ro]");
        assertThat(audit.recent("role-group", "Support", 0, 10)).singleElement()
                .satisfies(e -> assertThat(e.objectKey()).isEqualTo("role Support · group users"));
        assertThat(audit.recent("agent-role", "Support", 0, 10)).singleElement()
                .satisfies(e -> assertThat(e.action()).isEqualTo("grant"));
        assertThat(audit.recent("group", "sales", 0, 10)).extracting(AuditLog.Entry::action).containsExactly("update", "create");
        assertThat(audit.recent("role", "Support", 0, 10)).extracting(AuditLog.Entry::action).containsExactly("update", "create");
    }

    @OnEveryDatabase
    void refusesBadInputAndNonAdminsAndChangesNothing(DatabaseKind kind) {
        RunningJotrs jotrs = APPS.on(kind);
        DSLContext db = jotrs.bean(DSLContext.class);
        AgentAdministration admin = jotrs.bean(AgentAdministration.class);
        GroupAndRoleAdministration groupsAndRoles = jotrs.bean(GroupAndRoleAdministration.class);
        PermissionAdministration permissions = jotrs.bean(PermissionAdministration.class);
        int kim = admin.createAgent(ROOT, new AgentInput("kroe", "Kim", "Roe", "kim@example.org", Validity.VALID,
                "correct horse"));
        int staff = groupsAndRoles.createGroup(ROOT, new NamedInput("staff", "", Validity.VALID));
        int team = groupsAndRoles.createRole(ROOT, new NamedInput("Team", "", Validity.VALID));
        List<Object> before = snapshot(db);

        // Duplicate login (case-insensitive), bad mail address, empty names, short password.
        assertThatThrownBy(() -> admin.createAgent(ROOT, new AgentInput("KROE", "K", "R", "k@example.org", Validity.VALID,
                "long enough")))
                .isInstanceOfSatisfying(AccessChangeRefused.class, e -> {
                    assertThat(e.conflict()).isTrue();
                    assertThat(e.errors()).containsOnlyKeys("login");
                });
        assertThatThrownBy(() -> admin.createAgent(ROOT, new AgentInput("new", " ", "", "not an address", Validity.VALID,
                "short")))
                .isInstanceOfSatisfying(AccessChangeRefused.class, e -> {
                    assertThat(e.status()).isEqualTo(422);
                    assertThat(e.errors()).containsOnlyKeys("firstName", "lastName", "email", "password");
                });
        for (String bad : List.of("Kim <kim@example.org>", "kim@", "@example.org", "a@b.com, c@d.com", "kim example@x.com")) {
            assertThatThrownBy(() -> admin.updateAgent(ROOT, kim, new AgentInput("kroe", "Kim", "Roe", bad, Validity.VALID, "")))
                    .as(bad).isInstanceOfSatisfying(AccessChangeRefused.class, e -> assertThat(e.errors()).containsOnlyKeys("email"));
        }
        assertThatThrownBy(() -> admin.updateAgent(ROOT, kim, new AgentInput("root@LOCALHOST", "Kim", "Roe",
                "kim@example.org", Validity.VALID, ""))).isInstanceOf(AccessChangeRefused.class);
        assertThatThrownBy(() -> groupsAndRoles.createGroup(ROOT, new NamedInput("STAFF", "", Validity.VALID)))
                .isInstanceOfSatisfying(AccessChangeRefused.class, e -> assertThat(e.errors()).containsOnlyKeys("name"));
        assertThatThrownBy(() -> groupsAndRoles.createRole(ROOT, new NamedInput(" ", "", null)))
                .isInstanceOfSatisfying(AccessChangeRefused.class, e -> assertThat(e.errors()).containsOnlyKeys("name", "validity"));
        assertThatThrownBy(() -> permissions.setGroupsOfAgent(ROOT, kim, Map.of(99999, EnumSet.of(Permission.RO))))
                .isInstanceOf(AccessChangeRefused.class);
        assertThatThrownBy(() -> admin.agent(ROOT, 99999)).isInstanceOf(NoSuchAccessObject.class);

        // Non-admins are refused by every use case.
        List<Runnable> attempts = List.of(
                () -> admin.agents(kim, "", null, 0),
                () -> admin.createAgent(kim, new AgentInput("x", "X", "Y", "x@example.org", Validity.VALID, "long enough")),
                () -> admin.updateAgent(kim, kim, new AgentInput("kroe", "Kim", "Roe", "kim@example.org", Validity.VALID, "")),
                () -> groupsAndRoles.createGroup(kim, new NamedInput("g", "", Validity.VALID)),
                () -> groupsAndRoles.updateRole(kim, team, new NamedInput("Team", "", Validity.INVALID)),
                () -> permissions.setGroupsOfAgent(kim, kim, Map.of(ADMIN_GROUP, EnumSet.of(Permission.RW))),
                () -> permissions.setAgentsOfGroup(kim, staff, Map.of()),
                () -> permissions.setRolesOfAgent(kim, kim, Set.of(team)),
                () -> admin.effectivePermissions(kim, ROOT));
        for (Runnable attempt : attempts) {
            assertThatThrownBy(attempt::run).isInstanceOf(PermissionDenied.class);
        }
        assertThat(snapshot(db)).as("nothing changed").isEqualTo(before);

        // The last administrator: root holds rw on admin directly. Every way of losing it is refused.
        List<Runnable> lastAdmin = List.of(
                () -> permissions.setGroupsOfAgent(ROOT, ROOT, Map.of(1, EnumSet.of(Permission.RW))),
                () -> permissions.setAgentsOfGroup(ROOT, ADMIN_GROUP, Map.of(ROOT, EnumSet.of(Permission.RO))),
                () -> admin.updateAgent(ROOT, ROOT, new AgentInput("root@localhost", "Admin", "OTRS", "root@localhost",
                        Validity.INVALID, "")),
                () -> groupsAndRoles.updateGroup(ROOT, ADMIN_GROUP, new NamedInput("admin", "", Validity.INVALID)),
                () -> groupsAndRoles.updateGroup(ROOT, ADMIN_GROUP, new NamedInput("administrators", "", Validity.VALID)));
        for (Runnable attempt : lastAdmin) {
            assertThatThrownBy(attempt::run).isInstanceOfSatisfying(AccessChangeRefused.class, e -> {
                assertThat(e.conflict()).isTrue();
                assertThat(e.errors()).containsOnlyKeys("permissions");
            });
        }
        assertThat(snapshot(db)).as("nothing changed").isEqualTo(before);
        assertThat(jotrs.bean(AccessService.class).isAdmin(ROOT)).isTrue();

        // With the right moved to a role, root's direct grant may go, but not the role's.
        permissions.setGroupsOfRole(ROOT, team, Map.of(ADMIN_GROUP, EnumSet.of(Permission.RW)));
        permissions.setRolesOfAgent(ROOT, kim, Set.of(team));
        permissions.setAgentsOfGroup(ROOT, ADMIN_GROUP, Map.of());
        assertThat(jotrs.bean(AccessService.class).isAdmin(ROOT)).isFalse();
        assertThat(jotrs.bean(AccessService.class).isAdmin(kim)).isTrue();
        List<Object> viaRole = snapshot(db);
        List<Runnable> viaRoleAttempts = List.of(
                () -> permissions.setRolesOfAgent(kim, kim, Set.of()),
                () -> permissions.setAgentsOfRole(kim, team, Set.of()),
                () -> groupsAndRoles.updateRole(kim, team, new NamedInput("Team", "", Validity.INVALID)),
                () -> permissions.setRolesOfGroup(kim, ADMIN_GROUP, Map.of(team, EnumSet.of(Permission.RO))),
                () -> admin.updateAgent(kim, kim, new AgentInput("kroe", "Kim", "Roe", "kim@example.org",
                        Validity.INVALID_TEMPORARILY, "")));
        for (Runnable attempt : viaRoleAttempts) {
            assertThatThrownBy(attempt::run).isInstanceOf(AccessChangeRefused.class);
        }
        assertThat(snapshot(db)).as("nothing changed").isEqualTo(viaRole);
        assertThat(db.fetchCount(GROUP_USER, GROUP_USER.GROUP_ID.eq(ADMIN_GROUP))).isZero();

        // And back: root holds rw on admin directly again and is the only administrator, as it started.
        permissions.setAgentsOfGroup(kim, ADMIN_GROUP, Map.of(ROOT, EnumSet.of(Permission.RW)));
        permissions.setRolesOfAgent(ROOT, kim, Set.of());
        permissions.setGroupsOfRole(ROOT, team, Map.of());
        assertThat(jotrs.bean(AccessService.class).isAdmin(ROOT)).isTrue();
        assertThat(jotrs.bean(AccessService.class).isAdmin(kim)).isFalse();
        assertThat(db.select(GROUP_USER.USER_ID, GROUP_USER.PERMISSION_KEY).from(GROUP_USER)
                .where(GROUP_USER.GROUP_ID.eq(ADMIN_GROUP)).fetch(r -> r.value1() + "=" + r.value2())).containsExactly("1=rw");
    }

    private static String email(DSLContext db, int agentId) {
        return db.select(USER_PREFERENCES.PREFERENCES_VALUE).from(USER_PREFERENCES)
                .where(USER_PREFERENCES.USER_ID.eq(agentId)).and(USER_PREFERENCES.PREFERENCES_KEY.eq("UserEmail"))
                .fetchSingle(USER_PREFERENCES.PREFERENCES_VALUE);
    }

    private static List<String> keys(DSLContext db, int agentId, int groupId) {
        return db.select(GROUP_USER.PERMISSION_KEY).from(GROUP_USER)
                .where(GROUP_USER.USER_ID.eq(agentId)).and(GROUP_USER.GROUP_ID.eq(groupId)).fetch(GROUP_USER.PERMISSION_KEY);
    }

    /** Everything the administration writes, to compare before and after a refusal. */
    private static List<Object> snapshot(DSLContext db) {
        return List.of(
                db.selectFrom(USERS).orderBy(USERS.ID).fetch().intoMaps(),
                db.select(USER_PREFERENCES.USER_ID, USER_PREFERENCES.PREFERENCES_KEY).from(USER_PREFERENCES)
                        .where(USER_PREFERENCES.PREFERENCES_KEY.ne("UserLastLogin"))
                        .orderBy(USER_PREFERENCES.USER_ID, USER_PREFERENCES.PREFERENCES_KEY).fetch().intoMaps(),
                db.selectFrom(PERMISSION_GROUPS).orderBy(PERMISSION_GROUPS.ID).fetch().intoMaps(),
                db.selectFrom(ROLES).orderBy(ROLES.ID).fetch().intoMaps(),
                db.select(GROUP_USER.USER_ID, GROUP_USER.GROUP_ID, GROUP_USER.PERMISSION_KEY).from(GROUP_USER)
                        .orderBy(GROUP_USER.USER_ID, GROUP_USER.GROUP_ID, GROUP_USER.PERMISSION_KEY).fetch().intoMaps(),
                db.select(GROUP_ROLE.ROLE_ID, GROUP_ROLE.GROUP_ID, GROUP_ROLE.PERMISSION_KEY).from(GROUP_ROLE)
                        .orderBy(GROUP_ROLE.ROLE_ID, GROUP_ROLE.GROUP_ID, GROUP_ROLE.PERMISSION_KEY).fetch().intoMaps(),
                db.select(ROLE_USER.USER_ID, ROLE_USER.ROLE_ID).from(ROLE_USER)
                        .orderBy(ROLE_USER.USER_ID, ROLE_USER.ROLE_ID).fetch().intoMaps(),
                db.fetchCount(JOTRS_AUDIT_LOG));
    }
}
