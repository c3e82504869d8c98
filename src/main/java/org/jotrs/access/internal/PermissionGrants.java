package org.jotrs.access.internal;

import static org.jotrs.platform.db.schema.Tables.GROUP_ROLE;
import static org.jotrs.platform.db.schema.Tables.GROUP_USER;
import static org.jotrs.platform.db.schema.Tables.ROLE_USER;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.jotrs.access.Permission;
import org.jotrs.platform.AuditLog;
import org.jotrs.platform.AuditLog.Change;
import org.springframework.stereotype.Component;

/**
 * The rows behind the permission matrices: {@code group_user} (agent, group, key),
 * {@code group_role} (role, group, key, value 1) and {@code role_user}. Saving one side of a
 * matrix replaces that side's rows and audits each single grant and revoke.
 *
 * <p>Only the seven OTRS permission keys are replaced; rows with other keys (added by OTRS
 * extensions) are left alone.
 */
@Component
class PermissionGrants {

    /** Which rows a matrix shows: the holder (agent or role) and the group are the two axes. */
    enum Holder {
        AGENT, ROLE
    }

    /** A holder's permissions on a group. */
    record Grant(int holderId, int groupId, Permission permission) {
    }

    private static final List<String> KEYS = Stream.of(Permission.values()).map(Permission::key).toList();

    private final DSLContext db;
    private final Clock clock;
    private final AuditLog audit;

    PermissionGrants(DSLContext db, Clock clock, AuditLog audit) {
        this.db = db;
        this.clock = clock;
        this.audit = audit;
    }

    /** The grants whose holder or group matches the condition, as stored (rw not expanded). */
    Set<Grant> grants(Holder holder, Integer holderId, Integer groupId) {
        Set<Grant> grants = new HashSet<>();
        if (holder == Holder.AGENT) {
            Condition condition = DSL.noCondition();
            if (holderId != null) {
                condition = condition.and(GROUP_USER.USER_ID.eq(holderId));
            }
            if (groupId != null) {
                condition = condition.and(GROUP_USER.GROUP_ID.eq(groupId));
            }
            db.select(GROUP_USER.USER_ID, GROUP_USER.GROUP_ID, GROUP_USER.PERMISSION_KEY).from(GROUP_USER).where(condition)
                    .forEach(r -> Permission.fromKey(r.value3())
                            .ifPresent(p -> grants.add(new Grant(r.value1(), r.value2(), p))));
        } else {
            Condition condition = GROUP_ROLE.PERMISSION_VALUE.eq((short) 1);
            if (holderId != null) {
                condition = condition.and(GROUP_ROLE.ROLE_ID.eq(holderId));
            }
            if (groupId != null) {
                condition = condition.and(GROUP_ROLE.GROUP_ID.eq(groupId));
            }
            db.select(GROUP_ROLE.ROLE_ID, GROUP_ROLE.GROUP_ID, GROUP_ROLE.PERMISSION_KEY).from(GROUP_ROLE).where(condition)
                    .forEach(r -> Permission.fromKey(r.value3())
                            .ifPresent(p -> grants.add(new Grant(r.value1(), r.value2(), p))));
        }
        return grants;
    }

    /** Permissions per id of the other axis, for one holder or one group. */
    static Map<Integer, Set<Permission>> byOtherAxis(Set<Grant> grants, boolean keyedByGroup) {
        Map<Integer, Set<Permission>> map = new HashMap<>();
        for (Grant grant : grants) {
            map.computeIfAbsent(keyedByGroup ? grant.groupId() : grant.holderId(), id -> EnumSet.noneOf(Permission.class))
                    .add(grant.permission());
        }
        return map;
    }

