package org.jotrs.access.internal;

import static org.jotrs.platform.db.schema.Tables.GROUP_ROLE;
import static org.jotrs.platform.db.schema.Tables.GROUP_USER;
import static org.jotrs.platform.db.schema.Tables.ROLES;
import static org.jotrs.platform.db.schema.Tables.ROLE_USER;
import static org.jotrs.platform.db.schema.Tables.USERS;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.jooq.DSLContext;
import org.jotrs.access.AccessChangeRefused;
import org.jotrs.access.AccessService;
import org.jotrs.access.AgentAdministration;
import org.jotrs.access.NoSuchAccessObject;
import org.jotrs.access.Permission;
import org.jotrs.platform.Page;
import org.jotrs.platform.ColumnLimits;
import org.jotrs.platform.Validity;
import org.jotrs.access.internal.PermissionGrants.Grant;
import org.jotrs.access.internal.PermissionGrants.Holder;
import org.jotrs.platform.AuditLog;
import org.jotrs.platform.AuditLog.Change;
import org.jotrs.platform.DatabaseSchema;
import org.jotrs.platform.db.schema.tables.PermissionGroups;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class JooqAgentAdministration implements AgentAdministration {

    private final DSLContext db;
    private final Clock clock;
    private final AccessService access;
    private final DatabaseSchema schema;
    private final AgentRecords agents;
    private final PermissionGrants grants;
    private final AdministratorGuard guard;
    private final OtrsPasswordHashes hashes;
    private final AuditLog audit;
    private final int passwordMinLength;

    JooqAgentAdministration(DSLContext db, Clock clock, AccessService access, DatabaseSchema schema, AgentRecords agents,
            PermissionGrants grants, AdministratorGuard guard, OtrsPasswordHashes hashes, AuditLog audit,
            SecurityProperties security, EffectiveGrants effectiveGrants, AgentSessions sessions) {
        this.effectiveGrants = effectiveGrants;
        this.sessions = sessions;
        this.db = db;
        this.clock = clock;
        this.access = access;
        this.schema = schema;
        this.agents = agents;
        this.grants = grants;
        this.guard = guard;
        this.hashes = hashes;
        this.audit = audit;
        this.passwordMinLength = security.passwordMinLength();
    }

    private final EffectiveGrants effectiveGrants;
    private final AgentSessions sessions;

    private NamedTable groupTable() {
        return NamedTable.groups(schema.permissionGroups());
    }

    // ---- agents

    @Override
    @Transactional(readOnly = true)
    public Page<Agent> agents(int actorId, String search, Validity validity, int page) {
        access.requireAdmin(actorId);
        int total = agents.count(search, validity);
        int current = Page.clamp(page, total, PAGE_SIZE);
        return new Page<>(agents.page(search, validity, current * PAGE_SIZE, PAGE_SIZE), current, PAGE_SIZE, total);
    }

    @Override
    @Transactional(readOnly = true)
    public Agent agent(int actorId, int agentId) {
        access.requireAdmin(actorId);
        return existingAgent(agentId);
    }

    private Agent existingAgent(int agentId) {
        return agents.find(agentId).orElseThrow(() -> new NoSuchAccessObject("agent", agentId));
    }

    @Override
    @Transactional
    public int createAgent(int actorId, AgentInput input) {
        access.requireAdmin(actorId);
        AgentInput clean = validate(input, null);
        int id = agents.insert(clean.login(), clean.firstName(), clean.lastName(), clean.validity(),
                hashes.hash(clean.password()), actorId);
        agents.setEmail(id, clean.email());
        audit.record(actorId, "agent", "agent " + clean.login(), "create", List.of(
                new Change("login", null, clean.login()),
                new Change("first name", null, clean.firstName()),
                new Change("last name", null, clean.lastName()),
                new Change("email", null, clean.email()),
                new Change("validity", null, clean.validity().label()),
                Change.secret("password")));
        return id;
    }

    @Override
    @Transactional
    public void updateAgent(int actorId, int agentId, AgentInput input) {
        access.requireAdmin(actorId);
        Agent before = existingAgent(agentId);
        AgentInput clean = validate(input, agentId);
        guard.lock();
        agents.update(agentId, clean.login(), clean.firstName(), clean.lastName(), clean.validity(), actorId);
        if (!clean.email().equals(before.email())) {
            agents.setEmail(agentId, clean.email());
        }
        List<Change> changes = new ArrayList<>(java.util.Arrays.asList(
                Change.of("login", before.login(), clean.login()),
                Change.of("first name", before.firstName(), clean.firstName()),
                Change.of("last name", before.lastName(), clean.lastName()),
                Change.of("email", before.email(), clean.email()),
                Change.of("validity", before.validity().label(), clean.validity().label())));
        if (!clean.password().isEmpty()) {
            agents.setPasswordHash(agentId, hashes.hash(clean.password()), actorId);
            changes.add(Change.secret("password"));
        }
        audit.record(actorId, "agent", "agent " + clean.login(), "update", changes);
        guard.requireAnAdministrator();
        // An invalidated agent, or one whose password an admin reset, is signed out everywhere at once.
        if (clean.validity() != Validity.VALID || !clean.password().isEmpty() && agentId != actorId) {
            sessions.endAllOf(agentId);
        }
    }

    /** The input stripped, or every problem with it at once. */
    private AgentInput validate(AgentInput input, Integer agentId) {
        Map<String, String> errors = new LinkedHashMap<>();
        String login = strip(input.login());
        String firstName = strip(input.firstName());
        String lastName = strip(input.lastName());
        String email = strip(input.email());
        String password = input.password() == null ? "" : input.password();
        if (login.isEmpty()) {
            errors.put("login", "Enter a login.");
        } else if (login.length() > ColumnLimits.length(USERS.LOGIN)) {
            errors.put("login", "A login has at most " + ColumnLimits.length(USERS.LOGIN) + " characters.");
        } else if (login.chars().anyMatch(Character::isWhitespace)) {
            errors.put("login", "A login cannot contain spaces.");
        }
        if (firstName.isEmpty()) {
            errors.put("firstName", "Enter the first name.");
        } else if (firstName.length() > ColumnLimits.length(USERS.FIRST_NAME)) {
            errors.put("firstName", "A first name has at most " + ColumnLimits.length(USERS.FIRST_NAME) + " characters.");
        }
        if (lastName.isEmpty()) {
            errors.put("lastName", "Enter the last name.");
        } else if (lastName.length() > ColumnLimits.length(USERS.LAST_NAME)) {
            errors.put("lastName", "A last name has at most " + ColumnLimits.length(USERS.LAST_NAME) + " characters.");
        }
        if (email.isEmpty()) {
            errors.put("email", "Enter the agent's mail address.");
        } else if (!org.jotrs.platform.MailAddressSyntax.isAddress(email)) {
            errors.put("email", "'" + email + "' is not a valid mail address (like jdoe@example.com).");
        }
        if (input.validity() == null) {
            errors.put("validity", "Choose valid, invalid or invalid-temporarily.");
        }
        if (agentId == null && password.isEmpty()) {
            errors.put("password", "Set a password of at least " + passwordMinLength + " characters.");
        } else if (!password.isEmpty() && password.length() < passwordMinLength) {
            errors.put("password", "A password needs at least " + passwordMinLength + " characters.");
        }
        if (!errors.isEmpty()) {
            throw AccessChangeRefused.invalid(errors);
        }
        if (agents.loginTaken(login, agentId)) {
            throw AccessChangeRefused.conflict("login", "The login '" + login + "' is already taken (logins are"
                    + " compared without regard to case).");
        }
        return new AgentInput(login, firstName, lastName, email, input.validity(), password);
    }

    // ---- groups and roles

    @Override
    @Transactional(readOnly = true)
    public List<Named> groups(int actorId) {
        access.requireAdmin(actorId);
        return groupTable().all(db);
    }

    @Override
    @Transactional(readOnly = true)
    public Named group(int actorId, int groupId) {
        access.requireAdmin(actorId);
        return existing(groupTable(), groupId);
    }

    @Override
    @Transactional
    public int createGroup(int actorId, NamedInput input) {
        access.requireAdmin(actorId);
        return createNamed(groupTable(), actorId, input);
    }

    @Override
    @Transactional
    public void updateGroup(int actorId, int groupId, NamedInput input) {
        access.requireAdmin(actorId);
        updateNamed(groupTable(), actorId, groupId, input);
    }

    @Override
    @Transactional(readOnly = true)
    public List<Named> roles(int actorId) {
        access.requireAdmin(actorId);
        return NamedTable.roles().all(db);
    }

    @Override
    @Transactional(readOnly = true)
    public Named role(int actorId, int roleId) {
        access.requireAdmin(actorId);
        return existing(NamedTable.roles(), roleId);
    }

    @Override
    @Transactional
    public int createRole(int actorId, NamedInput input) {
        access.requireAdmin(actorId);
        return createNamed(NamedTable.roles(), actorId, input);
    }

    @Override
    @Transactional
    public void updateRole(int actorId, int roleId, NamedInput input) {
        access.requireAdmin(actorId);
        updateNamed(NamedTable.roles(), actorId, roleId, input);
    }

    private Named existing(NamedTable table, int id) {
        return table.find(db, id).orElseThrow(() -> new NoSuchAccessObject(table.what(), id));
    }

    private int createNamed(NamedTable table, int actorId, NamedInput input) {
        NamedInput clean = validate(table, input, null);
        int id = table.insert(db, clock, clean, actorId);
        audit.record(actorId, table.what(), table.what() + " " + clean.name(), "create", java.util.Arrays.asList(
                new Change("name", null, clean.name()),
                Change.of("comment", null, clean.comment().isEmpty() ? null : clean.comment()),
                new Change("validity", null, clean.validity().label())));
        return id;
    }

    private void updateNamed(NamedTable table, int actorId, int id, NamedInput input) {
        Named before = existing(table, id);
        NamedInput clean = validate(table, input, id);
        guard.lock();
        table.update(db, clock, id, clean, actorId);
        audit.record(actorId, table.what(), table.what() + " " + clean.name(), "update", java.util.Arrays.asList(
                Change.of("name", before.name(), clean.name()),
                Change.of("comment", before.comment(), clean.comment()),
                Change.of("validity", before.validity().label(), clean.validity().label())));
        guard.requireAnAdministrator();
        sessions.endWhereAccessIsGone();
    }

    private NamedInput validate(NamedTable table, NamedInput input, Integer id) {
        Map<String, String> errors = new LinkedHashMap<>();
        String name = strip(input.name());
        String comment = strip(input.comment());
        if (name.isEmpty()) {
            errors.put("name", "Enter a name.");
        } else if (name.length() > ColumnLimits.length(table.name())) {
            errors.put("name", "A name has at most " + ColumnLimits.length(table.name()) + " characters.");
        }
        if (comment.length() > ColumnLimits.length(table.comments())) {
            errors.put("comment", "A comment has at most " + ColumnLimits.length(table.comments()) + " characters.");
        }
        if (input.validity() == null) {
            errors.put("validity", "Choose valid, invalid or invalid-temporarily.");
        }
        if (!errors.isEmpty()) {
            throw AccessChangeRefused.invalid(errors);
        }
        if (table.nameTaken(db, name, id)) {
            throw AccessChangeRefused.conflict("name", "There is already a " + table.what() + " named '" + name + "'.");
        }
        return new NamedInput(name, comment, input.validity());
    }

    // ---- permission matrices

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

    // ---- effective permissions

    @Override
    @Transactional(readOnly = true)
    public EffectivePermissions effectivePermissions(int actorId, int agentId) {
        access.requireAdmin(actorId);
        Agent agent = existingAgent(agentId);
        Map<String, Map<Permission, List<String>>> byGroup = new TreeMap<>();
        access.effectivePermissions(agentId).forEach((group, permissions) -> {
            Map<Permission, List<String>> sources = new EnumMap<>(Permission.class);
            permissions.forEach(p -> sources.put(p, new ArrayList<>()));
            byGroup.put(group, sources);
        });
        for (EffectiveGrants.Grant grant : effectiveGrants.of(agentId)) {
            addSource(byGroup, grant.groupName(), grant.permission(), grant.role() == null ? "direct" : "role " + grant.role());
        }
        byGroup.values().forEach(sources -> sources.values().forEach(list -> list.sort(
                Comparator.comparing((String s) -> !s.equals("direct")).thenComparing(Comparator.naturalOrder()))));
        return new EffectivePermissions(agent, byGroup);
    }

    private static void addSource(Map<String, Map<Permission, List<String>>> byGroup, String group, Permission permission,
            String source) {
        java.util.Optional.of(permission).ifPresent(granted -> {
            Map<Permission, List<String>> sources = byGroup.get(group);
            if (sources == null) {
                return;
            }
            for (Permission implied : granted.implied()) {
                String label = implied == granted ? source : source + " (rw)";
                List<String> list = sources.get(implied);
                if (list != null && !list.contains(label)) {
                    list.add(label);
                }
            }
        });
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
            throw AccessChangeRefused.invalid(Map.of("permissions", "There is no " + what + " with id "
                    + unknown.stream().map(String::valueOf).collect(Collectors.joining(", ")) + "."));
        }
    }

    private static String strip(String value) {
        return value == null ? "" : value.strip();
    }
}
