package org.jotrs.article.internal;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.commons.codec.digest.DigestUtils;

/**
 * Attachment file names made safe the way Znuny's {@code Main::FilenameCleanUp} (type Name) makes
 * them, so a name is the same whether OTRS or Jotrs stored it: line breaks removed, leading and
 * trailing white space and dots stripped, every character other than word characters (any script),
 * space, {@code - + . # _} replaced by {@code _} (so no path separators), names over 220 bytes
 * shortened, and a changed name suffixed with the MD5 of the original so two different names
 * never clean up to the same one.
 */
final class OtrsFilenames {

    private static final Pattern NOT_ALLOWED = Pattern.compile("[^ \\w\\-+.#_]", Pattern.UNICODE_CHARACTER_CLASS);
    private static final Pattern ENCLOSED_ALPHANUMERICS = Pattern.compile("[\\x{2460}-\\x{24FF}]");
    private static final Pattern EDGES = Pattern.compile("^[\\s.]+|[\\s.]+$", Pattern.UNICODE_CHARACTER_CLASS);
    private static final Pattern LAST_EXTENSION = Pattern.compile("^(.*)\\.(.+?)$", Pattern.DOTALL);
    private static final int MAX_BYTES = 220;
    private static final int SHORTENED_BYTES = 187;

    private OtrsFilenames() {
    }

    /** Whether nothing usable is left of the name (empty, or only dots and white space). */
    static boolean unusable(String filename) {
        return filename == null || EDGES.matcher(filename.replaceAll("[\\r\\n]", "")).replaceAll("").isEmpty();
    }

    static String cleanUp(String original) {
        String name = original.replaceAll("[\\r\\n]", "");
        name = EDGES.matcher(name).replaceAll("");
        name = NOT_ALLOWED.matcher(name).replaceAll("_");
        name = ENCLOSED_ALPHANUMERICS.matcher(name).replaceAll("_");
        if (bytes(name) > MAX_BYTES) {
            String base = name;
            String extension = "";
            Matcher matcher = greedyExtension(name);
            if (matcher != null) {
                base = matcher.group(1);
                extension = "." + matcher.group(2);
            }
            while (bytes(base + extension) > SHORTENED_BYTES) {
                if (base.codePointCount(0, base.length()) > 10) {
                    base = chop(base);
                } else {
                    extension = chop(extension);
                }
            }
            name = base + extension;
        }
        if (!name.equals(original)) {
            String base = name;
            String extension = "";
            Matcher matcher = greedyExtension(name);
            if (matcher != null) {
                base = matcher.group(1);
                extension = "." + matcher.group(2);
            }
            if (!base.endsWith("_")) {
                base += "_";
            }
            name = base + DigestUtils.md5Hex(original.getBytes(StandardCharsets.UTF_8)) + extension;
        }
        return name;
    }

    /**
     * The name an attachment gets when the article already has one of that name: OTRS appends
     * {@code -1}, {@code -2}, ... before the extension (compared in Unicode NFC, as OTRS does).
     */
    static String unique(String filename, Set<String> usedNfc) {
        String candidate = filename;
        for (int i = 1; i <= 50 && usedNfc.contains(nfc(candidate)); i++) {
            Matcher matcher = LAST_EXTENSION.matcher(filename);
            candidate = matcher.matches() ? matcher.group(1) + "-" + i + "." + matcher.group(2) : filename + "-" + i;
        }
        return candidate;
    }

    static String nfc(String name) {
        return Normalizer.normalize(name, Normalizer.Form.NFC);
    }

    /** Perl's {@code /(.*)\.+([^.]+)$/}: the greedy base, so "a.b.c" splits into "a.b" and "c". */
    private static Matcher greedyExtension(String name) {
        Matcher matcher = Pattern.compile("(.*)\\.+([^.]+)$", Pattern.DOTALL).matcher(name);
        return matcher.matches() ? matcher : null;
    }

    private static String chop(String text) {
        if (text.isEmpty()) {
            return text;
        }
        return text.substring(0, text.offsetByCodePoints(text.length(), -1));
    }

    private static int bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }
}
