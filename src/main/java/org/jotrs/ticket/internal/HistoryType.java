package org.jotrs.ticket.internal;

/**
 * OTRS's ticket history types ({@code ticket_history_type.name}), the 52 rows every OTRS 6 and
 * Znuny database has, in OTRS's id order. A history row names its type through this enum, so a
 * misspelt name cannot reach the database; {@link #otrsName()} is the stored name.
 */
enum HistoryType {
    NEW_TICKET("NewTicket"),
    FOLLOW_UP("FollowUp"),
    SEND_AUTO_REJECT("SendAutoReject"),
    SEND_AUTO_REPLY("SendAutoReply"),
    SEND_AUTO_FOLLOW_UP("SendAutoFollowUp"),
    FORWARD("Forward"),
    BOUNCE("Bounce"),
    SEND_ANSWER("SendAnswer"),
    SEND_AGENT_NOTIFICATION("SendAgentNotification"),
    SEND_CUSTOMER_NOTIFICATION("SendCustomerNotification"),
    EMAIL_AGENT("EmailAgent"),
    EMAIL_CUSTOMER("EmailCustomer"),
    PHONE_CALL_AGENT("PhoneCallAgent"),
    PHONE_CALL_CUSTOMER("PhoneCallCustomer"),
    ADD_NOTE("AddNote"),
    MOVE("Move"),
    LOCK("Lock"),
    UNLOCK("Unlock"),
    REMOVE("Remove"),
    TIME_ACCOUNTING("TimeAccounting"),
    CUSTOMER_UPDATE("CustomerUpdate"),
    PRIORITY_UPDATE("PriorityUpdate"),
    OWNER_UPDATE("OwnerUpdate"),
    LOOP_PROTECTION("LoopProtection"),
    MISC("Misc"),
    SET_PENDING_TIME("SetPendingTime"),
    STATE_UPDATE("StateUpdate"),
    TICKET_DYNAMIC_FIELD_UPDATE("TicketDynamicFieldUpdate"),
    WEB_REQUEST_CUSTOMER("WebRequestCustomer"),
    TICKET_LINK_ADD("TicketLinkAdd"),
    TICKET_LINK_DELETE("TicketLinkDelete"),
    SYSTEM_REQUEST("SystemRequest"),
    MERGED("Merged"),
    RESPONSIBLE_UPDATE("ResponsibleUpdate"),
    SUBSCRIBE("Subscribe"),
    UNSUBSCRIBE("Unsubscribe"),
    TYPE_UPDATE("TypeUpdate"),
    SERVICE_UPDATE("ServiceUpdate"),
    SLA_UPDATE("SLAUpdate"),
    ARCHIVE_FLAG_UPDATE("ArchiveFlagUpdate"),
    ESCALATION_SOLUTION_TIME_STOP("EscalationSolutionTimeStop"),
    ESCALATION_RESPONSE_TIME_START("EscalationResponseTimeStart"),
    ESCALATION_UPDATE_TIME_START("EscalationUpdateTimeStart"),
    ESCALATION_SOLUTION_TIME_START("EscalationSolutionTimeStart"),
    ESCALATION_RESPONSE_TIME_NOTIFY_BEFORE("EscalationResponseTimeNotifyBefore"),
    ESCALATION_UPDATE_TIME_NOTIFY_BEFORE("EscalationUpdateTimeNotifyBefore"),
    ESCALATION_SOLUTION_TIME_NOTIFY_BEFORE("EscalationSolutionTimeNotifyBefore"),
    ESCALATION_RESPONSE_TIME_STOP("EscalationResponseTimeStop"),
    ESCALATION_UPDATE_TIME_STOP("EscalationUpdateTimeStop"),
    TITLE_UPDATE("TitleUpdate"),
    EMAIL_RESEND("EmailResend"),
    BULK("Bulk");

    private final String otrsName;

    HistoryType(String otrsName) {
        this.otrsName = otrsName;
    }

    /** The type of this OTRS name. @throws IllegalArgumentException for a name OTRS does not have */
    static HistoryType named(String otrsName) {
        for (HistoryType type : values()) {
            if (type.otrsName.equals(otrsName)) {
                return type;
            }
        }
        throw new IllegalArgumentException("OTRS has no ticket history type " + otrsName);
    }

    /** The name in {@code ticket_history_type}. */
    String otrsName() {
        return otrsName;
    }
}
