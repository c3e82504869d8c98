package org.jotrs.observer.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import org.jotrs.observer.SiteSettings;

/**
 * The signals, as pure functions of one session's events (sorted by time). Thresholds are the
 * site's (defaults from PostHog and Sentry, see docs/observer.md); the known false positives are
 * left out: clicks into form fields and number steppers, clicks that select text (double and
 * triple clicks), "next" buttons of pagination, and selectors on the site's ignore list.
 */
final class SignalRules {

    static final String RAGE = "rage_click";
    static final String DEAD = "dead_click";
    static final String ERROR_CLICK = "error_click";
    static final String ERROR_LOOP = "error_loop";
    static final String FAILED_REQUEST = "failed_request";

    /** A scroll or selection change this soon after a click means the click did something. */
    static final long QUICK_REACTION_MS = 100;

    private static final Pattern PAGINATION = Pattern.compile(
            "(next|next page|more|load more|show more|older|newer|weiter|suivant|siguiente|[›»>→]|\\d{1,4})", Pattern.CASE_INSENSITIVE);

    private SignalRules() {
    }

    /** A signal: its kind, a key unique per occurrence, the event it is anchored to, what it is about. */
    record Found(String kind, String key, Seen anchor, String target, String label) {
    }

    /** What the forward-looking checks of a click found, and whether every window has closed. */
    record Outcome(List<Found> found, boolean decided) {
    }

    /** Signals an event completes looking back: rage clicks (at the click) and error loops (at the error). */
    static List<Found> looking(Seen event, List<Seen> session, SiteSettings site) {
        List<Found> found = new ArrayList<>();
        if (event.is("click") && !ignored(event, site)) {
            Seen first = event;
            int count = 1;
            Seen later = event;
            for (int i = session.indexOf(event) - 1; i >= 0; i--) {
                Seen earlier = session.get(i);
                if (!earlier.is("click")) {
                    continue;
                }
                if (later.t() - earlier.t() >= site.rageIntervalMs() || ignored(earlier, site)
                        || distance(earlier, event) > site.rageRadiusPx()) {
                    break;
                }
                first = earlier;
                later = earlier;
                count++;
            }
            if (count >= site.rageClicks()) {
                found.add(new Found(RAGE, "rage:" + first.uuid(), event, nonBlank(event.text("sel"), event.text("tag")),
                        label(event)));
            }
        }
        if (event.is("error")) {
            String message = Fingerprints.message(event.text("msg"));
            int same = 0;
            for (Seen other : session) {
                if (other.is("error") && other.t() <= event.t() && Fingerprints.message(other.text("msg")).equals(message)) {
                    same++;
                }
            }
            if (same >= site.errorLoopCount()) {
                found.add(new Found(ERROR_LOOP, "loop:" + event.session() + ":" + Fingerprints.hash(message).substring(0, 32),
                        event, message, errorLabel(event)));
            }
        }
        return found;
    }

    /**
     * A click's outcome: an error soon after it (error click), a failed request (failed request),
     * or, for an actionable element, nothing at all (dead click). Positive findings count at once;
     * a dead click only once its window has closed: a later event of the session arrived, or the
     * click arrived {@code grace} ms longer ago than its window (the SDK sends at least that often).
     */
    static Outcome following(Seen click, List<Seen> session, SiteSettings site, long now, long grace) {
        List<Found> found = new ArrayList<>();
        if (ignored(click, site)) {
            return new Outcome(found, true);
        }
        long deadWindow = site.deadClickMs();
        long errorWindow = site.errorClickMs();
        long window = Math.max(deadWindow, errorWindow);
        boolean reacted = false;
        boolean later = false;
        Seen error = null;
        Seen failed = null;
        for (int i = session.indexOf(click) + 1; i < session.size(); i++) {
            Seen next = session.get(i);
            long after = next.t() - click.t();
            if (after > window) {
                later = true;
                break;
            }
            switch (next.kind()) {
                case "error" -> {
                    if (after <= errorWindow && error == null) {
                        error = next;
                    }
                }
                case "request" -> {
                    long status = next.number("status", 0);
                    if (failed == null && (status == 0 || status >= 400)) {
                        failed = next;
                    }
                }
                case "mutation", "navigation" -> reacted = true;
                case "visibility" -> reacted |= "hidden".equals(next.text("state"));
                case "scroll", "selection" -> reacted |= after <= QUICK_REACTION_MS;
                case "click" -> { }
                default -> { }
            }
        }
        if (error != null) {
            found.add(new Found(ERROR_CLICK, "errclick:" + click.uuid(), click, Fingerprints.message(error.text("msg")),
                    label(click) + " → " + errorLabel(error)));
        }
        if (failed != null) {
            String request = failed.text("method") + " " + Fingerprints.route(failed.text("rurl")) + " → "
                    + (failed.number("status", 0) == 0 ? "network error" : failed.number("status", 0));
            found.add(new Found(FAILED_REQUEST, "request:" + click.uuid(), click, request, label(click)));
        }
        boolean decided = later || now - click.receivedAt() > window + grace;
        if (decided && !reacted && error == null && failed == null && click.flag("act")) {
            found.add(new Found(DEAD, "dead:" + click.uuid(), click, nonBlank(click.text("sel"), click.text("tag")), label(click)));
        }
        return new Outcome(found, decided);
    }

    /** Clicks that never count. */
    static boolean ignored(Seen click, SiteSettings site) {
        if (click.text("ign") != null || click.flag("sel_text") || click.number("detail", 1) >= 2) {
            return true;
        }
        String text = click.text("text");
        String selector = click.text("sel") == null ? "" : click.text("sel");
        if (text != null && PAGINATION.matcher(text.strip()).matches()
                || selector.toLowerCase(Locale.ROOT).contains("pag") && selector.toLowerCase(Locale.ROOT).contains("next")) {
            return true;
        }
        for (String ignoredSelector : site.ignoreSelectors().lines().map(String::strip).filter(s -> !s.isEmpty()).toList()) {
            if (selector.contains(ignoredSelector)) {
                return true;
            }
        }
        return false;
    }

    static String label(Seen click) {
        String text = click.text("text");
        return text == null || text.isBlank() ? nonBlank(click.text("sel"), "an element") : text;
    }

    static String errorLabel(Seen error) {
        String name = error.text("name");
        String message = error.text("msg") == null ? "Error" : error.text("msg");
        return (name == null || message.startsWith(name) ? "" : name + ": ") + message;
    }

    private static double distance(Seen a, Seen b) {
        return Math.hypot(a.number("x", 0) - b.number("x", 0), a.number("y", 0) - b.number("y", 0));
    }

    private static String nonBlank(String value, String otherwise) {
        return value == null || value.isBlank() ? otherwise : value;
    }
}
