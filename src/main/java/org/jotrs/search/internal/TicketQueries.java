package org.jotrs.search.internal;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.IntField;
import org.apache.lucene.document.KeywordField;
import org.apache.lucene.document.LongField;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.MultiTermQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.QueryBuilder;
import org.jotrs.search.SearchRequest;
import org.jotrs.search.SearchRequest.TimeRange;
import org.jotrs.search.internal.Analysis.Language;
import org.jotrs.search.internal.QuerySyntax.AnyOf;
import org.jotrs.search.internal.QuerySyntax.FieldValue;
import org.jotrs.search.internal.QuerySyntax.Phrase;
import org.jotrs.search.internal.QuerySyntax.Word;

/** Turns a {@link SearchRequest} into a Lucene query: the text part scores, filters and permission only filter. */
final class TicketQueries {

    private static final float TITLE_BOOST = 3f;
    private static final float NUMBER_BOOST = 10f;
    /** A prefix matching more terms than this is cut to the first ones (as-you-type on a short prefix). */
    private static final int MAX_PREFIX_TERMS = 256;

    private final Analyzer analyzer;
    private final QueryBuilder builder;
    private final SearchLookups lookups;
    private final ZoneId zone;

    TicketQueries(Analyzer analyzer, SearchLookups lookups, ZoneId zone) {
        this.analyzer = analyzer;
        this.builder = new QueryBuilder(analyzer);
        this.lookups = lookups;
        this.zone = zone;
    }

    /** The whole query, and what the snippets mark (on the text field only); null when the query has no text. */
    record Built(Query query, Query text) {
    }

    Built build(int agentId, SearchRequest request) {
        List<QuerySyntax.Term> terms = QuerySyntax.parse(request.query(), request.asYouType());
        BooleanQuery.Builder all = new BooleanQuery.Builder();
        BooleanQuery.Builder text = new BooleanQuery.Builder();
        boolean positive = false;
        boolean anyText = false;
        for (QuerySyntax.Term term : terms) {
            Query query = termQuery(agentId, term);
            if (query == null) {
                continue;
            }
            boolean negated = negated(term);
            all.add(query, negated ? Occur.MUST_NOT : Occur.MUST);
            if (!negated) {
                positive = true;
                Query highlighted = highlight(term);
                if (highlighted != null) {
                    text.add(highlighted, Occur.SHOULD);
                    anyText = true;
                }
            }
        }
        if (!positive) {
            all.add(new MatchAllDocsQuery(), Occur.MUST);
        }
        for (Query filter : filters(agentId, request)) {
            all.add(filter, Occur.FILTER);
        }
        all.add(readable(agentId), Occur.FILTER);
        return new Built(all.build(), anyText ? text.build() : null);
    }

    /** Only tickets the agent may read: queues with {@code ro}, or owned by or the responsibility of the agent. */
    private Query readable(int agentId) {
        BooleanQuery.Builder readable = new BooleanQuery.Builder();
        Set<Integer> queues = lookups.readableQueues(agentId);
        if (!queues.isEmpty()) {
            readable.add(IntField.newSetQuery(TicketFields.QUEUE, ints(queues)), Occur.SHOULD);
        }
        readable.add(IntField.newExactQuery(TicketFields.OWNER, agentId), Occur.SHOULD);
        readable.add(IntField.newExactQuery(TicketFields.RESPONSIBLE, agentId), Occur.SHOULD);
        return readable.build();
    }

    private List<Query> filters(int agentId, SearchRequest r) {
        List<Query> filters = new ArrayList<>();
        addSet(filters, TicketFields.QUEUE, r.queueIds());
        if (!r.stateTypes().isEmpty()) {
            Set<Integer> states = lookups.statesOfTypes(r.stateTypes());
            filters.add(states.isEmpty() ? new MatchNoDocsQuery() : IntField.newSetQuery(TicketFields.STATE, ints(states)));
        }
        addSet(filters, TicketFields.STATE, r.stateIds());
        addSet(filters, TicketFields.PRIORITY, r.priorityIds());
        addSet(filters, TicketFields.TYPE, r.typeIds());
        addSet(filters, TicketFields.OWNER, r.ownerIds());
        addSet(filters, TicketFields.RESPONSIBLE, r.responsibleIds());
        if (r.customerUser() != null) {
            filters.add(KeywordField.newExactQuery(TicketFields.CUSTOMER_USER, r.customerUser().toLowerCase(Locale.ROOT)));
        }
        if (r.customerId() != null) {
            filters.add(KeywordField.newExactQuery(TicketFields.CUSTOMER_ID, r.customerId().toLowerCase(Locale.ROOT)));
        }
        addRange(filters, TicketFields.CREATED, r.created());
        addRange(filters, TicketFields.CHANGED, r.changed());
        addRange(filters, TicketFields.PENDING, r.pending());
        addRange(filters, TicketFields.ESCALATION, r.escalation());
        if (r.locked() != null) {
            Query locked = IntField.newSetQuery(TicketFields.LOCK, ints(lookups.lockedIds()));
            if (r.locked()) {
                filters.add(locked);
            } else {
                filters.add(new BooleanQuery.Builder().add(new MatchAllDocsQuery(), Occur.MUST)
                        .add(locked, Occur.MUST_NOT).build());
            }
        }
        return filters;
    }

