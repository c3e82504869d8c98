package org.jotrs.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Every text a template shows comes from the bundles: literal words outside a short allow-list
 * fail (between tags, in title/aria-label/placeholder/alt attributes, and string literals in
 * template code that read like prose), and every key a template names exists in English.
 */
class TemplateTextsTest {

    private static final Path TEMPLATES = Path.of("src/main/jte");

    /**
     * The product name and symbols are the same in every language, and so are the letters of the
     * keyboard shortcuts (the keys pressed, whatever the page's language).
     */
    private static final Set<String> ALLOWED = Set.of("Jotrs", "· Jotrs", "Ticket#", "j", "k", "r", "n", "c");

    /** Keys built from a kind in the template ({@code "admin.kind." + what + ".new"}): each kind, each suffix. */
    private static final List<String> KINDS = List.of("agent", "group", "role", "company", "customer-user",
            "system-address", "queue", "salutation", "signature", "template", "state", "priority", "type");

    private static final Pattern KEY = Pattern.compile("^[a-z]+(\\.[a-z0-9-]+)+$");
    private static final Pattern ATTRIBUTE = Pattern.compile("\\b(title|aria-label|placeholder|alt)=\"([^\"]*)\"");

    @Test
    void templatesShowNoLiteralText() throws IOException {
        List<String> problems = new ArrayList<>();
        for (Path template : templates()) {
            List<String> literals = new ArrayList<>();
            String markup = withoutCode(Files.readString(template), literals);
            markup = markup.replaceAll("(?s)<!--.*?-->", "").replaceAll("(?s)<script\\b[^>]*>.*?</script>", "");
            Matcher attributes = ATTRIBUTE.matcher(markup);
            while (attributes.find()) {
                if (hasWords(attributes.group(2))) {
                    problems.add(template + ": attribute " + attributes.group(0));
                }
            }
            String text = markup.replaceAll("<[^>]*>", " ").replaceAll("&\\w+;", " ");
            for (String piece : text.split("\\s{2,}|\\n")) {
                if (hasWords(piece)) {
                    problems.add(template + ": text \"" + piece.strip() + "\"");
                }
            }
            for (String literal : literals) {
                if (readsLikeProse(literal)) {
                    problems.add(template + ": literal \"" + literal + "\"");
                }
            }
        }
        assertThat(problems).as("texts to move into i18n/messages.properties").isEmpty();
    }

    @Test
    void everyKeyATemplateNamesExists() throws IOException {
        Map<String, String> english = MessageBundlesTest.bundle("en");
        List<String> missing = new ArrayList<>();
        for (Path template : templates()) {
            List<String> literals = new ArrayList<>();
            withoutCode(Files.readString(template), literals);
            for (String literal : literals) {
                if (KEY.matcher(literal).matches() && literal.contains(".") && !english.containsKey(literal)
                        && !literal.endsWith(".") && !isPrefix(literal, english)) {
                    missing.add(template + ": " + literal);
                }
            }
        }
        for (String kind : KINDS) {
            for (String suffix : List.of("new", "one", "many", "create", "none")) {
                if (!english.containsKey("admin.kind." + kind + "." + suffix)) {
                    missing.add("admin.kind." + kind + "." + suffix);
                }
            }
        }
        for (String validity : List.of("valid", "invalid", "invalid-temporarily")) {
            if (!english.containsKey("validity." + validity)) {
                missing.add("validity." + validity);
            }
        }
        assertThat(missing).isEmpty();
    }

    /** A literal like {@code "ticket.column."} that a template completes with a value. */
    private static boolean isPrefix(String literal, Map<String, String> english) {
        return english.keySet().stream().anyMatch(key -> key.startsWith(literal + "."));
    }

    private static List<Path> templates() throws IOException {
        try (Stream<Path> files = Files.walk(TEMPLATES)) {
            return files.filter(p -> p.toString().endsWith(".jte")).sorted().toList();
        }
    }

    private static boolean hasWords(String text) {
        String stripped = text.strip();
        return stripped.chars().anyMatch(Character::isLetter) && !ALLOWED.contains(stripped);
    }

    /** Capitalised words or lower-case words with spaces, but not CSS class lists, keys, or paths. */
    private static boolean readsLikeProse(String literal) {
        if (!hasWords(literal) || KEY.matcher(literal).matches()) {
            return false;
        }
        return literal.matches("[A-Z][a-z].*")
                || (literal.matches(".*[a-z]\\s+[a-z(].*") && !literal.matches("[a-z0-9-]+( [a-z0-9-]+)*"));
    }

    /**
     * The template with its code taken out: {@code ${...}}, {@code !{...}}, directives and their
     * conditions, imports and params. String literals found in the code are collected; content
     * blocks passed to other templates ({@code @`...`}) are kept as markup.
     */
    static String withoutCode(String source, List<String> literals) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        int n = source.length();
        Pattern opener = Pattern.compile("\\$unsafe\\{|\\$\\{|!\\{|@(?:if|elseif|for|template[\\w.]*)\\(");
        Pattern simple = Pattern.compile("@(?:else|endif|endfor|import[^\\n]*|param[^\\n]*)");
        while (i < n) {
            Matcher open = opener.matcher(source).region(i, n);
            Matcher plain = simple.matcher(source).region(i, n);
            if (open.lookingAt()) {
                char start = source.charAt(open.end() - 1);
                char end = start == '{' ? '}' : ')';
                int j = open.end();
                int depth = 1;
                while (j < n && depth > 0) {
                    char c = source.charAt(j);
                    if (c == '"') {
                        int k = j + 1;
                        while (source.charAt(k) != '"') {
                            if (source.charAt(k) == '\\') {
                                k++;
                            }
                            k++;
                        }
                        literals.add(source.substring(j + 1, k));
                        j = k + 1;
                        continue;
                    }
                    if (c == '@' && source.startsWith("@`", j)) {
                        int close = closingBacktick(source, j + 2);
                        out.append(withoutCode(source.substring(j + 2, close), literals));
                        j = close + 1;
                        continue;
                    }
                    if (c == start) {
                        depth++;
                    } else if (c == end) {
                        depth--;
                    }
                    j++;
                }
                out.append(' ');
                i = j;
            } else if (plain.lookingAt()) {
                out.append(' ');
                i = plain.end();
            } else {
                out.append(source.charAt(i));
                i++;
            }
        }
        return out.toString();
    }

    private static int closingBacktick(String source, int from) {
        int depth = 1;
        int k = from;
        while (true) {
            int next = source.indexOf('`', k);
            if (next > 0 && source.charAt(next - 1) == '@') {
                depth++;
            } else {
                depth--;
                if (depth == 0) {
                    return next;
                }
            }
            k = next + 1;
        }
    }
}
