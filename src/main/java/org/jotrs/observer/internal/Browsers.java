package org.jotrs.observer.internal;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A short browser name and major version from a User-Agent header, for the incident screens. */
final class Browsers {

    private static final Pattern[] PATTERNS = {
            Pattern.compile("(Edg)/(\\d+)"), Pattern.compile("(OPR)/(\\d+)"), Pattern.compile("(Firefox)/(\\d+)"),
            Pattern.compile("(HeadlessChrome)/(\\d+)"), Pattern.compile("(Chrome)/(\\d+)"),
            Pattern.compile("Version/(\\d+)[.\\d]* (?:Mobile/\\S+ )?(Safari)/")};

    private Browsers() {
    }

    static String of(String userAgent) {
        if (userAgent == null || userAgent.isBlank()) {
            return "unknown";
        }
        for (Pattern pattern : PATTERNS) {
            Matcher m = pattern.matcher(userAgent);
            if (m.find()) {
                if (pattern == PATTERNS[5]) {
                    return "Safari " + m.group(1);
                }
                String name = switch (m.group(1)) {
                    case "Edg" -> "Edge";
                    case "OPR" -> "Opera";
                    default -> m.group(1);
                };
                return name + " " + m.group(2);
            }
        }
        return "other";
    }
}
