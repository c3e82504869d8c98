package org.jotrs.observer.internal;

import static org.jotrs.platform.Messages.t;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.jotrs.observer.SiteSettings;
import org.jotrs.platform.InvalidInput;

/** Checks and normalises a site's settings before anything is stored. */
final class SiteRules {

    private SiteRules() {
    }

    /** The settings with origins normalised; every problem reported at once. */
    static SiteSettings validate(SiteSettings s, boolean queueExists) {
        InvalidInput.Collector errors = new InvalidInput.Collector();
        String name = errors.required("name", s.name(), org.jotrs.platform.db.schema.Tables.JOTRS_OBSERVER_SITE.NAME,
                t("validation.enter-name"));
        List<String> origins = new ArrayList<>();
        String rawOrigins = s.allowedOrigins() == null ? "" : s.allowedOrigins();
        for (String line : rawOrigins.lines().map(String::strip).filter(l -> !l.isEmpty()).toList()) {
            String origin = origin(line);
            if (origin == null) {
                errors.add("allowedOrigins", t("validation.observer.not-an-origin", line));
            } else if (!origins.contains(origin)) {
                origins.add(origin);
            }
        }
        if (origins.isEmpty()) {
            errors.add("allowedOrigins", t("validation.observer.no-origin"));
        }
        String joinedOrigins = String.join("\n", origins);
        if (joinedOrigins.length() > 2000) {
            errors.add("allowedOrigins", t("validation.at-most-characters", "2000"));
        }
        if (s.queueId() == null || !queueExists) {
            errors.add("queueId", t("validation.observer.choose-queue"));
        }
        range(errors, "ticketThreshold", s.ticketThreshold(), 0, 1_000_000);
        range(errors, "noteIntervalSeconds", s.noteIntervalSeconds(), 0, 30 * 86_400);
        range(errors, "rageClicks", s.rageClicks(), 2, 50);
        range(errors, "rageIntervalMs", s.rageIntervalMs(), 100, 10_000);
        range(errors, "rageRadiusPx", s.rageRadiusPx(), 1, 1_000);
        range(errors, "deadClickMs", s.deadClickMs(), 100, 10_000);
        range(errors, "errorClickMs", s.errorClickMs(), 100, 10_000);
        range(errors, "errorLoopCount", s.errorLoopCount(), 2, 1_000);
        range(errors, "retentionDays", s.retentionDays(), 1, 3_650);
        String selectors = s.ignoreSelectors() == null ? ""
                : String.join("\n", s.ignoreSelectors().lines().map(String::strip).filter(l -> !l.isEmpty()).toList());
        if (selectors.length() > 2000) {
            errors.add("ignoreSelectors", t("validation.at-most-characters", "2000"));
        }
        errors.throwIfAny();
        return new SiteSettings(name, joinedOrigins, s.queueId(), s.ticketThreshold(), s.noteIntervalSeconds(),
                s.rageClicks(), s.rageIntervalMs(), s.rageRadiusPx(), s.deadClickMs(), s.errorClickMs(),
                s.errorLoopCount(), selectors, s.retentionDays());
    }

    /** {@code scheme://host[:port]} in lower case, as browsers send it in the Origin header; null if it is not one. */
    static String origin(String text) {
        try {
            URI uri = new URI(text.strip());
            String scheme = uri.getScheme() == null ? null : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!"http".equals(scheme) && !"https".equals(scheme) || uri.getHost() == null || uri.getUserInfo() != null
                    || uri.getQuery() != null || uri.getFragment() != null
                    || uri.getPath() != null && !uri.getPath().isEmpty() && !uri.getPath().equals("/")) {
                return null;
            }
            int port = uri.getPort();
            boolean defaultPort = port == -1 || "http".equals(scheme) && port == 80 || "https".equals(scheme) && port == 443;
            return scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port);
        } catch (java.net.URISyntaxException e) {
            return null;
        }
    }

    private static void range(InvalidInput.Collector errors, String field, Integer value, int min, int max) {
        if (value == null || value < min || value > max) {
            errors.add(field, t("validation.enter-whole-number", String.valueOf(min), String.valueOf(max)));
        }
    }
}
