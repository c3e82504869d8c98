package org.jotrs.search.internal;

import java.io.IOException;

import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;

/**
 * The starts of each word, {@code min} to {@code max} characters ("invoice": in, inv, invo,
 * invoi for 2 to 5), the terms of the prefix fields. It gives the terms Lucene's
 * {@code EdgeNGramTokenFilter} gives, at a fraction of its cost (that filter captures and restores
 * every attribute for every start; it was 15% of a rebuild's CPU time): the fields hold documents
 * only, so nothing but the term text matters. A start never ends between the two halves of a
 * surrogate pair; lengths are in chars, as the query side counts them.
 */
final class WordStarts extends TokenFilter {

    private final int min;
    private final int max;
    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final PositionIncrementAttribute position = addAttribute(PositionIncrementAttribute.class);
    private final char[] word;
    private int wordLength;
    private int next;
    private int increment;

    WordStarts(TokenStream input, int min, int max) {
        super(input);
        this.min = min;
        this.max = max;
        this.word = new char[max];
    }

    @Override
    public boolean incrementToken() throws IOException {
        while (true) {
            while (next > 0 && next <= wordLength) {
                int length = next++;
                if (!Character.isHighSurrogate(word[length - 1])) {
                    term.copyBuffer(word, 0, length);
                    // The word's first start takes its place (a field's first term must move on), the others stack on it.
                    position.setPositionIncrement(increment);
                    increment = 0;
                    return true;
                }
            }
            next = 0;
            if (!input.incrementToken()) {
                return false;
            }
            if (term.length() < min) {
                continue;
            }
            increment = Math.max(1, position.getPositionIncrement());
            wordLength = Math.min(term.length(), max);
            System.arraycopy(term.buffer(), 0, word, 0, wordLength);
            next = min;
        }
    }

    @Override
    public void reset() throws IOException {
        super.reset();
        next = 0;
        wordLength = 0;
    }
}
