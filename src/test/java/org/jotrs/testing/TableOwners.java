package org.jotrs.testing;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which module owns (may write) each table. Reads across modules are allowed; an INSERT, UPDATE,
 * DELETE or MERGE from any other module fails the test that caused it ({@link TableWriteGuard}).
 * A new table is registered here with the module that writes it.
 */
public final class TableOwners {

    private static final Map<String, String> OWNER = new HashMap<>();
    /** Table name prefixes a module owns as a whole (its own jotrs_<module>_ tables). */
    private static final Map<String, String> PREFIX_OWNER = new HashMap<>();

    static {
        own("platform", "jotrs_change_feed", "jotrs_audit_log", "jotrs_system_state", "jotrs_scheduled_tasks",
                "jotrs_setting", "jotrs_rate_limit", "valid", "system_data");
        own("access", "users", "user_preferences", "groups", "permission_groups", "roles", "group_user", "role_user",
                "group_role", "jotrs_session", "sessions", "personal_queues", "personal_services");
        own("customer", "customer_user", "customer_company", "customer_preferences", "customer_user_customer",
                "group_customer_user", "group_customer");
        own("queue", "queue", "queue_preferences", "system_address", "salutation", "signature", "standard_template",
                "queue_standard_template", "standard_attachment", "standard_template_attachment", "follow_up_possible");
        own("ticket", "ticket", "ticket_history", "ticket_history_type", "ticket_number_counter", "ticket_flag",
                "ticket_watcher", "ticket_index", "ticket_lock_index", "ticket_lock_type", "ticket_priority",
                "ticket_state", "ticket_state_type", "ticket_type", "ticket_loop_protection", "time_accounting",
                "link_object", "link_relation", "link_state", "link_type", "jotrs_ticket_escalation_event");
        own("article", "article", "article_data_mime", "article_data_mime_attachment", "article_data_mime_plain",
                "article_data_mime_send_error", "article_flag", "article_search_index", "article_sender_type",
                "communication_channel");
        own("mail", "mail_queue", "notification_event", "notification_event_item", "notification_event_message");
        ownPrefix("mail", "jotrs_mail_");
        own("postmaster", "mail_account", "postmaster_filter", "auto_response", "queue_auto_response",
                "jotrs_mail_account_setting", "jotrs_mail_received", "jotrs_mail_quarantine");
        own("live", "jotrs_live_viewer");
        own("api", "jotrs_api_token");
        ownPrefix("portal", "jotrs_portal_");
        ownPrefix("observer", "jotrs_observer_");
        ownPrefix("search", "jotrs_search_");
        own("search", "jotrs_saved_search");
        own("genericinterface", "jotrs_gi_session");
        ownPrefix("webhook", "jotrs_webhook");
    }

    private TableOwners() {
    }

    private static void own(String module, String... tables) {
        for (String table : List.of(tables)) {
            if (OWNER.put(table, module) != null) {
                throw new IllegalStateException(table + " has two owners");
            }
        }
    }

    private static void ownPrefix(String module, String prefix) {
        PREFIX_OWNER.put(prefix, module);
    }

    /** The module that owns a table, by its name in any case; empty if nobody registered it. */
    public static Optional<String> ownerOf(String table) {
        String name = table.toLowerCase(java.util.Locale.ROOT);
        String owner = OWNER.get(name);
        if (owner == null) {
            owner = PREFIX_OWNER.entrySet().stream().filter(e -> name.startsWith(e.getKey())).map(Map.Entry::getValue)
                    .findFirst().orElse(null);
        }
        return Optional.ofNullable(owner);
    }
}
