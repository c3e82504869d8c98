package org.jotrs.access.internal;

import static org.jotrs.platform.Messages.t;

import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.jooq.DSLContext;
import org.jotrs.access.AccessChangeRefused;
import org.jotrs.access.AccessService;
import org.jotrs.access.PermissionAdministration;
import org.jotrs.access.AgentAdministration.Agent;
import org.jotrs.access.AgentAdministration.MatrixRow;
import org.jotrs.access.AgentAdministration.Membership;
import org.jotrs.access.AgentAdministration.Named;
import org.jotrs.access.AgentAdministration.PermissionMatrix;
import org.jotrs.access.NoSuchAccessObject;
import org.jotrs.access.Permission;
import org.jotrs.platform.Validity;
import org.jotrs.access.internal.PermissionGrants.Grant;
import org.jotrs.access.internal.PermissionGrants.Holder;
import org.jotrs.platform.DatabaseSchema;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Direct and role permissions on groups and role memberships, each change audited by {@link PermissionGrants}. */
@Service
class JooqPermissionAdministration implements PermissionAdministration {

    private final DSLContext db;
    private final AccessService access;
    private final DatabaseSchema schema;
    private final AgentRecords agents;
    private final PermissionGrants grants;
    private final AdministratorGuard guard;
    private final AgentSessions sessions;

    JooqPermissionAdministration(DSLContext db, AccessService access, DatabaseSchema schema, AgentRecords agents,
            PermissionGrants grants, AdministratorGuard guard, AgentSessions sessions) {
        this.db = db;
        this.access = access;
        this.schema = schema;
        this.agents = agents;
        this.grants = grants;
        this.guard = guard;
        this.sessions = sessions;
    }

    private NamedTable groupTable() {
        return NamedTable.groups(schema.permissionGroups());
    }

    private Agent existingAgent(int agentId) {
        return agents.find(agentId).orElseThrow(() -> new NoSuchAccessObject("agent", agentId));
    }

    private Named existing(NamedTable table, int id) {
        return table.find(db, id).orElseThrow(() -> new NoSuchAccessObject(table.what(), id));
    }

    @Override
    @Transactional(readOnly = true)
    public PermissionMatrix groupsOfAgent(int actorId, int agentId) {
        access.requireAdmin(actorId);
        Agent agent = existingAgent(agentId);
        var granted = PermissionGrants.byOtherAxis(grants.grants(Holder.AGENT, agentId, null), true);
        return new PermissionMatrix(new Named(agent.id(), agent.login(), agent.fullName(), agent.validity()),
                rows(groupTable().all(db), granted));
    }

    @Override
    @Transactional(readOnly = true)
    public PermissionMatrix agentsOfGroup(int actorId, int groupId) {
        access.requireAdmin(actorId);
        Named group = existing(groupTable(), groupId);
        var granted = PermissionGrants.byOtherAxis(grants.grants(Holder.AGENT, null, groupId), false);
        List<Named> all = agents.all().stream()
                .map(a -> new Named(a.id(), a.login(), a.fullName(), a.validity())).toList();
        return new PermissionMatrix(group, rows(all, granted));
    }

    @Override
    @Transactional(readOnly = true)
    public PermissionMatrix groupsOfRole(int actorId, int roleId) {
        access.requireAdmin(actorId);
        Named role = existing(NamedTable.roles(), roleId);
        var granted = PermissionGrants.byOtherAxis(grants.grants(Holder.ROLE, roleId, null), true);
        return new PermissionMatrix(role, rows(groupTable().all(db), granted));
    }

    @Override
    @Transactional(readOnly = true)
    public PermissionMatrix rolesOfGroup(int actorId, int groupId) {
        access.requireAdmin(actorId);
        Named group = existing(groupTable(), groupId);
        var granted = PermissionGrants.byOtherAxis(grants.grants(Holder.ROLE, null, groupId), false);
        return new PermissionMatrix(group, rows(NamedTable.roles().all(db), granted));
    }

    /** Valid entries first (they are the ones that matter), each group in name order. */
    private static List<MatrixRow> rows(List<Named> entries, Map<Integer, Set<Permission>> granted) {
        return entries.stream()
                .sorted(Comparator.comparing((Named n) -> n.validity() != Validity.VALID))
                .map(n -> new MatrixRow(n.id(), n.name(), n.validity(),
                        Set.copyOf(granted.getOrDefault(n.id(), EnumSet.noneOf(Permission.class)))))
                .toList();
    }

    @Override
    @Transactional
    public void setGroupsOfAgent(int actorId, int agentId, Map<Integer, Set<Permission>> wanted) {
        access.requireAdmin(actorId);
        existingAgent(agentId);
        Map<Integer, String> groupNames = names(groupTable());
        requireKnown(wanted.keySet(), groupNames, "group");
        guard.lock();
        grants.replace(Holder.AGENT, agentId, null, toGrants(wanted, g -> new Grant(agentId, g.getKey(), null)),
                agentNames(), groupNames, actorId);
        guard.requireAnAdministrator();
        sessions.endWhereAccessIsGone();
    }

