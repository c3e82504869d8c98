package org.jotrs.article;

import java.util.ArrayList;
import java.util.List;

/**
 * A piece of a plain-text article body as the zoom shows it: the writer's own text, a quoted
 * earlier message (lines starting with {@code >}), or the signature (everything after the
 * RFC 3676 separator line {@code "-- "}). The zoom collapses quotes and signatures, so a thread
 * of replies reads as what each message added.
 */
public record BodyPart(Kind kind, String text) {

    public enum Kind { TEXT, QUOTED, SIGNATURE }

    /** The number of lines, for "quoted text (12 lines)". */
    public int lines() {
        return (int) text.lines().count();
    }

    /**
     * The body split into parts, in order; consecutive lines of one kind form one part, and blank
     * lines between two quoted blocks stay in the quote. The writer's own text is trimmed of blank
     * lines around it, and left out where it is only blank lines.
     */
    public static List<BodyPart> split(String body) {
        List<BodyPart> parts = new ArrayList<>();
        if (body == null || body.isBlank()) {
            return parts;
        }
        String[] lines = body.split("\r?\n", -1);
        Kind current = null;
        List<String> collected = new ArrayList<>();
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            Kind kind;
            if (current == Kind.SIGNATURE || line.equals("-- ") || line.equals("--")) {
                kind = Kind.SIGNATURE;
            } else if (line.startsWith(">")) {
                kind = Kind.QUOTED;
            } else if (current == Kind.QUOTED && line.isBlank() && nextNonBlankIsQuoted(lines, i + 1)) {
                kind = Kind.QUOTED;
            } else {
                kind = Kind.TEXT;
            }
            if (kind != current && current != null) {
                add(parts, current, collected);
                collected.clear();
            }
            collected.add(line);
            current = kind;
        }
        add(parts, current, collected);
        return parts;
    }

    private static void add(List<BodyPart> parts, Kind kind, List<String> lines) {
        String text = String.join("\n", lines);
        if (kind == Kind.TEXT) {
            text = text.replaceFirst("^(?:[ \\t]*\n)+", "").stripTrailing();
            if (text.isBlank()) {
                return;
            }
        }
        parts.add(new BodyPart(kind, text));
    }

    private static boolean nextNonBlankIsQuoted(String[] lines, int from) {
        for (int i = from; i < lines.length; i++) {
            if (!lines[i].isBlank()) {
                return lines[i].startsWith(">");
            }
        }
        return false;
    }
}
