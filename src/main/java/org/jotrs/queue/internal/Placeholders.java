package org.jotrs.queue.internal;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jotrs.queue.PlaceholderValues;

/**
 * Fills OTRS placeholders the way Kernel::System::TemplateGenerator does for plain text: each
 * known tag is replaced wherever it appears, ignoring case. Unknown tags stay as they are
 * (OTRS would blank some of them; leaving them visible lets the agent notice before sending).
 */
final class Placeholders {

    private static final Pattern TAG = Pattern.compile("<(OTRS_[A-Za-z0-9_]+)>", Pattern.CASE_INSENSITIVE);

    private Placeholders() {
    }

    static String fill(String text, PlaceholderValues values) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        Map<String, String> known = new LinkedHashMap<>();
        known.put("OTRS_CUSTOMER_REALNAME", values.customerRealName());
        known.put("OTRS_TICKET_TICKETNUMBER", values.ticketNumber());
        known.put("OTRS_TICKET_TITLE", values.ticketTitle());
        known.put("OTRS_CURRENT_USERFIRSTNAME", values.currentUserFirstname());
        known.put("OTRS_CURRENT_USERLASTNAME", values.currentUserLastname());
        // OTRS still fills the pre-3.0 <OTRS_Agent_*> tags with the current agent; the shipped signature uses them
        known.put("OTRS_AGENT_USERFIRSTNAME", values.currentUserFirstname());
        known.put("OTRS_AGENT_USERLASTNAME", values.currentUserLastname());
        known.put("OTRS_CUSTOMER_USERFIRSTNAME", values.customerUserFirstname());
        known.put("OTRS_CUSTOMER_USERLASTNAME", values.customerUserLastname());
        known.put("OTRS_CUSTOMER_USEREMAIL", values.customerUserEmail());
        Matcher matcher = TAG.matcher(text);
        StringBuilder out = new StringBuilder(text.length());
        while (matcher.find()) {
            String key = matcher.group(1).toUpperCase(Locale.ROOT);
            String replacement = known.containsKey(key) ? nullToEmpty(known.get(key)) : matcher.group();
            matcher.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