    /**
     * Replaces the grants of one holder (when {@code holderId} is set) or of one group (when
     * {@code groupId} is set) with {@code wanted}, and audits every difference.
     *
     * @param holderNames holder id to its audit name ({@code agent jdoe}, {@code role Support})
     * @param groupNames group id to its name
     */
    void replace(Holder holder, Integer holderId, Integer groupId, Set<Grant> wanted, Map<Integer, String> holderNames,
            Map<Integer, String> groupNames, int actorId) {
        Set<Grant> current = grants(holder, holderId, groupId);
        List<Grant> granted = wanted.stream().filter(g -> !current.contains(g)).sorted(ORDER).toList();
        List<Grant> revoked = current.stream().filter(g -> !wanted.contains(g)).sorted(ORDER).toList();
        if (granted.isEmpty() && revoked.isEmpty()) {
            return;
        }
        LocalDateTime now = LocalDateTime.now(clock);
        if (holder == Holder.AGENT) {
            Condition side = holderId != null ? GROUP_USER.USER_ID.eq(holderId) : GROUP_USER.GROUP_ID.eq(groupId);
            db.deleteFrom(GROUP_USER).where(side).and(DSL.lower(GROUP_USER.PERMISSION_KEY).in(KEYS)).execute();
            if (!wanted.isEmpty()) {
                var insert = db.insertInto(GROUP_USER, GROUP_USER.USER_ID, GROUP_USER.GROUP_ID, GROUP_USER.PERMISSION_KEY,
                        GROUP_USER.CREATE_TIME, GROUP_USER.CREATE_BY, GROUP_USER.CHANGE_TIME, GROUP_USER.CHANGE_BY);
                for (Grant grant : wanted) {
                    insert = insert.values(grant.holderId(), grant.groupId(), grant.permission().key(), now, actorId, now, actorId);
                }
                insert.execute();
            }
        } else {
            Condition side = holderId != null ? GROUP_ROLE.ROLE_ID.eq(holderId) : GROUP_ROLE.GROUP_ID.eq(groupId);
            // Also drops OTRS's permission_value 0 rows: they are how older OTRS recorded a revoke.
            db.deleteFrom(GROUP_ROLE).where(side).and(DSL.lower(GROUP_ROLE.PERMISSION_KEY).in(KEYS)).execute();
            if (!wanted.isEmpty()) {
                var insert = db.insertInto(GROUP_ROLE, GROUP_ROLE.ROLE_ID, GROUP_ROLE.GROUP_ID, GROUP_ROLE.PERMISSION_KEY,
                        GROUP_ROLE.PERMISSION_VALUE, GROUP_ROLE.CREATE_TIME, GROUP_ROLE.CREATE_BY, GROUP_ROLE.CHANGE_TIME,
                        GROUP_ROLE.CHANGE_BY);
                for (Grant grant : wanted) {
                    insert = insert.values(grant.holderId(), grant.groupId(), grant.permission().key(), (short) 1, now,
                            actorId, now, actorId);
                }
                insert.execute();
            }
        }
        String type = holder == Holder.AGENT ? "agent-group" : "role-group";
        for (Grant grant : granted) {
            audit.record(actorId, type, key(grant, holderNames, groupNames), "grant",
                    List.of(new Change("permission", null, grant.permission().key())));
        }
        for (Grant grant : revoked) {
            audit.record(actorId, type, key(grant, holderNames, groupNames), "revoke",
                    List.of(new Change("permission", grant.permission().key(), null)));
        }
    }

    /** (agent id, role id) memberships of one agent or of one role. */
    Set<List<Integer>> memberships(Integer agentId, Integer roleId) {
        Condition condition = DSL.noCondition();
        if (agentId != null) {
            condition = condition.and(ROLE_USER.USER_ID.eq(agentId));
        }
        if (roleId != null) {
            condition = condition.and(ROLE_USER.ROLE_ID.eq(roleId));
        }
        Set<List<Integer>> pairs = new HashSet<>();
        db.select(ROLE_USER.USER_ID, ROLE_USER.ROLE_ID).from(ROLE_USER).where(condition)
                .forEach(r -> pairs.add(List.of(r.value1(), r.value2())));
        return pairs;
    }

    /**
     * Replaces the role memberships of one agent or the members of one role with {@code wanted}
     * ((agent id, role id) pairs), auditing each one added or removed.
     */
    void replaceMemberships(Integer agentId, Integer roleId, Set<List<Integer>> wanted, Map<Integer, String> agentNames,
            Map<Integer, String> roleNames, int actorId) {
        Set<List<Integer>> current = memberships(agentId, roleId);
        List<List<Integer>> added = new ArrayList<>(wanted.stream().filter(p -> !current.contains(p)).toList());
        List<List<Integer>> removed = new ArrayList<>(current.stream().filter(p -> !wanted.contains(p)).toList());
        if (added.isEmpty() && removed.isEmpty()) {
            return;
        }
        Condition side = agentId != null ? ROLE_USER.USER_ID.eq(agentId) : ROLE_USER.ROLE_ID.eq(roleId);
        LocalDateTime now = LocalDateTime.now(clock);
        db.deleteFrom(ROLE_USER).where(side).execute();
        if (!wanted.isEmpty()) {
            var insert = db.insertInto(ROLE_USER, ROLE_USER.USER_ID, ROLE_USER.ROLE_ID, ROLE_USER.CREATE_TIME,
                    ROLE_USER.CREATE_BY, ROLE_USER.CHANGE_TIME, ROLE_USER.CHANGE_BY);
            for (List<Integer> pair : wanted) {
                insert = insert.values(pair.get(0), pair.get(1), now, actorId, now, actorId);
            }
            insert.execute();
        }
        added.sort(PAIR_ORDER);
        removed.sort(PAIR_ORDER);
        for (List<Integer> pair : added) {
            audit.record(actorId, "agent-role", agentNames.get(pair.get(0)) + " · " + roleNames.get(pair.get(1)), "grant",
                    List.of(new Change("member", null, "yes")));
        }
        for (List<Integer> pair : removed) {
            audit.record(actorId, "agent-role", agentNames.get(pair.get(0)) + " · " + roleNames.get(pair.get(1)), "revoke",
                    List.of(new Change("member", "yes", null)));
        }
    }

    private static String key(Grant grant, Map<Integer, String> holderNames, Map<Integer, String> groupNames) {
        return holderNames.get(grant.holderId()) + " · group " + groupNames.get(grant.groupId());
    }

    private static final java.util.Comparator<Grant> ORDER = java.util.Comparator.comparingInt(Grant::holderId)
            .thenComparingInt(Grant::groupId).thenComparing(Grant::permission);

    private static final java.util.Comparator<List<Integer>> PAIR_ORDER = java.util.Comparator
            .<List<Integer>>comparingInt(p -> p.get(0)).thenComparingInt(p -> p.get(1));

}
