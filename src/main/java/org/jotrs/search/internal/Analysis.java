package org.jotrs.search.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.cjk.CJKBigramFilter;
import org.apache.lucene.analysis.cjk.CJKWidthFilter;
import org.apache.lucene.analysis.de.GermanAnalyzer;
import org.apache.lucene.analysis.de.GermanLightStemFilter;
import org.apache.lucene.analysis.de.GermanNormalizationFilter;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.es.SpanishAnalyzer;
import org.apache.lucene.analysis.es.SpanishLightStemFilter;
import org.apache.lucene.analysis.fr.FrenchAnalyzer;
import org.apache.lucene.analysis.fr.FrenchLightStemFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.util.ElisionFilter;

/**
 * How text becomes terms. Every text field is lower-cased and accent-folded ({@code é} matches
 * {@code e}), and Chinese, Japanese and Korean runs are indexed as overlapping bigrams. Besides
 * that exact form, a ticket's text is indexed once more, stemmed in the language it is most likely
 * written in (English, German, French or Spanish, guessed from stop words): a query word is looked
 * up stemmed in all four stem fields, so "invoices" finds "invoice" and "Rechnungen" finds
 * "Rechnung" without asking the agent for a language.
 */
final class Analysis {

    enum Language {
        EN(EnglishAnalyzer.ENGLISH_STOP_WORDS_SET), DE(GermanAnalyzer.getDefaultStopSet()),
        FR(FrenchAnalyzer.getDefaultStopSet()), ES(SpanishAnalyzer.getDefaultStopSet());

        private final CharArraySet stopWords;

        Language(CharArraySet stopWords) {
            this.stopWords = stopWords;
        }

        String stemField() {
            return "stem_" + name().toLowerCase(Locale.ROOT);
        }
    }

    private static final Language[] LANGUAGES = Language.values();
    private static final int STOP_WORD_MAX = 32;

    /** The fields holding the exact (folded) form of text. */
    static final List<String> TEXT_FIELDS = List.of(TicketFields.TEXT, TicketFields.TITLE, TicketFields.FROM,
            TicketFields.TO, TicketFields.CC, TicketFields.SUBJECT);

    /**
     * The longest word start kept in the prefix fields. A typed prefix up to this length is one
     * term there; a longer one is expanded over the exact text's terms, which are few by then.
     */
    static final int PREFIX_MAX = 5;

    private Analysis() {
    }

    /** The exact form: words, lower case, accents folded, CJK bigrams. */
    static Analyzer exact() {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                Tokenizer source = new StandardTokenizer();
                TokenStream stream = new CJKWidthFilter(source);
                stream = new LowerCaseFilter(stream);
                stream = new CJKBigramFilter(stream);
                stream = new ASCIIFoldingFilter(stream);
                return new TokenStreamComponents(source, stream);
            }

            @Override
            protected TokenStream normalize(String fieldName, TokenStream in) {
                return new ASCIIFoldingFilter(new LowerCaseFilter(new CJKWidthFilter(in)));
            }
        };
    }

    /**
     * The starts of every word of the exact form, 2 to {@link #PREFIX_MAX} characters ("invoice"
     * gives in, inv, invo, invoi), for the search as you type: a short prefix then costs one term's
     * postings instead of the union of the hundreds of words it begins.
     */
    static Analyzer prefixes() {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                Tokenizer source = new StandardTokenizer();
                TokenStream stream = new CJKWidthFilter(source);
                stream = new LowerCaseFilter(stream);
                stream = new CJKBigramFilter(stream);
                stream = new ASCIIFoldingFilter(stream);
                stream = new WordStarts(stream, QuerySyntax.MIN_PREFIX, PREFIX_MAX);
                return new TokenStreamComponents(source, stream);
            }
        };
    }

    static Analyzer stemmed(Language language) {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                Tokenizer source = new StandardTokenizer();
                TokenStream stream = source;
                switch (language) {
                    case EN -> {
                        stream = new EnglishPossessiveFilter(stream);
                        stream = new LowerCaseFilter(stream);
                        stream = new PorterStemFilter(stream);
                    }
                    case DE -> {
                        stream = new LowerCaseFilter(stream);
                        stream = new GermanNormalizationFilter(stream);
                        stream = new GermanLightStemFilter(stream);
                    }
                    case FR -> {
                        stream = new ElisionFilter(stream, FrenchAnalyzer.DEFAULT_ARTICLES);
                        stream = new LowerCaseFilter(stream);
                        stream = new FrenchLightStemFilter(stream);
                    }
                    case ES -> {
                        stream = new LowerCaseFilter(stream);
                        stream = new SpanishLightStemFilter(stream);
                    }
                }
                stream = new ASCIIFoldingFilter(stream);
                return new TokenStreamComponents(source, stream);
            }
        };
    }

    /** The analyzer of every field, for the index writer and for queries. */
    static Analyzer perField() {
        Map<String, Analyzer> stemmers = new HashMap<>();
        for (Language language : Language.values()) {
            stemmers.put(language.stemField(), stemmed(language));
        }
        Analyzer prefixes = prefixes();
        stemmers.put(TicketFields.TEXT_PREFIX, prefixes);
        stemmers.put(TicketFields.TITLE_PREFIX, prefixes);
        return new PerFieldAnalyzerWrapper(exact(), stemmers);
    }

    /**
     * The most likely language of a text, by counting the stop words of each among its first
     * 300 words; English when nothing stands out.
     */
    static Language guessLanguage(String text) {
        int[] hits = new int[LANGUAGES.length];
        // No stop word is longer than this; a word is lower-cased into it, not into a new string.
        char[] buffer = new char[STOP_WORD_MAX];
        int words = 0;
        int start = -1;
        int limit = Math.min(text.length(), 4000);
        for (int i = 0; i <= limit && words < 300; i++) {
            boolean letter = i < limit && Character.isLetter(text.charAt(i));
            if (letter && start < 0) {
                start = i;
            } else if (!letter && start >= 0) {
                words++;
                int length = i - start;
                if (length <= buffer.length) {
                    for (int c = 0; c < length; c++) {
                        buffer[c] = Character.toLowerCase(text.charAt(start + c));
                    }
                    for (Language language : LANGUAGES) {
                        if (language.stopWords.contains(buffer, 0, length)) {
                            hits[language.ordinal()]++;
                        }
                    }
                }
                start = -1;
            }
        }
        Language best = Language.EN;
        for (Language language : LANGUAGES) {
            if (hits[language.ordinal()] > hits[best.ordinal()]) {
                best = language;
            }
        }
        return best;
    }
}
