package org.jotrs.ticket;

import java.util.List;
import java.util.Set;

/**
 * Administration of ticket states, priorities and types ({@code ticket_state}, {@code ticket_priority},
 * {@code ticket_type}). Every method starts with the administrator check; every change validates
 * first, then writes the row and its audit log entry in one transaction. The ticket screens read
 * these tables on every request, so a change shows at once.
 *
 * <p>Entries the system depends on are protected, as OTRS protects entries its configuration names:
 * the states of OTRS's defaults ({@link #SYSTEM_STATES}) keep their name, type and validity; the
 * default priority ({@code 3 normal}) and type ({@code Unclassified}) keep their name and validity;
 * the last valid state of type new, open or closed, the last valid priority and the last valid type
 * cannot be invalidated (nor, for states, change type).
 *
 * <p>Refusals: {@link org.jotrs.access.PermissionDenied} for non-administrators,
 * {@link org.jotrs.platform.InvalidInput} for bad fields (nothing written),
 * {@link org.jotrs.platform.NoSuchEntry} for unknown ids.
 */
public interface TicketSettingsAdministration {

    /** States named in OTRS's configuration defaults; Jotrs looks several of them up by name. */
    Set<String> SYSTEM_STATES = Set.of("new", "open", "closed successful", "closed unsuccessful", "merged",
            "pending reminder", "pending auto close+", "pending auto close-", "removed");

    /** OTRS's default priority ({@code Ticket::Frontend::...::PriorityDefault}) and type ({@code Ticket::Type::Default}). */
    String DEFAULT_PRIORITY = "3 normal";
    String DEFAULT_TYPE = "Unclassified";

    /** The state types a ticket can have that must keep at least one valid state. */
    Set<String> ESSENTIAL_STATE_TYPES = Set.of("new", "open", "closed");

    /** The three lists this facade manages. */
    enum Setting {
        STATE("state", "States"), PRIORITY("priority", "Priorities"), TYPE("type", "Types");

        private final String key;
        private final String plural;

        Setting(String key, String plural) {
            this.key = key;
            this.plural = plural;
        }

        public String key() {
            return key;
        }

        public String plural() {
            return plural;
        }
    }

    /**
     * A row of one of the lists, or the settings of one entry.
     *
     * @param typeId the state type ({@code ticket_state_type.id}); 0 for priorities and types
     * @param typeName the state type's name; null for priorities and types
     * @param comment only states have one; null for priorities and types
     * @param protectedEntry whether the system depends on it (see the class comment)
     */
    record Entry(int id, String name, int typeId, String typeName, String comment, int validId, boolean protectedEntry) {
    }

    /** What an administrator enters; {@code typeId} and {@code comment} are used for states only. */
    record Changes(String name, int typeId, String comment, int validId) {
    }

    /** A state type ({@code ticket_state_type}). */
    record StateType(int id, String name) {
    }

    List<Entry> list(int actorId, Setting setting);

    Entry entry(int actorId, Setting setting, int id);

    List<StateType> stateTypes(int actorId);

    /** @return the new entry's id */
    int create(int actorId, Setting setting, Changes changes);

    void update(int actorId, Setting setting, int id, Changes changes);
}
