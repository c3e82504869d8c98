package org.jotrs.mail;

import java.util.List;
import java.util.Set;

/**
 * The administration of OTRS's ticket notifications ({@code notification_event},
 * {@code notification_event_item}, {@code notification_event_message}), written as OTRS writes
 * them so Znuny's own screen shows the same notifications. Every method first checks that the
 * actor is an administrator; changes get an audit entry. Items this screen does not edit (OTRS's
 * {@code SendOnOutOfOffice}, tooltips, article filters, ...) are kept as they were.
 *
 * <p>Refusals: {@link org.jotrs.access.PermissionDenied}, {@link org.jotrs.platform.NoSuchEntry},
 * {@link org.jotrs.platform.InvalidInput} with messages per field, nothing written.
 */
public interface NotificationAdministration {

    /** The OTRS events Jotrs raises, in the order the form lists them. */
    List<String> EVENTS = List.of("NotificationNewTicket", "NotificationFollowUp", "NotificationAddNote",
            "NotificationOwnerUpdate", "NotificationResponsibleUpdate", "NotificationMove", "NotificationPendingReminder",
            "NotificationLockTimeout",
            "TicketCreate", "ArticleCreate", "TicketStateUpdate", "TicketPriorityUpdate", "TicketQueueUpdate",
            "TicketLockUpdate", "TicketOwnerUpdate", "TicketResponsibleUpdate", "TicketTitleUpdate", "TicketTypeUpdate",
            "TicketCustomerUpdate", "TicketPendingTimeUpdate", "TicketMerge");

    /** OTRS's recipients that Jotrs resolves. */
    List<String> RECIPIENTS = List.of("AgentOwner", "AgentResponsible", "AgentWatcher", "AgentWritePermissions",
            "AgentReadPermissions", "AgentMyQueues", "AgentMyServices");

    /** One line of the list. */
    record Summary(int id, String name, List<String> events, int validId) {
    }

    /** A choice of a checkbox list. */
    record Choice(int id, String name) {
    }

    /** What the filters and the named recipients offer (valid agents, groups and roles). */
    record Options(List<Choice> queues, List<Choice> states, List<Choice> priorities, List<Choice> types,
            List<Choice> locks, List<Choice> agents, List<Choice> groups, List<Choice> roles) {
    }

    /** The text of a notification in one language (an OTRS language code such as {@code en} or {@code pt_BR}). */
    record Text(String language, String subject, String body) {
    }

    /**
     * A notification as the form edits it.
     *
     * @param recipients OTRS's recipient kinds ({@link #RECIPIENTS})
     * @param agentIds, groupIds, roleIds named recipients (OTRS's {@code RecipientAgents},
     *     {@code RecipientGroups}, {@code RecipientRoles}): these agents, the agents with ro (or rw) on
     *     these groups, the members of these roles
     * @param queueIds and the other id sets: filters; empty means any
     * @param visibleForAgent whether agents may turn it off in their preferences
     * @param enabledByDefault whether it is on for agents who never chose
     */
    record Settings(String name, String comment, int validId, Set<String> events, Set<String> recipients,
            Set<Integer> agentIds, Set<Integer> groupIds, Set<Integer> roleIds, Set<Integer> queueIds, Set<Integer> stateIds, Set<Integer> priorityIds,
            Set<Integer> typeIds, Set<Integer> lockIds, boolean visibleForAgent, boolean enabledByDefault, List<Text> texts) {
    }

    List<Summary> notifications(int actorId);

    Settings notification(int actorId, int id);

    Options options(int actorId);

    int create(int actorId, Settings settings);

    void update(int actorId, int id, Settings settings);
}
