package org.jotrs.observer.internal;

import static org.jotrs.platform.db.schema.Tables.JOTRS_OBSERVER_EVENT;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.jooq.DSLContext;
import org.jotrs.platform.db.schema.tables.records.JotrsObserverEventRecord;
import org.jotrs.platform.db.schema.tables.records.JotrsObserverIncidentRecord;
import org.springframework.stereotype.Component;

/**
 * Tells what happened in an incident's sample session as sentences a person reads ("clicked
 * <em>Pay now</em> 5 times in 1.2 s; nothing changed on the page; then TypeError in checkout.js:
 * x is undefined"). The text is plain: pages escape it, tickets store it as plain text.
 */
@Component
class IncidentStories {

    /** How much of the session around the sample signal is told. */
    static final long BEFORE_MS = 15_000;
    static final long AFTER_MS = 10_000;

    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    /** One line of the story: seconds from the start, and what happened. */
    record Step(double seconds, String text) {
    }

    private final DSLContext db;

    IncidentStories(DSLContext db) {
        this.db = db;
    }

    String title(JotrsObserverIncidentRecord incident) {
        return kindTitle(incident.getKind()) + ": " + incident.getLabel() + " on " + incident.getRoute();
    }

    static String kindTitle(String kind) {
        return switch (kind) {
            case SignalRules.RAGE -> "Rage clicks";
            case SignalRules.DEAD -> "Dead click";
            case SignalRules.ERROR_CLICK -> "Click raises an error";
            case SignalRules.ERROR_LOOP -> "Error loop";
            case SignalRules.FAILED_REQUEST -> "Request fails after a click";
            default -> kind;
        };
    }

    String article(JotrsObserverIncidentRecord incident) {
        StringBuilder text = new StringBuilder();
        text.append(kindTitle(incident.getKind())).append(" on ").append(incident.getRoute()).append('\n');
        text.append("Target: ").append(incident.getTarget()).append('\n');
        text.append(summary(incident)).append("\n\n");
        text.append("What the user did (session ").append(incident.getSampleSession()).append("):\n");
        for (Step step : story(incident)) {
            text.append(String.format(Locale.ROOT, "  +%.1f s  %s%n", step.seconds(), step.text()));
        }
        text.append("\nThe incident in Jotrs: /observer/incidents/").append(incident.getId()).append('\n');
        return text.toString();
    }

    String noteSubject(JotrsObserverIncidentRecord incident, boolean regression) {
        return regression ? "Regression: it happens again" : "It happened again";
    }

    String note(JotrsObserverIncidentRecord incident, int more, boolean regression) {
        return (regression ? "This incident was resolved and came back"
                + (incident.getLastRelease() == null ? "" : " in release " + incident.getLastRelease()) + ".\n" : "")
                + more + " more occurrence" + (more == 1 ? "" : "s") + " since the last note.\n" + summary(incident) + "\n";
    }

    String summary(JotrsObserverIncidentRecord incident) {
        return incident.getOccurrences() + " occurrence" + (incident.getOccurrences() == 1 ? "" : "s") + " in "
                + incident.getSessions() + " session" + (incident.getSessions() == 1 ? "" : "s") + " ("
                + incident.getUsers() + " identified user" + (incident.getUsers() == 1 ? "" : "s") + "), first "
                + UTC.format(Instant.ofEpochMilli(incident.getFirstSeen())) + ", last "
                + UTC.format(Instant.ofEpochMilli(incident.getLastSeen())) + "; browsers: " + incident.getBrowsers() + ".";
    }

    /** The sample session around the sample signal, told step by step. */
    List<Step> story(JotrsObserverIncidentRecord incident) {
        var e = JOTRS_OBSERVER_EVENT;
        JotrsObserverEventRecord sample = db.selectFrom(e).where(e.ID.eq(incident.getSampleEventId())).fetchOne();
        if (sample == null) {
            return List.of(new Step(0, "The sample session's events are no longer kept (retention)."));
        }
        List<Seen> events = db.selectFrom(e).where(e.SITE_ID.eq(sample.getSiteId()))
                .and(e.SESSION_ID.eq(sample.getSessionId()))
                .and(e.OCCURRED_AT.between(sample.getOccurredAt() - BEFORE_MS, sample.getOccurredAt() + AFTER_MS))
                .orderBy(e.OCCURRED_AT, e.ID).limit(200)
                .fetch(SignalEngine::seen);
        return tell(events);
    }

    /** Consecutive clicks on one target become one step; a click with no reaction says so. */
    static List<Step> tell(List<Seen> events) {
        List<Step> steps = new ArrayList<>();
        if (events.isEmpty()) {
            return steps;
        }
        long start = events.getFirst().t();
        for (int i = 0; i < events.size(); i++) {
            Seen event = events.get(i);
            double at = (event.t() - start) / 1000.0;
            switch (event.kind()) {
                case "click" -> {
                    int j = i;
                    while (j + 1 < events.size() && events.get(j + 1).is("click")
                            && java.util.Objects.equals(events.get(j + 1).text("sel"), event.text("sel"))
                            && events.get(j + 1).t() - events.get(j).t() < 2000) {
                        j++;
                    }
                    int times = j - i + 1;
                    String what = "clicked “" + SignalRules.label(event) + "”" + (times > 1
                            ? String.format(Locale.ROOT, " %d times in %.1f s", times, (events.get(j).t() - event.t()) / 1000.0) : "");
                    long until = events.get(j).t() + 2500;
                    boolean changed = false;
                    for (int k = j + 1; k < events.size() && events.get(k).t() <= until; k++) {
                        changed |= events.get(k).is("mutation") || events.get(k).is("navigation");
                    }
                    steps.add(new Step(at, what + (changed ? "" : "; nothing changed on the page")));
                    i = j;
                }
                case "error" -> steps.add(new Step(at, "then " + SignalRules.errorLabel(event)
                        + (event.text("src") == null || event.text("src").isBlank() ? "" : " in " + file(event.text("src")))
                        + (event.flag("unhandled") ? " (unhandled promise rejection)" : "")));
                case "request" -> steps.add(new Step(at, event.text("method") + " " + event.text("rurl") + " failed"
                        + (event.number("status", 0) == 0 ? " (network error)" : " with " + event.number("status", 0))));
                case "navigation" -> steps.add(new Step(at, ("load".equals(event.text("how")) ? "opened " : "went to ")
                        + Fingerprints.route(event.url())));
                case "visibility" -> {
                    if ("hidden".equals(event.text("state"))) {
                        steps.add(new Step(at, "left the page (tab hidden)"));
                    }
                }
                default -> { }
            }
        }
        return steps;
    }

    private static String file(String url) {
        int slash = url.lastIndexOf('/');
        return slash >= 0 && slash < url.length() - 1 ? url.substring(slash + 1) : url;
    }
}