    @Override
    @Transactional
    public void setAgentsOfGroup(int actorId, int groupId, Map<Integer, Set<Permission>> wanted) {
        access.requireAdmin(actorId);
        existing(groupTable(), groupId);
        Map<Integer, String> agentNames = agentNames();
        requireKnown(wanted.keySet(), agentNames, "agent");
        guard.lock();
        grants.replace(Holder.AGENT, null, groupId, toGrants(wanted, a -> new Grant(a.getKey(), groupId, null)),
                agentNames, names(groupTable()), actorId);
        guard.requireAnAdministrator();
        sessions.endWhereAccessIsGone();
    }

    @Override
    @Transactional
    public void setGroupsOfRole(int actorId, int roleId, Map<Integer, Set<Permission>> wanted) {
        access.requireAdmin(actorId);
        existing(NamedTable.roles(), roleId);
        Map<Integer, String> groupNames = names(groupTable());
        requireKnown(wanted.keySet(), groupNames, "group");
        guard.lock();
        grants.replace(Holder.ROLE, roleId, null, toGrants(wanted, g -> new Grant(roleId, g.getKey(), null)),
                roleNames(), groupNames, actorId);
        guard.requireAnAdministrator();
        sessions.endWhereAccessIsGone();
    }

    @Override
    @Transactional
    public void setRolesOfGroup(int actorId, int groupId, Map<Integer, Set<Permission>> wanted) {
        access.requireAdmin(actorId);
        existing(groupTable(), groupId);
        Map<Integer, String> roleNames = roleNames();
        requireKnown(wanted.keySet(), roleNames, "role");
        guard.lock();
        grants.replace(Holder.ROLE, null, groupId, toGrants(wanted, r -> new Grant(r.getKey(), groupId, null)),
                roleNames, names(groupTable()), actorId);
        guard.requireAnAdministrator();
        sessions.endWhereAccessIsGone();
    }

    /** Expands (other id -> permissions) into single grants; {@code skeleton} fixes holder and group. */
    private static Set<Grant> toGrants(Map<Integer, Set<Permission>> wanted,
            Function<Map.Entry<Integer, Set<Permission>>, Grant> skeleton) {
        Set<Grant> result = new HashSet<>();
        for (var entry : wanted.entrySet()) {
            Grant base = skeleton.apply(entry);
            for (Permission permission : entry.getValue()) {
                result.add(new Grant(base.holderId(), base.groupId(), permission));
            }
        }
        return result;
    }

    // ---- role membership

    @Override
    @Transactional(readOnly = true)
    public List<Membership> rolesOfAgent(int actorId, int agentId) {
        access.requireAdmin(actorId);
        existingAgent(agentId);
        Set<Integer> member = grants.memberships(agentId, null).stream().map(p -> p.get(1)).collect(Collectors.toSet());
        return NamedTable.roles().all(db).stream()
                .map(r -> new Membership(r.id(), r.name(), r.validity(), member.contains(r.id()))).toList();
    }

    @Override
    @Transactional(readOnly = true)
    public List<Membership> agentsOfRole(int actorId, int roleId) {
        access.requireAdmin(actorId);
        existing(NamedTable.roles(), roleId);
        Set<Integer> member = grants.memberships(null, roleId).stream().map(p -> p.get(0)).collect(Collectors.toSet());
        return agents.all().stream()
                .map(a -> new Membership(a.id(), a.login() + " (" + a.fullName() + ")", a.validity(), member.contains(a.id())))
                .toList();
    }

    @Override
    @Transactional
    public void setRolesOfAgent(int actorId, int agentId, Set<Integer> roleIds) {
        access.requireAdmin(actorId);
        existingAgent(agentId);
        Map<Integer, String> roleNames = roleNames();
        requireKnown(roleIds, roleNames, "role");
        guard.lock();
        Set<List<Integer>> wanted = roleIds.stream().map(r -> List.of(agentId, r)).collect(Collectors.toSet());
        grants.replaceMemberships(agentId, null, wanted, agentNames(), roleNames, actorId);
        guard.requireAnAdministrator();
        sessions.endWhereAccessIsGone();
    }

    @Override
    @Transactional
    public void setAgentsOfRole(int actorId, int roleId, Set<Integer> agentIds) {
        access.requireAdmin(actorId);
        existing(NamedTable.roles(), roleId);
        Map<Integer, String> agentNames = agentNames();
        requireKnown(agentIds, agentNames, "agent");
        guard.lock();
        Set<List<Integer>> wanted = agentIds.stream().map(a -> List.of(a, roleId)).collect(Collectors.toSet());
        grants.replaceMemberships(null, roleId, wanted, agentNames, roleNames(), actorId);
        guard.requireAnAdministrator();
        sessions.endWhereAccessIsGone();
    }

    // ---- helpers

    private Map<Integer, String> names(NamedTable table) {
        return table.all(db).stream().collect(Collectors.toMap(Named::id, Named::name));
    }

    private Map<Integer, String> agentNames() {
        return agents.all().stream().collect(Collectors.toMap(Agent::id, a -> "agent " + a.login()));
    }

    private Map<Integer, String> roleNames() {
        return NamedTable.roles().all(db).stream().collect(Collectors.toMap(Named::id, r -> "role " + r.name()));
    }

    private static void requireKnown(Set<Integer> ids, Map<Integer, String> known, String what) {
        List<Integer> unknown = ids.stream().filter(id -> !known.containsKey(id)).sorted().toList();
        if (!unknown.isEmpty()) {
            throw AccessChangeRefused.invalid(Map.of("permissions", t("not-found.access." + what,
                    unknown.stream().map(String::valueOf).collect(Collectors.joining(", ")))));
        }
    }
}
