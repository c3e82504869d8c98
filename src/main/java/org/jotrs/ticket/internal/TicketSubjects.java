package org.jotrs.ticket.internal;

import java.util.regex.Pattern;

import org.springframework.stereotype.Component;

/**
 * OTRS's TicketSubjectBuild and TicketSubjectClean with Ticket::SubjectFormat "Left" (the
 * default): "[Ticket#123] Title" for new tickets, "RE: [Ticket#123] Title" for replies and
 * "Fwd: [Ticket#123] Title" for forwards, after removing earlier numbers and reply prefixes so
 * they never pile up. The number in the subject is what lets the answer find its ticket.
 */
@Component
class TicketSubjects {

    private static final Pattern PREFIXES = Pattern.compile("^\\s*((re|aw|fwd|fw|wg|sv|vs|antw)(\\[\\d+\\])?\\s*:\\s*)+",
            Pattern.CASE_INSENSITIVE);

    enum Kind {
        NEW, REPLY, FORWARD
    }

    private final String hook;
    private final TicketRuntimeSettings settings;

    TicketSubjects(TicketNumberProperties properties, TicketRuntimeSettings settings) {
        this.hook = properties.hook() + properties.hookDivider();
        this.settings = settings;
    }

    String build(String number, String subject, Kind kind) {
        String clean = clean(number, subject);
        String tagged = "[" + hook + number + "] " + clean;
        return switch (kind) {
            case NEW -> tagged.strip();
            case REPLY -> prefixed(settings.subjectRe(), tagged);
            case FORWARD -> prefixed(settings.subjectFwd(), tagged);
        };
    }

    /** OTRS leaves the prefix out when Ticket::SubjectRe (or Fwd) is empty. */
    private static String prefixed(String prefix, String tagged) {
        return (prefix.isEmpty() ? tagged : prefix + ": " + tagged).strip();
    }

    /** Whether the subject already carries this ticket's number the way OTRS finds it. */
    boolean carriesNumber(String number, String subject) {
        return subject != null && subject.contains(hook + number);
    }

    String clean(String number, String subject) {
        String text = subject == null ? "" : subject;
        text = text.replace("[" + hook + number + "]", " ").replace(hook + number, " ");
        String before;
        do {
            before = text;
            text = PREFIXES.matcher(text).replaceFirst("");
        } while (!text.equals(before));
        return text.replaceAll("\\s+", " ").strip();
    }
}
