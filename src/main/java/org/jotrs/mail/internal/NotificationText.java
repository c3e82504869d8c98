package org.jotrs.mail.internal;

import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fills OTRS's placeholders in a notification's subject and body, as OTRS's TemplateGenerator does
 * for agent notifications: {@code <OTRS_TICKET_TicketNumber>}, {@code <OTRS_OWNER_UserFirstname>},
 * {@code <OTRS_CUSTOMER_BODY[30]>} (the first 30 lines, quoted with "> "),
 * {@code <OTRS_CUSTOMER_SUBJECT[24]>} (cut to 24 characters with "[...]"),
 * {@code <OTRS_CONFIG_Ticket::Hook>} and so on. A placeholder nothing answers becomes "-", as in
 * OTRS, so a template never shows a raw tag to its reader.
 */
final class NotificationText {

    /** OTRS matches tags case-insensitively; the name keeps its case for the lookup. */
    private static final Pattern TAG = Pattern.compile("<OTRS_([A-Za-z0-9_:]+?)(?:\\[(\\d{1,4})\\])?>", Pattern.CASE_INSENSITIVE);
    private static final Pattern LEFTOVER = Pattern.compile("<OTRS_[^>]{1,200}>", Pattern.CASE_INSENSITIVE);

    private NotificationText() {
    }

    /**
     * @param values the value of each tag name without {@code OTRS_} and without a {@code [n]}
     *     suffix ({@code TICKET_TicketNumber}, {@code CUSTOMER_BODY}); null when unknown
     */
    static String render(String template, Function<String, String> values) {
        if (template == null || template.isEmpty()) {
            return "";
        }
        Matcher matcher = TAG.matcher(template);
        StringBuilder out = new StringBuilder(template.length() + 64);
        while (matcher.find()) {
            String name = matcher.group(1);
            String value = values.apply(name);
            if (value == null) {
                value = values.apply(canonical(name));
            }
            String limit = matcher.group(2);
            if (value != null && limit != null) {
                value = limited(name, value, Integer.parseInt(limit));
            }
            matcher.appendReplacement(out, Matcher.quoteReplacement(value == null ? "-" : value));
        }
        matcher.appendTail(out);
        return LEFTOVER.matcher(out).replaceAll("-");
    }

    /** OTRS writes some tags in upper case ({@code CUSTOMER_Body}); look them up in one spelling. */
    private static String canonical(String name) {
        for (String prefix : PREFIXES) {
            if (name.regionMatches(true, 0, prefix, 0, prefix.length())) {
                String rest = name.substring(prefix.length());
                return switch (rest.toUpperCase(java.util.Locale.ROOT)) {
                    case "BODY", "SUBJECT", "EMAIL", "REALNAME" -> prefix + rest.toUpperCase(java.util.Locale.ROOT);
                    default -> prefix + rest;
                };
            }
        }
        return name;
    }

    private static final String[] PREFIXES = {"CUSTOMER_", "AGENT_", "TICKET_", "CONFIG_", "OWNER_", "RESPONSIBLE_",
            "CURRENT_", "NOTIFICATION_RECIPIENT_"};

    /** {@code BODY[n]}: the first n lines, each quoted; {@code SUBJECT[n]}: n characters and "[...]". */
    private static String limited(String name, String value, int limit) {
        String upper = name.toUpperCase(java.util.Locale.ROOT);
        if (upper.endsWith("BODY") || upper.endsWith("EMAIL")) {
            String[] lines = value.split("\r?\n", -1);
            StringBuilder quoted = new StringBuilder();
            for (int i = 0; i < Math.min(limit, lines.length); i++) {
                quoted.append("> ").append(lines[i]).append('\n');
            }
            return quoted.toString().stripTrailing();
        }
        return value.length() > limit ? value.substring(0, limit) + "[...]" : value;
    }

    /** Values of a person's tags ({@code UserFirstname}, {@code UserFullname}, ...) under a prefix. */
    static void putPerson(Map<String, String> values, String prefix, Person person) {
        if (person == null) {
            return;
        }
        values.put(prefix + "UserFirstname", person.firstName());
        values.put(prefix + "UserLastname", person.lastName());
        values.put(prefix + "UserFullname", person.fullName());
        values.put(prefix + "UserLogin", person.login());
        values.put(prefix + "UserEmail", person.email() == null ? "" : person.email());
        values.put(prefix + "UserTitle", person.title() == null ? "" : person.title());
        values.put(prefix + "UserID", Integer.toString(person.id()));
    }

    /** An agent as the placeholders name them. */
    record Person(int id, String login, String title, String firstName, String lastName, String email, String language) {

        String fullName() {
            return (firstName + " " + lastName).strip();
        }
    }
}
