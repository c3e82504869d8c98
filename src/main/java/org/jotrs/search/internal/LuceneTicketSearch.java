package org.jotrs.search.internal;

import static org.jotrs.platform.Messages.t;
import static org.jotrs.platform.db.schema.Tables.QUEUE;
import static org.jotrs.platform.db.schema.Tables.TICKET;
import static org.jotrs.platform.db.schema.Tables.TICKET_PRIORITY;
import static org.jotrs.platform.db.schema.Tables.TICKET_STATE;
import static org.jotrs.platform.db.schema.Tables.USERS;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.apache.lucene.document.Document;
import org.apache.lucene.document.IntField;
import org.apache.lucene.document.KeywordField;
import org.apache.lucene.document.LongField;
import org.apache.lucene.index.QueryTimeoutImpl;
import org.apache.lucene.store.AlreadyClosedException;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.SortedNumericSelector;
import org.apache.lucene.search.SortedSetSelector;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.search.TotalHits;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.FieldHighlighter;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.jooq.DSLContext;
import org.jotrs.access.AccessService;
import org.jotrs.search.InvalidSearch;
import org.jotrs.search.SearchIndexStatus;
import org.jotrs.search.SearchRequest;
import org.jotrs.search.SearchResult;
import org.jotrs.search.SearchResult.Hit;
import org.jotrs.search.TicketSearch;
import org.jotrs.ticket.TicketService;
import org.springframework.stereotype.Service;
import org.springframework.web.util.HtmlUtils;

/**
 * Searches this node's index. The index answers which tickets match and in what order, filtered
 * by the agent's read permission as the database has it now; the rows shown are then read from
 * the database and checked once more with the ticket module's own read check, so an index that
 * has not yet followed a move or a revoked permission can never show a ticket the agent may not
 * read.
 */
@Service
class LuceneTicketSearch implements TicketSearch {

    /** Deep pages cost as much as all the pages before them: past this, narrow the search. */
    static final int MAX_RESULT_WINDOW = 10_000;
    /** Matches are counted exactly up to here; past it the total is "at least" and Lucene may skip non-competitive ones. */
    static final int EXACT_COUNT_LIMIT = 10_000;
    private static final int SNIPPET_FALLBACK_LENGTH = 160;

    private final SearchIndexer indexer;
    private final SearchLookups lookups;
    private final TicketService tickets;
    private final AccessService access;
    private final DSLContext db;
    private final SearchProperties properties;
    private final io.micrometer.core.instrument.Timer searchTimer;
    private final io.micrometer.core.instrument.Timer countTimer;

    LuceneTicketSearch(SearchIndexer indexer, SearchLookups lookups, TicketService tickets, AccessService access,
            DSLContext db, SearchProperties properties, io.micrometer.core.instrument.MeterRegistry meters) {
        this.indexer = indexer;
        this.lookups = lookups;
        this.tickets = tickets;
        this.access = access;
        this.db = db;
        this.properties = properties;
        // Time inside the search (query, permission filter, snippets, rows), without HTTP and rendering.
        this.searchTimer = io.micrometer.core.instrument.Timer.builder("jotrs.search.query").tag("kind", "page")
                .publishPercentiles(0.5, 0.95, 0.99).register(meters);
        this.countTimer = io.micrometer.core.instrument.Timer.builder("jotrs.search.query").tag("kind", "count")
                .publishPercentiles(0.5, 0.95, 0.99).register(meters);
    }

    @Override
    public SearchResult search(int agentId, SearchRequest request) {
        return searchTimer.record(() -> timedSearch(agentId, request));
    }

