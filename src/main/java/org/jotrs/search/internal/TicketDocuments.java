package org.jotrs.search.internal;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Locale;

import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.IntField;
import org.apache.lucene.document.KeywordField;
import org.apache.lucene.document.LongField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.util.BytesRef;
import org.jotrs.search.internal.TicketSource.ArticleText;
import org.jotrs.search.internal.TicketSource.TicketData;

/** A ticket as one index document: its fields, and the text of all its articles. */
final class TicketDocuments {

    /** How much article text is kept for snippets; Lucene's highlighter reads no further by default either. */
    static final int SNIPPET_SOURCE_LIMIT = 10_000;

    private static final FieldType TEXT_NOT_STORED = new FieldType();
    static {
        TEXT_NOT_STORED.setTokenized(true);
        TEXT_NOT_STORED.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS);
        TEXT_NOT_STORED.setOmitNorms(false);
        TEXT_NOT_STORED.freeze();
    }

    /** The stemmed copy is only ever searched word by word (phrases use the exact text): no positions. */
    private static final FieldType STEMMED = new FieldType();
    static {
        STEMMED.setTokenized(true);
        STEMMED.setIndexOptions(IndexOptions.DOCS_AND_FREQS);
        STEMMED.setOmitNorms(false);
        STEMMED.freeze();
    }

    /** Word starts for the search as you type: which tickets, not how often. */
    private static final FieldType PREFIXES = new FieldType();
    static {
        PREFIXES.setTokenized(true);
        PREFIXES.setIndexOptions(IndexOptions.DOCS);
        PREFIXES.setOmitNorms(true);
        PREFIXES.freeze();
    }

    /** A ticket number is found as it is typed from this many characters on. */
    static final int NUMBER_PREFIX_MIN = 3;

    private TicketDocuments() {
    }

    static Document of(TicketData ticket, long generation, ZoneId zone) {
        Document doc = new Document();
        doc.add(new StringField(TicketFields.ID, Long.toString(ticket.id()), Field.Store.YES));
        String number = ticket.number().toLowerCase(Locale.ROOT);
        doc.add(new KeywordField(TicketFields.NUMBER, number, Field.Store.NO));
        for (int end = NUMBER_PREFIX_MIN; end < number.length(); end++) {
            doc.add(new StringField(TicketFields.NUMBER_PREFIX, number.substring(0, end), Field.Store.NO));
        }
        String title = ticket.title() == null ? "" : ticket.title();
        doc.add(new TextField(TicketFields.TITLE, title, Field.Store.NO));
        doc.add(new Field(TicketFields.TITLE_PREFIX, title, PREFIXES));
        String titleKey = title.toLowerCase(Locale.ROOT);
        doc.add(new SortedDocValuesField(TicketFields.TITLE_SORT,
                new BytesRef(titleKey.length() > 100 ? titleKey.substring(0, 100) : titleKey)));

        StringBuilder text = new StringBuilder(title).append('\n');
        StringBuilder snippets = new StringBuilder();
        append(text, ticket.customerUser());
        append(text, ticket.customerId());
        for (ArticleText article : ticket.articles()) {
            addText(doc, TicketFields.FROM, article.from());
            addText(doc, TicketFields.TO, article.to());
            addText(doc, TicketFields.CC, article.cc());
            addText(doc, TicketFields.SUBJECT, article.subject());
            append(text, article.from());
            append(text, article.to());
            append(text, article.cc());
            append(text, article.subject());
            append(text, article.body());
            for (String name : article.attachments()) {
                append(text, name);
            }
            if (snippets.length() < SNIPPET_SOURCE_LIMIT) {
                if (article.subject() != null && !article.subject().isBlank()) {
                    snippets.append(article.subject().strip()).append(" — ");
                }
                if (article.body() != null) {
                    snippets.append(article.body().strip());
                }
                snippets.append(" ¶ ");
            }
        }
        String allText = text.toString();
        doc.add(new Field(TicketFields.TEXT, allText, TEXT_NOT_STORED));
        doc.add(new Field(TicketFields.TEXT_PREFIX, allText, PREFIXES));
        doc.add(new Field(Analysis.guessLanguage(allText).stemField(), allText, STEMMED));
        String snippetSource = snippets.length() > SNIPPET_SOURCE_LIMIT
                ? snippets.substring(0, SNIPPET_SOURCE_LIMIT) : snippets.toString();
        doc.add(new StoredField(TicketFields.SNIPPET_SOURCE, snippetSource));

        doc.add(new IntField(TicketFields.QUEUE, ticket.queueId(), Field.Store.NO));
        doc.add(new IntField(TicketFields.STATE, ticket.stateId(), Field.Store.NO));
        doc.add(new IntField(TicketFields.PRIORITY, ticket.priorityId(), Field.Store.NO));
        doc.add(new IntField(TicketFields.TYPE, ticket.typeId(), Field.Store.NO));
        doc.add(new IntField(TicketFields.OWNER, ticket.ownerId(), Field.Store.NO));
        doc.add(new IntField(TicketFields.RESPONSIBLE, ticket.responsibleId(), Field.Store.NO));
        doc.add(new IntField(TicketFields.LOCK, ticket.lockId(), Field.Store.NO));
        if (ticket.customerUser() != null && !ticket.customerUser().isBlank()) {
            doc.add(new KeywordField(TicketFields.CUSTOMER_USER, ticket.customerUser().toLowerCase(Locale.ROOT),
                    Field.Store.NO));
        }
        if (ticket.customerId() != null && !ticket.customerId().isBlank()) {
            doc.add(new KeywordField(TicketFields.CUSTOMER_ID, ticket.customerId().toLowerCase(Locale.ROOT),
                    Field.Store.NO));
        }
        doc.add(new LongField(TicketFields.CREATED, epoch(ticket.created(), zone), Field.Store.NO));
        doc.add(new LongField(TicketFields.CHANGED, epoch(ticket.changed(), zone), Field.Store.NO));
        // OTRS keeps 0 in until_time and escalation_time when there is none; no value sorts last.
        if (ticket.pendingUntil() > 0) {
            doc.add(new LongField(TicketFields.PENDING, ticket.pendingUntil(), Field.Store.NO));
        }
        if (ticket.escalationTime() > 0) {
            doc.add(new LongField(TicketFields.ESCALATION, ticket.escalationTime(), Field.Store.NO));
        }
        doc.add(new LongField(TicketFields.GENERATION, generation, Field.Store.NO));
        return doc;
    }

    static long epoch(LocalDateTime time, ZoneId zone) {
        return time == null ? 0 : time.atZone(zone).toEpochSecond();
    }

    private static void addText(Document doc, String field, String value) {
        if (value != null && !value.isBlank()) {
            doc.add(new Field(field, value, TEXT_NOT_STORED));
        }
    }

    private static void append(StringBuilder text, String value) {
        if (value != null && !value.isBlank()) {
            text.append(value).append('\n');
        }
    }
}
