package org.jotrs.ticket.internal;

import org.jotrs.platform.Setting;
import org.jotrs.platform.Setting.Number;
import org.jotrs.platform.Setting.Text;
import org.jotrs.platform.Settings;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Component;

/**
 * The ticket settings administrators may change while Jotrs runs (the admin screen Settings),
 * with their OTRS names. Defaults are under {@code jotrs.ticket.*} in application.yml. The ticket
 * hook and the number generator stay start-up settings: changing them while mail is in flight
 * would stop replies from finding their tickets (see docs/decisions.md).
 */
@Component
class TicketRuntimeSettings {

    static final String SUBJECT_RE = "ticket.subject.re";
    static final String SUBJECT_FWD = "ticket.subject.fwd";
    static final String NEW_STATE = "ticket.new.state";
    static final String NEW_PRIORITY = "ticket.new.priority";
    static final String NEW_TYPE = "ticket.new.type";
    static final String PAGE_SIZE = "ticket.list.page-size";
    static final String QUEUE_PRE_SORT = "ticket.list.queue-pre-sort-by-priority";
    static final String BULK_REQUIRES_LOCK = "ticket.bulk.required-lock";

    private static final String GROUP = "Tickets";

    private final Settings settings;

    TicketRuntimeSettings(Settings settings) {
        this.settings = settings;
    }

    @Bean
    static Setting subjectReSetting() {
        return new Setting(SUBJECT_RE, GROUP, "Reply prefix",
                "Put before the subject of replies, as in 'RE: [Ticket#…] …' (OTRS Ticket::SubjectRe).", new Text(20, true));
    }

    @Bean
    static Setting subjectFwdSetting() {
        return new Setting(SUBJECT_FWD, GROUP, "Forward prefix",
                "Put before the subject of forwarded articles (OTRS Ticket::SubjectFwd).", new Text(20, true));
    }

    @Bean
    static Setting newStateSetting() {
        return new Setting(NEW_STATE, GROUP, "State of new tickets",
                "Preselected state on the new-ticket screens, and the state when none is given "
                        + "(OTRS Ticket::Frontend::AgentTicketPhone###StateDefault).", new Text(200, false));
    }

    @Bean
    static Setting newPrioritySetting() {
        return new Setting(NEW_PRIORITY, GROUP, "Priority of new tickets",
                "Preselected priority on the new-ticket screens, and the priority when none is given "
                        + "(OTRS Ticket::Frontend::AgentTicketPhone###Priority).", new Text(200, false));
    }

    @Bean
    static Setting newTypeSetting() {
        return new Setting(NEW_TYPE, GROUP, "Type of new tickets",
                "The type of new tickets when none is chosen (OTRS Ticket::Type::Default).", new Text(200, false));
    }

    @Bean
    static Setting pageSizeSetting() {
        return new Setting(PAGE_SIZE, GROUP, "Tickets per page",
                "How many tickets the queue, status and personal lists show per page "
                        + "(OTRS Ticket::Frontend::AgentTicketQueue###PageShown).", new Number(10, 500));
    }

    @Bean
    static Setting queuePreSortSetting() {
        return new Setting(QUEUE_PRE_SORT, GROUP, "Queue view: highest priority first",
                "The queue view lists the highest priority first and sorts by the chosen column within each "
                        + "priority, oldest first by default, so it lists first what OTRS lists first "
                        + "(OTRS Ticket::Frontend::AgentTicketQueue###PreSort::ByPriority).", new Setting.Flag());
    }

    @Bean
    static Setting bulkRequiresLockSetting() {
        return new Setting(BULK_REQUIRES_LOCK, GROUP, "Bulk action: lock each ticket",
                "The bulk action locks each ticket for the agent and makes them its owner before changing it, and "
                        + "leaves alone tickets another agent has locked "
                        + "(OTRS Ticket::Frontend::AgentTicketBulk###RequiredLock).", new Setting.Flag());
    }

    boolean bulkRequiresLock() {
        return settings.flag(BULK_REQUIRES_LOCK);
    }

    boolean queuePreSortByPriority() {
        return settings.flag(QUEUE_PRE_SORT);
    }

    String subjectRe() {
        return settings.text(SUBJECT_RE).strip();
    }

    String subjectFwd() {
        return settings.text(SUBJECT_FWD).strip();
    }

    String newState() {
        return settings.text(NEW_STATE);
    }

    String newPriority() {
        return settings.text(NEW_PRIORITY);
    }

    String newType() {
        return settings.text(NEW_TYPE);
    }

    int pageSize() {
        return settings.number(PAGE_SIZE);
    }
}
