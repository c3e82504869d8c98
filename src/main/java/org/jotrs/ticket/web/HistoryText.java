package org.jotrs.ticket.web;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jotrs.platform.Messages;
import org.jotrs.ticket.TicketDetails.HistoryEntry;

/**
 * An OTRS history row in words ("Priority changed from 3 normal to 4 high"), in the reader's
 * language. OTRS stores the values as {@code %%}-separated names whose order depends on the type
 * (OTRS's Kernel/Output/HTML/TicketHistory texts); a type not known here is shown as OTRS's own
 * type name with its values, so nothing from an adopted database is hidden.
 */
public final class HistoryText {

    private static final Pattern CUSTOMER = Pattern.compile("CustomerID=([^;]*);CustomerUser=([^;]*);?");

    /** Types whose text takes the values as they are, in order. */
    private static final Map<String, String> PLAIN = Map.ofEntries(
            Map.entry("AddNote", "history.add-note"),
            Map.entry("PhoneCallCustomer", "history.phone-call-customer"),
            Map.entry("PhoneCallAgent", "history.phone-call-agent"),
            Map.entry("EmailAgent", "history.email-agent"),
            Map.entry("EmailCustomer", "history.email-customer"),
            Map.entry("SendAnswer", "history.send-answer"),
            Map.entry("Forward", "history.forward"),
            Map.entry("FollowUp", "history.follow-up"),
            Map.entry("StateUpdate", "history.state-update"),
            Map.entry("SetPendingTime", "history.set-pending-time"),
            Map.entry("OwnerUpdate", "history.owner-update"),
            Map.entry("ResponsibleUpdate", "history.responsible-update"),
            Map.entry("Lock", "history.lock"),
            Map.entry("Unlock", "history.unlock"),
            Map.entry("Subscribe", "history.subscribe"),
            Map.entry("Unsubscribe", "history.unsubscribe"),
            Map.entry("TicketLinkAdd", "history.link-add"),
            Map.entry("TicketLinkDelete", "history.link-delete"),
            Map.entry("TimeAccounting", "history.time-accounting"),
            Map.entry("SendAutoReply", "history.send-auto-reply"),
            Map.entry("SendAgentNotification", "history.send-agent-notification"),
            Map.entry("SendCustomerNotification", "history.send-customer-notification"),
            Map.entry("WebRequestCustomer", "history.web-request-customer"));

    private HistoryText() {
    }

    public static String of(HistoryEntry entry) {
        List<String> v = entry.values();
        String plain = PLAIN.get(entry.type());
        if (plain != null) {
            return Messages.t(plain, v.toArray());
        }
        return switch (entry.type()) {
            // %%TN%%Queue%%Priority%%State%%TicketID
            case "NewTicket" -> v.size() >= 4 ? Messages.t("history.new-ticket", v.get(0), v.get(1), v.get(2), v.get(3))
                    : raw(entry);
            // %%Old%%OldID%%New%%NewID
            case "PriorityUpdate" -> v.size() >= 3 ? Messages.t("history.priority-update", v.get(0), v.get(2)) : raw(entry);
            // %%NewQueue%%NewID%%OldQueue%%OldID
            case "Move" -> v.size() >= 3 ? Messages.t("history.move", v.get(2), v.get(0)) : raw(entry);
            // %%New%%NewID%%Old%%OldID (an empty old type leaves three values)
            case "TypeUpdate" -> v.size() >= 4 ? Messages.t("history.type-update", v.get(2), v.get(0))
                    : v.isEmpty() ? raw(entry) : Messages.t("history.type-set", v.get(0));
            // %%Old%%New (an empty old title leaves one value)
            case "TitleUpdate" -> v.size() >= 2 ? Messages.t("history.title-update", v.get(0), v.get(1))
                    : v.isEmpty() ? raw(entry) : Messages.t("history.title-set", v.get(0));
            case "CustomerUpdate" -> customer(entry);
            // %%MergedTN%%MergedID%%MainTN%%MainID; a ticket the reader may not read is one value
            case "Merged" -> v.size() >= 4 ? Messages.t("history.merged", v.get(0), v.get(2))
                    : v.size() == 3 ? Messages.t("history.merged", v.get(0), isNumber(v.get(1)) ? v.get(2) : v.get(1))
                    : raw(entry);
            default -> raw(entry);
        };
    }

    private static String customer(HistoryEntry entry) {
        for (String value : entry.values()) {
            Matcher matcher = CUSTOMER.matcher(value);
            if (matcher.find()) {
                return Messages.t("history.customer-update", matcher.group(2), matcher.group(1));
            }
        }
        return raw(entry);
    }

    private static boolean isNumber(String value) {
        return !value.isEmpty() && value.chars().allMatch(Character::isDigit);
    }

    /** OTRS's type name and values, for types without a text of their own. */
    private static String raw(HistoryEntry entry) {
        return entry.values().isEmpty() ? entry.type() : entry.type() + ": " + String.join(" · ", entry.values());
    }
}