    private SearchResult timedSearch(int agentId, SearchRequest request) {
        TicketIndex index = indexer.index();
        TicketQueries.Built built = queries(index).build(agentId, request);
        int end = (request.page() + 1) * request.pageSize();
        if (end > MAX_RESULT_WINDOW) {
            throw new InvalidSearch(t("search.error.result-window", String.valueOf(MAX_RESULT_WINDOW)));
        }
        Found found;
        try {
            try {
                found = find(index, built, request, properties.queryTimeout().toMillis());
            } catch (AlreadyClosedException e) {
                // The folder was deleted and the index replaced while this search was being prepared.
                found = find(indexer.index(), built, request, properties.queryTimeout().toMillis());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Searching the index failed", e);
        }
        return new SearchResult(rows(agentId, found.ids(), found.snippets()), found.total(), found.atLeast(),
                request.page(),
                request.pageSize(), notice());
    }

    /** The index's answer for one page: ticket ids in order, their snippets, and the (possibly lower-bound) total. */
    record Found(List<Long> ids, Map<Long, String> snippets, long total, boolean atLeast) {
    }

    /** The Lucene part of a search (no database): the page's ids in order, counted, with highlighted snippets. */
    static Found find(TicketIndex index, TicketQueries.Built built, SearchRequest request, long timeoutMillis)
            throws IOException {
        int end = (request.page() + 1) * request.pageSize();
        return index.search(shared -> {
            IndexSearcher searcher = timed(shared, timeoutMillis);
            Sort sort = sort(request);
            // One pass finds the page and counts; counting stops being exact past EXACT_COUNT_LIMIT.
            TopDocs top = sort == null
                    ? searcher.search(built.query(), new TopScoreDocCollectorManager(end, EXACT_COUNT_LIMIT))
                    : searcher.search(built.query(), new TopFieldCollectorManager(sort, end, null, EXACT_COUNT_LIMIT));
            long total = top.totalHits.value();
            boolean atLeast = top.totalHits.relation() == TotalHits.Relation.GREATER_THAN_OR_EQUAL_TO;
            List<Long> ids = new ArrayList<>();
            Map<Long, String> snippets = new HashMap<>();
            StoredFields stored = searcher.storedFields();
            Snippets highlighter = built.text() == null ? null : new Snippets(index.analyzer(), built.text());
            for (int i = request.page() * request.pageSize(); i < top.scoreDocs.length; i++) {
                ScoreDoc hit = top.scoreDocs[i];
                Document doc = stored.document(hit.doc, Set.of(TicketFields.ID, TicketFields.SNIPPET_SOURCE));
                long id = Long.parseLong(doc.get(TicketFields.ID));
                ids.add(id);
                String source = doc.get(TicketFields.SNIPPET_SOURCE);
                snippets.put(id, snippet(highlighter, source));
            }
            return new Found(ids, snippets, total, atLeast);
        });
    }

    /** How many tickets match (the Lucene part of a count). */
    static long count(TicketIndex index, TicketQueries.Built built, long timeoutMillis) throws IOException {
        return index.search(shared -> timed(shared, timeoutMillis).count(built.query()));
    }

    @Override
    public long count(int agentId, SearchRequest request) {
        return countTimer.record(() -> timedCount(agentId, request));
    }

    private long timedCount(int agentId, SearchRequest request) {
        TicketIndex index = indexer.index();
        TicketQueries.Built built = queries(index).build(agentId, request);
        try {
            try {
                return count(index, built, properties.queryTimeout().toMillis());
            } catch (AlreadyClosedException e) {
                // The folder was deleted and the index replaced while this count was being prepared.
                return count(indexer.index(), built, properties.queryTimeout().toMillis());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Counting in the index failed", e);
        }
    }

    @Override
    public Optional<Long> ticketWithNumber(int agentId, String query) {
        String number = query == null ? "" : query.strip();
        if (number.isEmpty() || number.length() > 50 || number.chars().anyMatch(Character::isWhitespace)) {
            return Optional.empty();
        }
        return tickets.ticketIdByNumber(number).filter(id -> tickets.canRead(agentId, id));
    }

    @Override
    public SearchIndexStatus status(int agentId) {
        access.requireAdmin(agentId);
        return indexer.status();
    }

    @Override
    public org.jotrs.search.SearchOptions options(int agentId) {
        return lookups.options(agentId);
    }

    @Override
    public void rebuild(int agentId) {
        access.requireAdmin(agentId);
        indexer.startRebuild(null);
    }

    private TicketQueries queries(TicketIndex index) {
        return new TicketQueries(index.analyzer(), lookups, indexer.zone());
    }

    /** A searcher of its own per query, so its time limit is this query's alone. */
    private static IndexSearcher timed(IndexSearcher shared, long timeoutMillis) {
        IndexSearcher searcher = new IndexSearcher(shared.getIndexReader());
        searcher.setTimeout(new QueryTimeoutImpl(timeoutMillis));
        return searcher;
    }

    private String notice() {
        SearchIndexStatus.Rebuild rebuild = indexer.rebuildProgress();
        return rebuild == null ? null : "The search index is being rebuilt (" + rebuild.percent()
                + "% done, newest tickets first): older tickets may be missing from the results.";
    }

    /**
     * Lucene's highlighter, prepared once per page: what depends only on the query (its terms, the
     * automata of prefixes and phrases) is built here, not again for every ticket as
     * {@code highlightWithoutSearcher} does (that was most of a search's time in the benchmark).
     */
    private static final class Snippets extends UnifiedHighlighter {

        private final FieldHighlighter text;

        Snippets(Analyzer analyzer, Query query) {
            super(UnifiedHighlighter.builderWithoutSearcher(analyzer)
                    .withFormatter(new DefaultPassageFormatter("<mark>", "</mark>", " … ", true))
                    .withMaxLength(TicketDocuments.SNIPPET_SOURCE_LIMIT)
                    .withHandleMultiTermQuery(true)
                    .withHighlightPhrasesStrictly(true));
            this.text = getFieldHighlighter(TicketFields.TEXT, query, extractTerms(query), 1);
        }

        Object highlight(String source) throws IOException {
            return text.highlightFieldForDoc(null, -1, source);
        }
    }

    private static String snippet(Snippets highlighter, String source) throws IOException {
        if (source == null || source.isBlank()) {
            return null;
        }
        if (highlighter != null) {
            Object highlighted = highlighter.highlight(source);
            if (highlighted instanceof String text && text.contains("<mark>")) {
                return text.strip();
            }
        }
        String start = source.length() > SNIPPET_FALLBACK_LENGTH
                ? source.substring(0, SNIPPET_FALLBACK_LENGTH) + " …" : source;
        return HtmlUtils.htmlEscape(start);
    }

    private static Sort sort(SearchRequest request) {
        boolean desc = request.descending();
        SortField field = switch (request.sort()) {
            case RELEVANCE -> null;
            case NUMBER -> KeywordField.newSortField(TicketFields.NUMBER, desc, SortedSetSelector.Type.MIN);
            case TITLE -> new SortField(TicketFields.TITLE_SORT, SortField.Type.STRING, desc);
            case CREATED -> LongField.newSortField(TicketFields.CREATED, desc, SortedNumericSelector.Type.MIN);
            case CHANGED -> LongField.newSortField(TicketFields.CHANGED, desc, SortedNumericSelector.Type.MIN);
            case PRIORITY -> IntField.newSortField(TicketFields.PRIORITY, desc, SortedNumericSelector.Type.MIN);
            case PENDING -> {
                SortField pending = LongField.newSortField(TicketFields.PENDING, desc, SortedNumericSelector.Type.MIN);
                pending.setMissingValue(desc ? Long.MIN_VALUE : Long.MAX_VALUE);
                yield pending;
            }
        };
        return field == null ? null : new Sort(field, SortField.FIELD_SCORE);
    }

    /** The page's tickets as the database has them now, in the index's order, only those the agent may read. */
    private List<Hit> rows(int agentId, List<Long> ids, Map<Long, String> snippets) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Set<Long> readable = tickets.readableAmong(agentId, ids);
        Map<Long, Hit> byId = new HashMap<>();
        db.select(TICKET.ID, TICKET.TN, TICKET.TITLE, QUEUE.NAME, TICKET_STATE.NAME, TICKET_PRIORITY.NAME,
                        USERS.LOGIN, TICKET.CUSTOMER_USER_ID, TICKET.CREATE_TIME, TICKET.CHANGE_TIME)
                .from(TICKET)
                .join(QUEUE).on(QUEUE.ID.eq(TICKET.QUEUE_ID))
                .join(TICKET_STATE).on(TICKET_STATE.ID.eq(TICKET.TICKET_STATE_ID))
                .join(TICKET_PRIORITY).on(TICKET_PRIORITY.ID.eq(TICKET.TICKET_PRIORITY_ID))
                .join(USERS).on(USERS.ID.eq(TICKET.USER_ID))
                .where(TICKET.ID.in(readable))
                .forEach(r -> byId.put(r.value1(), new Hit(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(),
                        r.value6(), r.value7(), r.value8(), r.value9(), r.value10(), snippets.get(r.value1()))));
        List<Hit> hits = new ArrayList<>();
        for (Long id : ids) {
            Hit hit = byId.get(id);
            if (hit != null) {
                hits.add(hit);
            }
        }
        return hits;
    }
}
