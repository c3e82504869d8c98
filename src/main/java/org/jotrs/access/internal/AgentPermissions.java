package org.jotrs.access.internal;

import static org.jotrs.platform.db.schema.Tables.GROUP_ROLE;
import static org.jotrs.platform.db.schema.Tables.GROUP_USER;
import static org.jotrs.platform.db.schema.Tables.ROLES;
import static org.jotrs.platform.db.schema.Tables.ROLE_USER;
import static org.jotrs.platform.db.schema.Tables.USERS;
import static org.jotrs.platform.db.schema.Tables.USER_PREFERENCES;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record3;
import org.jooq.Result;
import org.jooq.impl.DSL;
import org.jotrs.access.AccessService;
import org.jotrs.access.AgentRef;
import org.jotrs.access.Permission;
import org.jotrs.platform.DatabaseSchema;
import org.jotrs.platform.db.schema.tables.PermissionGroups;
import org.springframework.stereotype.Service;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

@Service
class AgentPermissions implements AccessService {

    private static final short VALID = 1;

    private final DSLContext db;
    private final EffectiveGrants effectiveGrants;

    AgentPermissions(DSLContext db, EffectiveGrants effectiveGrants) {
        this.db = db;
        this.effectiveGrants = effectiveGrants;
    }

    @Override
    public Map<String, Set<Permission>> effectivePermissions(int agentId) {
        Map<String, Set<Permission>> permissions = new TreeMap<>();
        for (Grant grant : grantsOf(agentId)) {
            permissions.computeIfAbsent(grant.groupName(), group -> EnumSet.noneOf(Permission.class))
                    .addAll(grant.permission().implied());
        }
        return permissions;
    }

    @Override
    public String mailbox(int agentId) {
        var agent = db.select(USERS.FIRST_NAME, USERS.LAST_NAME).from(USERS).where(USERS.ID.eq(agentId)).fetchSingle();
        String email = db.select(USER_PREFERENCES.PREFERENCES_VALUE).from(USER_PREFERENCES)
                .where(USER_PREFERENCES.USER_ID.eq(agentId)).and(USER_PREFERENCES.PREFERENCES_KEY.eq("UserEmail"))
                .fetchOptional(USER_PREFERENCES.PREFERENCES_VALUE).orElse("");
        String name = (agent.value1() + " " + agent.value2()).strip().replace("\"", "");
        return email.isBlank() ? name : "\"" + name + "\" <" + email + ">";
    }

    @Override
    public Set<Integer> groupsWith(int agentId, Permission permission) {
        Set<Integer> groups = new java.util.HashSet<>();
        for (Grant grant : grantsOf(agentId)) {
            if (grant.permission().implied().contains(permission)) {
                groups.add(grant.groupId());
            }
        }
        return groups;
    }

    @Override
    public Set<Permission> permissionsOn(int agentId, int groupId) {
        Set<Permission> permissions = EnumSet.noneOf(Permission.class);
        for (Grant grant : grantsOf(agentId)) {
            if (grant.groupId() == groupId) {
                permissions.addAll(grant.permission().implied());
            }
        }
        return permissions;
    }

    @Override
    public List<AgentRef> agentsWith(int groupId, Permission permission) {
        return db.select(USERS.ID, USERS.LOGIN, USERS.FIRST_NAME, USERS.LAST_NAME).from(USERS)
                .where(USERS.ID.in(effectiveGrants.holdersOf(groupId, permission)))
                .orderBy(USERS.FIRST_NAME, USERS.LAST_NAME, USERS.LOGIN)
                .fetch(r -> new AgentRef(r.value1(), r.value2(), (r.value3() + " " + r.value4()).strip()));
    }

    @Override
    public List<AgentRef> validAgents() {
        return db.select(USERS.ID, USERS.LOGIN, USERS.FIRST_NAME, USERS.LAST_NAME).from(USERS)
                .where(USERS.VALID_ID.eq(VALID))
                .orderBy(USERS.FIRST_NAME, USERS.LAST_NAME, USERS.LOGIN)
                .fetch(r -> new AgentRef(r.value1(), r.value2(), (r.value3() + " " + r.value4()).strip()));
    }

    /** One permission on one group, granted directly or through a role. */
    private record Grant(int groupId, String groupName, Permission permission) {
    }

    /**
     * The agent's grants, read once per web request: a page asks several times (navigation,
     * queue list, each action's check) and the answer cannot change in between for the same
     * agent. Outside a request (mail, jobs, tests) every call reads the database, and every new
     * request reads it again, so a revoked permission is gone on the agent's next request.
     */
    @SuppressWarnings("unchecked")
    private List<Grant> grantsOf(int agentId) {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request == null) {
            return loadGrants(agentId);
        }
        String key = AgentPermissions.class.getName() + ".grants." + agentId;
        List<Grant> grants = (List<Grant>) request.getAttribute(key, RequestAttributes.SCOPE_REQUEST);
        if (grants == null) {
            grants = loadGrants(agentId);
            request.setAttribute(key, grants, RequestAttributes.SCOPE_REQUEST);
        }
        return grants;
    }

    private List<Grant> loadGrants(int agentId) {
        return effectiveGrants.of(agentId).stream()
                .map(grant -> new Grant(grant.groupId(), grant.groupName(), grant.permission())).toList();
    }
}