    private void addRange(List<Query> filters, String field, TimeRange range) {
        if (range == null) {
            return;
        }
        long from = range.from() == null ? Long.MIN_VALUE : range.from().atZone(zone).toEpochSecond();
        long to = range.to() == null ? Long.MAX_VALUE : range.to().atZone(zone).toEpochSecond();
        filters.add(LongField.newRangeQuery(field, from, to));
    }

    private static void addSet(List<Query> filters, String field, Set<Integer> values) {
        if (!values.isEmpty()) {
            filters.add(IntField.newSetQuery(field, ints(values)));
        }
    }

    private Query termQuery(int agentId, QuerySyntax.Term term) {
        return switch (term) {
            case Word word -> word(word.text(), word.prefix());
            case Phrase phrase -> phrase(phrase.text());
            case FieldValue field -> field(agentId, field);
            case AnyOf any -> {
                BooleanQuery.Builder either = new BooleanQuery.Builder();
                int count = 0;
                for (QuerySyntax.Term option : any.terms()) {
                    Query query = termQuery(agentId, option);
                    if (query != null && !negated(option)) {
                        either.add(query, Occur.SHOULD);
                        count++;
                    }
                }
                yield count == 0 ? null : either.build();
            }
        };
    }

    private static boolean negated(QuerySyntax.Term term) {
        return switch (term) {
            case Word word -> word.negated();
            case Phrase phrase -> phrase.negated();
            case FieldValue field -> field.negated();
            case AnyOf any -> false;
        };
    }

    /**
     * What the snippets mark for a term: only its clauses on the text field the snippets are cut
     * from (the highlighter re-reads the query for every ticket shown, so the other six fields of
     * a word would cost without ever marking anything); null when nothing there.
     */
    private Query highlight(QuerySyntax.Term term) {
        return switch (term) {
            case Word word -> {
                Query exact = builder.createBooleanQuery(TicketFields.TEXT, word.text(), Occur.MUST);
                BytesRef normalized = word.prefix() ? analyzer.normalize(TicketFields.TEXT, word.text()) : null;
                if (normalized == null || normalized.length < QuerySyntax.MIN_PREFIX) {
                    yield exact;
                }
                Query start = new PrefixQuery(new Term(TicketFields.TEXT, normalized));
                yield exact == null ? start
                        : new BooleanQuery.Builder().add(exact, Occur.SHOULD).add(start, Occur.SHOULD).build();
            }
            case Phrase phrase -> builder.createPhraseQuery(TicketFields.TEXT, phrase.text());
            case FieldValue field -> null;
            case AnyOf any -> {
                BooleanQuery.Builder either = new BooleanQuery.Builder();
                int count = 0;
                for (QuerySyntax.Term option : any.terms()) {
                    Query query = negated(option) ? null : highlight(option);
                    if (query != null) {
                        either.add(query, Occur.SHOULD);
                        count++;
                    }
                }
                yield count == 0 ? null : either.build();
            }
        };
    }

    /** A word: in the exact text, in the title (boosted), stemmed in each language, and as a ticket number. */
    private Query word(String word, boolean prefix) {
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        int count = 0;
        Query exact = builder.createBooleanQuery(TicketFields.TEXT, word, Occur.MUST);
        if (exact != null) {
            any.add(exact, Occur.SHOULD);
            count++;
        }
        Query title = builder.createBooleanQuery(TicketFields.TITLE, word, Occur.MUST);
        if (title != null) {
            any.add(new BoostQuery(title, TITLE_BOOST), Occur.SHOULD);
        }
        for (Language language : Language.values()) {
            Query stemmed = builder.createBooleanQuery(language.stemField(), word, Occur.MUST);
            if (stemmed != null) {
                any.add(stemmed, Occur.SHOULD);
            }
        }
        String lower = word.toLowerCase(Locale.ROOT);
        any.add(new BoostQuery(new TermQuery(new Term(TicketFields.NUMBER, lower)), NUMBER_BOOST), Occur.SHOULD);
        if (prefix) {
            BytesRef normalized = analyzer.normalize(TicketFields.TEXT, word);
            int length = normalized.utf8ToString().length();  // in chars, as WordStarts cuts
            if (length >= QuerySyntax.MIN_PREFIX && length <= Analysis.PREFIX_MAX) {
                // A short prefix begins hundreds of words: one term of the prefix fields instead.
                any.add(new TermQuery(new Term(TicketFields.TEXT_PREFIX, normalized)), Occur.SHOULD);
                any.add(new BoostQuery(new TermQuery(new Term(TicketFields.TITLE_PREFIX, normalized)), TITLE_BOOST),
                        Occur.SHOULD);
                count++;
            } else if (length > Analysis.PREFIX_MAX) {
                any.add(prefix(TicketFields.TEXT, normalized), Occur.SHOULD);
                any.add(new BoostQuery(prefix(TicketFields.TITLE, normalized), TITLE_BOOST), Occur.SHOULD);
                count++;
            }
            if (lower.length() >= TicketDocuments.NUMBER_PREFIX_MIN) {
                any.add(new BoostQuery(new TermQuery(new Term(TicketFields.NUMBER_PREFIX, lower)), NUMBER_BOOST),
                        Occur.SHOULD);
            }
        }
        return count == 0 && !lower.chars().allMatch(Character::isLetterOrDigit) ? null : any.build();
    }

