package org.jotrs.access.internal;

import static org.jotrs.platform.Messages.t;
import static org.jotrs.platform.db.schema.Tables.USERS;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.jotrs.access.AccessChangeRefused;
import org.jotrs.access.AccessService;
import org.jotrs.access.AgentAdministration;
import org.jotrs.access.NoSuchAccessObject;
import org.jotrs.access.Permission;
import org.jotrs.platform.Page;
import org.jotrs.platform.ColumnLimits;
import org.jotrs.platform.Validity;
import org.jotrs.access.internal.PermissionGrants.Grant;
import org.jotrs.platform.AuditLog;
import org.jotrs.platform.AuditLog.Change;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Agents with OTRS's rules: logins unique ignoring case, OTRS bcrypt hashes, the mail address as a preference. */
@Service
class JooqAgentAdministration implements AgentAdministration {

    private final AccessService access;
    private final AgentRecords agents;
    private final AdministratorGuard guard;
    private final OtrsPasswordHashes hashes;
    private final AuditLog audit;
    private final int passwordMinLength;
    private final EffectiveGrants effectiveGrants;
    private final AgentSessions sessions;

    JooqAgentAdministration(AccessService access, AgentRecords agents, AdministratorGuard guard,
            OtrsPasswordHashes hashes, AuditLog audit, SecurityProperties security, EffectiveGrants effectiveGrants,
            AgentSessions sessions) {
        this.access = access;
        this.agents = agents;
        this.guard = guard;
        this.hashes = hashes;
        this.audit = audit;
        this.passwordMinLength = security.passwordMinLength();
        this.effectiveGrants = effectiveGrants;
        this.sessions = sessions;
    }

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
            errors.put("login", t("validation.enter-login"));
        } else if (login.length() > ColumnLimits.length(USERS.LOGIN)) {
            errors.put("login", t("validation.at-most-characters", String.valueOf(ColumnLimits.length(USERS.LOGIN))));
        } else if (login.chars().anyMatch(Character::isWhitespace)) {
            errors.put("login", t("validation.agent.login-no-spaces"));
        }
        if (firstName.isEmpty()) {
            errors.put("firstName", t("validation.enter-first-name"));
        } else if (firstName.length() > ColumnLimits.length(USERS.FIRST_NAME)) {
            errors.put("firstName", t("validation.at-most-characters", String.valueOf(ColumnLimits.length(USERS.FIRST_NAME))));
        }
        if (lastName.isEmpty()) {
            errors.put("lastName", t("validation.enter-last-name"));
        } else if (lastName.length() > ColumnLimits.length(USERS.LAST_NAME)) {
            errors.put("lastName", t("validation.at-most-characters", String.valueOf(ColumnLimits.length(USERS.LAST_NAME))));
        }
        if (email.isEmpty()) {
            errors.put("email", t("validation.agent.enter-mail-address"));
        } else if (!org.jotrs.platform.MailAddressSyntax.isAddress(email)) {
            errors.put("email", t("validation.agent.not-a-mail-address", email));
        }
        if (input.validity() == null) {
            errors.put("validity", t("validation.choose-validity"));
        }
        if (agentId == null && password.isEmpty()) {
            errors.put("password", t("validation.agent.set-password", String.valueOf(passwordMinLength)));
        } else if (!password.isEmpty() && password.length() < passwordMinLength) {
            errors.put("password", t("validation.agent.password-too-short", String.valueOf(passwordMinLength)));
        }
        if (!errors.isEmpty()) {
            throw AccessChangeRefused.invalid(errors);
        }
        if (agents.loginTaken(login, agentId)) {
            throw AccessChangeRefused.conflict("login", t("validation.agent.login-taken", login));
        }
        return new AgentInput(login, firstName, lastName, email, input.validity(), password);
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

    private static String strip(String value) {
        return value == null ? "" : value.strip();
    }
}
