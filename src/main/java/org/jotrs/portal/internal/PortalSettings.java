package org.jotrs.portal.internal;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import org.jotrs.platform.Setting;
import org.jotrs.platform.Settings;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Component;

/** The portal's runtime settings (Admin › Settings, group "Customer portal"). */
@Component
class PortalSettings {

    static final String QUEUES = "portal.new-ticket.queues";
    static final String TYPE_CHOICE = "portal.new-ticket.type-choice";
    static final String PRIORITY_CHOICE = "portal.new-ticket.priority-choice";
    static final String FORBIDDEN_EXTENSIONS = "portal.attachments.forbidden-extensions";
    static final String CLOSE = "portal.close-own-tickets";
    static final String CLOSE_STATE = "portal.close-state";
    static final String SIGN_UP = "portal.sign-up.enabled";
    static final String SIGN_UP_COMPANY = "portal.sign-up.company";
    private static final String GROUP = "Customer portal";

    private final Settings settings;

    PortalSettings(Settings settings) {
        this.settings = settings;
    }

    @Bean
    static Setting portalQueuesSetting() {
        return new Setting(QUEUES, GROUP, "Queues for new tickets",
                "The queues customers may open tickets in, by name, comma-separated (OTRS "
                        + "CustomerPanelOwnSelection); empty: every valid queue. With customer group support only those "
                        + "whose group the customer or their company holds rw on.",
                new Setting.Text(2000, true));
    }

    @Bean
    static Setting portalTypeChoiceSetting() {
        return new Setting(TYPE_CHOICE, GROUP, "Customers choose the ticket type",
                "Whether the new ticket form offers the ticket types (OTRS CustomerTicketMessage###TicketType); "
                        + "otherwise new tickets get the default type.", new Setting.Flag());
    }

    @Bean
    static Setting portalPriorityChoiceSetting() {
        return new Setting(PRIORITY_CHOICE, GROUP, "Customers choose the priority",
                "Whether the new ticket form offers the priorities (OTRS CustomerTicketMessage###Priority); "
                        + "otherwise new tickets get the default priority.", new Setting.Flag());
    }

    @Bean
    static Setting portalForbiddenExtensionsSetting() {
        return new Setting(FORBIDDEN_EXTENSIONS, GROUP, "File types customers may not attach",
                "File name extensions, comma-separated, that the portal refuses as attachments (programs and "
                        + "scripts by default); empty: any type. The size limit is the agents' "
                        + "(jotrs.article.max-attachment-size).", new Setting.Text(1000, true));
    }

    @Bean
    static Setting portalCloseSetting() {
        return new Setting(CLOSE, GROUP, "Customers close their tickets",
                "Whether customers may close their own and their company's tickets in the portal.", new Setting.Flag());
    }

    @Bean
    static Setting portalCloseStateSetting() {
        return new Setting(CLOSE_STATE, GROUP, "State of a ticket a customer closes",
                "The closed state a ticket gets when its customer closes it in the portal.", new Setting.Text(200, false));
    }

    @Bean
    static Setting portalSignUpSetting() {
        return new Setting(SIGN_UP, GROUP, "Customers sign up themselves",
                "Whether the sign-in page offers signing up (OTRS CustomerPanelCreateAccount): a customer gives a name "
                        + "and a mail address and gets an account once they open the link mailed to it.", new Setting.Flag());
    }

    @Bean
    static Setting portalSignUpCompanySetting() {
        return new Setting(SIGN_UP_COMPANY, GROUP, "Company of customers who sign up",
                "The customer id (company) new self-registered customers get; empty: their mail address, so they see "
                        + "only their own tickets. Customers never choose it: a company would show them its tickets.",
                new Setting.Text(150, true));
    }

    boolean signUpEnabled() {
        return settings.flag(SIGN_UP);
    }

    String signUpCompany() {
        return settings.text(SIGN_UP_COMPANY).strip();
    }

    /** The queue names set, in lower case; empty: every valid queue. */
    Set<String> queueNames() {
        return names(settings.text(QUEUES));
    }

    boolean typeChoice() {
        return settings.flag(TYPE_CHOICE);
    }

    boolean priorityChoice() {
        return settings.flag(PRIORITY_CHOICE);
    }

    Set<String> forbiddenExtensions() {
        return names(settings.text(FORBIDDEN_EXTENSIONS)).stream().map(e -> e.startsWith(".") ? e.substring(1) : e)
                .collect(Collectors.toSet());
    }

    boolean closeAllowed() {
        return settings.flag(CLOSE);
    }

    String closeState() {
        return settings.text(CLOSE_STATE).strip();
    }

    private static Set<String> names(String text) {
        return Arrays.stream(text.split(",")).map(String::strip).filter(s -> !s.isEmpty())
                .map(s -> s.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
    }

    static List<String> split(String text) {
        return Arrays.stream(text == null ? new String[0] : text.split("[,;]")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }
}