    private Query phrase(String text) {
        Query exact = builder.createPhraseQuery(TicketFields.TEXT, text);
        if (exact == null) {
            return null;
        }
        Query title = builder.createPhraseQuery(TicketFields.TITLE, text);
        BooleanQuery.Builder any = new BooleanQuery.Builder().add(exact, Occur.SHOULD);
        if (title != null) {
            any.add(new BoostQuery(title, TITLE_BOOST), Occur.SHOULD);
        }
        return any.build();
    }

    private Query field(int agentId, FieldValue term) {
        String value = term.value();
        boolean prefix = term.prefix();
        return switch (term.field()) {
            case "queue" -> IntField.newSetQuery(TicketFields.QUEUE, ints(lookups.queues(value, prefix)));
            case "state" -> IntField.newSetQuery(TicketFields.STATE, ints(lookups.states(value, prefix)));
            case "priority" -> IntField.newSetQuery(TicketFields.PRIORITY, ints(lookups.priorities(value, prefix)));
            case "type" -> IntField.newSetQuery(TicketFields.TYPE, ints(lookups.types(value, prefix)));
            case "owner" -> IntField.newSetQuery(TicketFields.OWNER, ints(lookups.agents(value, prefix, agentId)));
            case "responsible" -> IntField.newSetQuery(TicketFields.RESPONSIBLE,
                    ints(lookups.agents(value, prefix, agentId)));
            case "customer" -> {
                String lower = value.toLowerCase(Locale.ROOT);
                yield new BooleanQuery.Builder()
                        .add(keyword(TicketFields.CUSTOMER_USER, lower, prefix), Occur.SHOULD)
                        .add(keyword(TicketFields.CUSTOMER_ID, lower, prefix), Occur.SHOULD)
                        .build();
            }
            case "tn" -> number(value.toLowerCase(Locale.ROOT));
            default -> {
                // from, to, cc, subject, title: text in that field
                Query query = term.phrase() ? builder.createPhraseQuery(term.field(), value)
                        : builder.createBooleanQuery(term.field(), value, Occur.MUST);
                if (query != null && prefix) {
                    BytesRef normalized = analyzer.normalize(term.field(), value);
                    query = new BooleanQuery.Builder().add(query, Occur.SHOULD)
                            .add(prefix(term.field(), normalized), Occur.SHOULD).build();
                }
                yield query == null ? new MatchNoDocsQuery() : query;
            }
        };
    }

    /** A ticket number or its start: from {@link TicketDocuments#NUMBER_PREFIX_MIN} characters one term of its own. */
    private static Query number(String start) {
        if (start.length() < TicketDocuments.NUMBER_PREFIX_MIN) {
            return prefix(TicketFields.NUMBER, new BytesRef(start));
        }
        return new BooleanQuery.Builder()
                .add(new TermQuery(new Term(TicketFields.NUMBER, start)), Occur.SHOULD)
                .add(new TermQuery(new Term(TicketFields.NUMBER_PREFIX, start)), Occur.SHOULD)
                .build();
    }

    private static Query keyword(String field, String value, boolean prefix) {
        return prefix ? prefix(field, new BytesRef(value)) : new TermQuery(new Term(field, value));
    }

    private static Query prefix(String field, BytesRef prefix) {
        return new PrefixQuery(new Term(field, prefix), new MultiTermQuery.TopTermsBlendedFreqScoringRewrite(
                MAX_PREFIX_TERMS));
    }

    private static int[] ints(Collection<Integer> values) {
        return values.stream().mapToInt(Integer::intValue).toArray();
    }
}
