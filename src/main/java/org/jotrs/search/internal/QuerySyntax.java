package org.jotrs.search.internal;

import static org.jotrs.platform.Messages.t;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.jotrs.search.InvalidSearch;

/**
 * The quick-search language: words (all must match), {@code "phrases"}, {@code -exclusion},
 * {@code a OR b}, {@code field:value} and {@code field:"a phrase"}, and a trailing {@code *} for a
 * prefix. Parsing never fails on odd characters (they are searched as text); it refuses only what
 * cannot run cheaply: over-long queries, too many terms, wildcards without a prefix.
 */
final class QuerySyntax {

    static final int MAX_LENGTH = 500;
    static final int MAX_TERMS = 24;
    static final int MIN_PREFIX = 2;

    /** The fields a {@code field:value} term may name; other {@code x:y} words are searched as text. */
    static final Set<String> FIELDS = Set.of("queue", "state", "owner", "responsible", "customer", "from", "to",
            "cc", "subject", "title", "tn", "priority", "type");

    sealed interface Term permits Word, Phrase, FieldValue, AnyOf {
    }

    /** A word; {@code prefix} when it ended in {@code *} (or is being typed). */
    record Word(String text, boolean prefix, boolean negated) implements Term {
    }

    record Phrase(String text, boolean negated) implements Term {
    }

    record FieldValue(String field, String value, boolean phrase, boolean prefix, boolean negated) implements Term {
    }

    /** Terms joined by OR: one of them must match. */
    record AnyOf(List<Term> terms) implements Term {
    }

    private QuerySyntax() {
    }

    /**
     * @param asYouType the last word is still being typed: it also matches as a prefix
     */
    static List<Term> parse(String query, boolean asYouType) {
        if (query.length() > MAX_LENGTH) {
            throw new InvalidSearch(t("search.error.too-long", String.valueOf(MAX_LENGTH)));
        }
        List<Term> plain = new ArrayList<>();
        List<Boolean> orBefore = new ArrayList<>();
        int i = 0;
        int n = query.length();
        boolean pendingOr = false;
        boolean endsInSpace = n > 0 && Character.isWhitespace(query.charAt(n - 1));
        while (i < n) {
            char c = query.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
                continue;
            }
            boolean negated = false;
            if (c == '-' && i + 1 < n && !Character.isWhitespace(query.charAt(i + 1))) {
                negated = true;
                i++;
                c = query.charAt(i);
            }
            Term term;
            if (c == '"') {
                int close = query.indexOf('"', i + 1);
                int end = close < 0 ? n : close;
                String text = query.substring(i + 1, end).strip();
                i = close < 0 ? n : close + 1;
                if (text.isEmpty()) {
                    continue;
                }
                term = new Phrase(text, negated);
            } else {
                int end = i;
                while (end < n && !Character.isWhitespace(query.charAt(end))) {
                    if (query.charAt(end) == ':' && end + 1 < n && query.charAt(end + 1) == '"') {
                        end++;
                        break;
                    }
                    end++;
                }
                String word = query.substring(i, end);
                int colon = word.indexOf(':');
                if (colon > 0 && FIELDS.contains(word.substring(0, colon).toLowerCase(Locale.ROOT))) {
                    String field = word.substring(0, colon).toLowerCase(Locale.ROOT);
                    String value;
                    boolean phrase = false;
                    if (end < n && query.charAt(end - 1) == ':' && query.charAt(end) == '"') {
                        int close = query.indexOf('"', end + 1);
                        value = query.substring(end + 1, close < 0 ? n : close).strip();
                        end = close < 0 ? n : close + 1;
                        phrase = true;
                    } else {
                        value = word.substring(colon + 1);
                    }
                    i = end;
                    if (value.isEmpty()) {
                        continue;
                    }
                    boolean prefix = !phrase && value.endsWith("*");
                    if (prefix) {
                        value = checkedPrefix(value);
                    } else if (!phrase) {
                        checkNoWildcard(value);
                    }
                    boolean typing = asYouType && !phrase && i >= n && !endsInSpace;
                    term = new FieldValue(field, value, phrase, prefix || typing, negated);
                } else {
                    i = end;
                    if (!negated && word.equals("OR")) {
                        pendingOr = !plain.isEmpty();
                        continue;
                    }
                    boolean prefix = word.endsWith("*");
                    if (prefix) {
                        word = checkedPrefix(word);
                    } else {
                        checkNoWildcard(word);
                    }
                    boolean typing = asYouType && i >= n && !endsInSpace && word.length() >= MIN_PREFIX;
                    term = new Word(word, prefix || typing, negated);
                }
            }
            plain.add(term);
            orBefore.add(pendingOr);
            pendingOr = false;
            if (plain.size() > MAX_TERMS) {
                throw new InvalidSearch(t("search.error.too-many-terms", String.valueOf(MAX_TERMS)));
            }
        }
        List<Term> terms = new ArrayList<>();
        for (int t = 0; t < plain.size(); t++) {
            Term term = plain.get(t);
            if (orBefore.get(t) && !terms.isEmpty()) {
                Term previous = terms.removeLast();
                List<Term> options = new ArrayList<>(previous instanceof AnyOf any ? any.terms() : List.of(previous));
                options.add(term);
                terms.add(new AnyOf(List.copyOf(options)));
            } else {
                terms.add(term);
            }
        }
        return terms;
    }

    private static String checkedPrefix(String word) {
        String stem = word.substring(0, word.length() - 1);
        checkNoWildcard(stem);
        if (stem.codePointCount(0, stem.length()) < MIN_PREFIX) {
            throw new InvalidSearch(t("search.error.short-prefix", String.valueOf(MIN_PREFIX), word));
        }
        return stem;
    }

    private static void checkNoWildcard(String word) {
        if (word.indexOf('*') >= 0) {
            throw new InvalidSearch(t("search.error.inner-wildcard", word));
        }
    }
}
