package org.jotrs.mail.internal;

import static org.jotrs.platform.db.schema.Tables.NOTIFICATION_EVENT;
import static org.jotrs.platform.db.schema.Tables.NOTIFICATION_EVENT_ITEM;
import static org.jotrs.platform.db.schema.Tables.NOTIFICATION_EVENT_MESSAGE;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jooq.DSLContext;
import org.springframework.stereotype.Component;

/**
 * Reads OTRS's notification definitions: {@code notification_event} (name, validity),
 * {@code notification_event_item} (key/value rows: {@code Events}, {@code Recipients},
 * {@code QueueID}, {@code VisibleForAgent}, ...) and {@code notification_event_message} (subject
 * and text per language). Read fresh on every run, so an admin's change holds on the next event.
 */
@Component
class NotificationRules {

    private final DSLContext db;

    NotificationRules(DSLContext db) {
        this.db = db;
    }

    /** The valid notifications, by id. */
    List<Rule> valid() {
        Map<Integer, String> names = new LinkedHashMap<>();
        db.select(NOTIFICATION_EVENT.ID, NOTIFICATION_EVENT.NAME).from(NOTIFICATION_EVENT)
                .where(NOTIFICATION_EVENT.VALID_ID.eq((short) 1))
                .orderBy(NOTIFICATION_EVENT.ID)
                .forEach(r -> names.put(r.value1(), r.value2()));
        if (names.isEmpty()) {
            return List.of();
        }
        Map<Integer, Map<String, List<String>>> items = new LinkedHashMap<>();
        db.select(NOTIFICATION_EVENT_ITEM.NOTIFICATION_ID, NOTIFICATION_EVENT_ITEM.EVENT_KEY, NOTIFICATION_EVENT_ITEM.EVENT_VALUE)
                .from(NOTIFICATION_EVENT_ITEM)
                .where(NOTIFICATION_EVENT_ITEM.NOTIFICATION_ID.in(names.keySet()))
                .forEach(r -> items.computeIfAbsent(r.value1(), id -> new LinkedHashMap<>())
                        .computeIfAbsent(r.value2(), key -> new ArrayList<>()).add(r.value3()));
        Map<Integer, List<Message>> messages = new LinkedHashMap<>();
        db.select(NOTIFICATION_EVENT_MESSAGE.NOTIFICATION_ID, NOTIFICATION_EVENT_MESSAGE.LANGUAGE,
                        NOTIFICATION_EVENT_MESSAGE.SUBJECT, NOTIFICATION_EVENT_MESSAGE.TEXT, NOTIFICATION_EVENT_MESSAGE.CONTENT_TYPE)
                .from(NOTIFICATION_EVENT_MESSAGE)
                .where(NOTIFICATION_EVENT_MESSAGE.NOTIFICATION_ID.in(names.keySet()))
                .orderBy(NOTIFICATION_EVENT_MESSAGE.ID)
                .forEach(r -> messages.computeIfAbsent(r.value1(), id -> new ArrayList<>())
                        .add(new Message(r.value2(), r.value3(), r.value4(), r.value5())));
        List<Rule> rules = new ArrayList<>();
        names.forEach((id, name) -> rules.add(new Rule(id, name, items.getOrDefault(id, Map.of()),
                messages.getOrDefault(id, List.of()))));
        return rules;
    }

    /** One notification: its items as OTRS stores them (a key may repeat) and its texts. */
    record Rule(int id, String name, Map<String, List<String>> items, List<Message> messages) {

        List<String> values(String key) {
            return items.getOrDefault(key, List.of()).stream().filter(v -> v != null && !v.isBlank()).toList();
        }

        boolean flag(String key) {
            List<String> values = values(key);
            return !values.isEmpty() && values.getFirst().strip().equals("1");
        }

        /** Whether the notification goes out by mail: OTRS's {@code Transports} lists Email (or names none). */
        boolean byMail() {
            List<String> transports = values("Transports");
            return transports.isEmpty() || transports.contains("Email");
        }

        /**
         * The text for a language, as OTRS picks it: the recipient's language, else the default
         * language, else English, else the first there is.
         */
        Message messageFor(String language, String defaultLanguage) {
            for (String wanted : new String[] {language, defaultLanguage, "en"}) {
                if (wanted == null) {
                    continue;
                }
                for (Message message : messages) {
                    if (message.language().equalsIgnoreCase(wanted)) {
                        return message;
                    }
                }
            }
            return messages.isEmpty() ? null : messages.getFirst();
        }
    }

    record Message(String language, String subject, String text, String contentType) {
    }
}
