package org.jotrs.mail.web;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.jotrs.mail.NotificationAdministration.Settings;
import org.jotrs.mail.NotificationAdministration.Text;

/** The notification form as posted; the texts come as three parallel lists, one entry per language row. */
public record NotificationForm(String name, String comment, Integer validId, List<String> events, List<String> recipients,
        List<Integer> agentIds, List<Integer> groupIds, List<Integer> roleIds, List<Integer> queueIds, List<Integer> stateIds, List<Integer> priorityIds, List<Integer> typeIds,
        List<Integer> lockIds, Boolean visibleForAgent, Boolean enabledByDefault, List<String> textLanguage,
        List<String> textSubject, List<String> textBody) {

    static NotificationForm empty() {
        return new NotificationForm("", "", 1, List.of(), List.of("AgentOwner"), List.of(), List.of(), List.of(), List.of(),
                List.of(), List.of(), List.of(), List.of(), true, true, List.of("en"), List.of("<OTRS_TICKET_Title>"),
                List.of("Hi <OTRS_NOTIFICATION_RECIPIENT_UserFirstname>,\n\n"
                        + "<OTRS_CONFIG_HttpType>://<OTRS_CONFIG_FQDN>/<OTRS_CONFIG_ScriptAlias>index.pl?Action=AgentTicketZoom;TicketID=<OTRS_TICKET_TicketID>\n"));
    }

    static NotificationForm of(Settings s) {
        return new NotificationForm(s.name(), s.comment(), s.validId(), List.copyOf(s.events()), List.copyOf(s.recipients()),
                List.copyOf(s.agentIds()), List.copyOf(s.groupIds()), List.copyOf(s.roleIds()), List.copyOf(s.queueIds()), List.copyOf(s.stateIds()), List.copyOf(s.priorityIds()), List.copyOf(s.typeIds()),
                List.copyOf(s.lockIds()), s.visibleForAgent(), s.enabledByDefault(),
                s.texts().stream().map(Text::language).toList(), s.texts().stream().map(Text::subject).toList(),
                s.texts().stream().map(Text::body).toList());
    }

    Settings settings() {
        List<Text> texts = new ArrayList<>();
        int rows = Math.max(size(textLanguage), Math.max(size(textSubject), size(textBody)));
        for (int i = 0; i < rows; i++) {
            texts.add(new Text(at(textLanguage, i), at(textSubject, i), at(textBody, i)));
        }
        return new Settings(name, comment, validId == null ? 0 : validId, set(events), set(recipients), set(agentIds),
                set(groupIds), set(roleIds), set(queueIds),
                set(stateIds), set(priorityIds), set(typeIds), set(lockIds), Boolean.TRUE.equals(visibleForAgent),
                Boolean.TRUE.equals(enabledByDefault), texts);
    }

    /** The rows the form shows: the texts, then one empty row to add a language. */
    public int textRows() {
        return size(textLanguage) + 1;
    }

    public String language(int row) {
        return at(textLanguage, row);
    }

    public String subject(int row) {
        return at(textSubject, row);
    }

    public String body(int row) {
        return at(textBody, row);
    }

    public boolean has(List<?> values, Object value) {
        return values != null && values.contains(value);
    }

    private static int size(List<?> values) {
        return values == null ? 0 : values.size();
    }

    private static String at(List<String> values, int i) {
        return values != null && i < values.size() && values.get(i) != null ? values.get(i) : "";
    }

    private static <T> Set<T> set(List<T> values) {
        Set<T> set = new LinkedHashSet<>();
        if (values != null) {
            values.stream().filter(v -> v != null).forEach(set::add);
        }
        return set;
    }
}
