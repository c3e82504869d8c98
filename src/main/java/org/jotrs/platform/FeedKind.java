package org.jotrs.platform;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What a change-feed row says happened, in OTRS's event words (stored as {@link #word()} in
 * {@code jotrs_change_feed.change_kind}). The one list of kinds: writers name a constant, readers
 * compare with it, and the pages hand the live-update script its labels from here
 * ({@link #liveLabels()}), so the browser knows the same kinds.
 */
public enum FeedKind {
    TICKET_CREATE("TicketCreate", null),
    ARTICLE_CREATE("ArticleCreate", "live.what.article"),
    TICKET_STATE_UPDATE("TicketStateUpdate", "live.what.state"),
    TICKET_PRIORITY_UPDATE("TicketPriorityUpdate", "live.what.priority"),
    TICKET_QUEUE_UPDATE("TicketQueueUpdate", "live.what.queue"),
    TICKET_LOCK_UPDATE("TicketLockUpdate", "live.what.lock"),
    TICKET_OWNER_UPDATE("TicketOwnerUpdate", "live.what.owner"),
    TICKET_RESPONSIBLE_UPDATE("TicketResponsibleUpdate", null),
    TICKET_TITLE_UPDATE("TicketTitleUpdate", null),
    TICKET_TYPE_UPDATE("TicketTypeUpdate", null),
    TICKET_CUSTOMER_UPDATE("TicketCustomerUpdate", null),
    TICKET_PENDING_TIME_UPDATE("TicketPendingTimeUpdate", null),
    TICKET_MERGE("TicketMerge", null),
    /** A customer's mail was added to the ticket (OTRS's follow-up). */
    TICKET_FOLLOW_UP("TicketFollowUp", null),
    TICKET_LINK_ADD("TicketLinkAdd", null),
    TICKET_LINK_DELETE("TicketLinkDelete", null),
    TICKET_SUBSCRIBE("TicketSubscribe", null),
    TICKET_UNSUBSCRIBE("TicketUnsubscribe", null),
    /** OTRS's escalation events, raised once per ticket, kind and deadline by the escalation check. */
    ESCALATION_RESPONSE_TIME_NOTIFY_BEFORE("EscalationResponseTimeNotifyBefore", null),
    ESCALATION_RESPONSE_TIME_START("EscalationResponseTimeStart", null),
    ESCALATION_UPDATE_TIME_NOTIFY_BEFORE("EscalationUpdateTimeNotifyBefore", null),
    ESCALATION_UPDATE_TIME_START("EscalationUpdateTimeStart", null),
    ESCALATION_SOLUTION_TIME_NOTIFY_BEFORE("EscalationSolutionTimeNotifyBefore", null),
    ESCALATION_SOLUTION_TIME_START("EscalationSolutionTimeStart", null),
    /** OTRS's notification events that go with them: one per ticket and check that raised any. */
    NOTIFICATION_ESCALATION("NotificationEscalation", null),
    NOTIFICATION_ESCALATION_NOTIFY_BEFORE("NotificationEscalationNotifyBefore", null);

    private final String word;
    private final String liveLabelKey;

    FeedKind(String word, String liveLabelKey) {
        this.word = word;
        this.liveLabelKey = liveLabelKey;
    }

    /** The OTRS event word, as stored. */
    public String word() {
        return word;
    }

    /** The kind a stored word names, if it is one of these. */
    public static Optional<FeedKind> of(String word) {
        return Arrays.stream(values()).filter(kind -> kind.word.equals(word)).findFirst();
    }

    /** Word → message key of the kinds the live-update notice names ("… changed the state"). */
    public static Map<String, String> liveLabels() {
        Map<String, String> labels = new LinkedHashMap<>();
        for (FeedKind kind : values()) {
            if (kind.liveLabelKey != null) {
                labels.put(kind.word, kind.liveLabelKey);
            }
        }
        return labels;
    }
}
