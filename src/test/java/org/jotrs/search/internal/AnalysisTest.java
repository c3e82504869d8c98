package org.jotrs.search.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.cjk.CJKBigramFilter;
import org.apache.lucene.analysis.cjk.CJKWidthFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.ngram.EdgeNGramTokenFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.junit.jupiter.api.Test;

class AnalysisTest {

    private static final String TEXT = "Die Rechnungen für März: invoice INV-2026-0042 an Müller, a b ab abc "
            + "Straße 打印机无法连接 Ticket#2026120710000001 naïve café x 😀😀😀 emoji😀word";

    @Test
    void wordStartsAreTheEdgeNGramsOfTheExactForm() throws IOException {
        Analyzer reference = new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                Tokenizer source = new StandardTokenizer();
                TokenStream stream = new ASCIIFoldingFilter(new CJKBigramFilter(new LowerCaseFilter(new CJKWidthFilter(source))));
                return new TokenStreamComponents(source, new EdgeNGramTokenFilter(stream, 2, Analysis.PREFIX_MAX, false));
            }
        };
        List<String> expected = terms(reference, TEXT).stream()
                .filter(term -> term.chars().noneMatch(c -> Character.isSurrogate((char) c))).toList();
        List<String> starts = terms(Analysis.perField(), TEXT, TicketFields.TEXT_PREFIX);
        assertThat(starts.stream().filter(term -> term.chars().noneMatch(c -> Character.isSurrogate((char) c))))
                .containsExactlyElementsOf(expected);
        assertThat(starts).contains("re", "rec", "rech", "rechn", "mu", "mul", "stras", "ca", "caf", "cafe", "in", "inv")
                .doesNotContain("rechnu", "a", "b");
        assertThat(starts).allSatisfy(term -> assertThat(Character.isHighSurrogate(term.charAt(term.length() - 1))).isFalse());
    }

    @Test
    void wordStartsCanBeIndexed() throws IOException {
        try (var directory = new org.apache.lucene.store.ByteBuffersDirectory();
                var writer = new org.apache.lucene.index.IndexWriter(directory,
                        new org.apache.lucene.index.IndexWriterConfig(Analysis.perField()))) {
            org.apache.lucene.document.Document doc = new org.apache.lucene.document.Document();
            doc.add(new org.apache.lucene.document.TextField(TicketFields.TITLE_PREFIX, "x invoice", org.apache.lucene.document.Field.Store.NO));
            doc.add(new org.apache.lucene.document.TextField(TicketFields.TEXT_PREFIX, TEXT, org.apache.lucene.document.Field.Store.NO));
            writer.addDocument(doc);
            writer.commit();
            try (var reader = org.apache.lucene.index.DirectoryReader.open(directory)) {
                assertThat(reader.docFreq(new org.apache.lucene.index.Term(TicketFields.TITLE_PREFIX, "invo"))).isEqualTo(1);
                assertThat(reader.docFreq(new org.apache.lucene.index.Term(TicketFields.TEXT_PREFIX, "rechn"))).isEqualTo(1);
            }
        }
    }

    @Test
    void guessesTheLanguageFromStopWords() {
        assertThat(Analysis.guessLanguage("Die Rechnungen wurden nicht bezahlt und der Kunde ist verärgert."))
                .isEqualTo(Analysis.Language.DE);
        assertThat(Analysis.guessLanguage("Les utilisateurs ne peuvent pas se connecter depuis les nouvelles imprimantes."))
                .isEqualTo(Analysis.Language.FR);
        assertThat(Analysis.guessLanguage("El cliente no puede imprimir las facturas desde la oficina."))
                .isEqualTo(Analysis.Language.ES);
        assertThat(Analysis.guessLanguage("The quarterly INVOICES were printed twice and THE customer is angry."))
                .isEqualTo(Analysis.Language.EN);
        assertThat(Analysis.guessLanguage("")).isEqualTo(Analysis.Language.EN);
    }

    private static List<String> terms(Analyzer analyzer, String text) throws IOException {
        return terms(analyzer, text, "any");
    }

    private static List<String> terms(Analyzer analyzer, String text, String field) throws IOException {
        List<String> terms = new ArrayList<>();
        try (TokenStream stream = analyzer.tokenStream(field, text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                terms.add(term.toString());
            }
            stream.end();
        }
        return terms;
    }
}
