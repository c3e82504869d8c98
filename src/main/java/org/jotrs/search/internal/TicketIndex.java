package org.jotrs.search.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.stream.Stream;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.LongField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.NativeFSLockFactory;
import org.jotrs.search.internal.TicketSource.TicketData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Lucene index of this node: writer, near-real-time searcher, and the data committed with it
 * (feed position, generation, rebuild progress). An index that cannot be opened (missing, corrupt,
 * of another version) is replaced by an empty one, and the caller rebuilds it.
 *
 * <p>Writes from the feed and from a rebuild must not undo each other: a rebuild reads a batch,
 * then writes it, and a change may have been indexed from the feed in between. So both write under
 * one lock, the feed reads the database inside it, and a rebuild skips tickets the feed has written
 * since the rebuild began (the feed's copy is at least as new). The rebuild's writers share the
 * lock among themselves (each analyses its own batch, on its own core) and the feed holds it alone.
 */
final class TicketIndex implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(TicketIndex.class);

    static final String POSITION = "jotrs.feed.position";
    static final String GAPS = "jotrs.feed.gaps";
    static final String GENERATION = "jotrs.generation";
    static final String SCHEMA = "jotrs.schema";
    static final String REBUILD_NEXT = "jotrs.rebuild.next";
    static final String REBUILD_TOTAL = "jotrs.rebuild.total";
    static final String REBUILD_DONE = "jotrs.rebuild.done";

    private final Path path;
    private final Analyzer analyzer;
    private final ZoneId zone;
    /** Shared by a rebuild's writers, exclusive for the feed and the start and end of a rebuild. */
    private final ReentrantReadWriteLock writes = new ReentrantReadWriteLock();
    private final Set<Long> writtenByFeed = ConcurrentHashMap.newKeySet();
    private volatile boolean rebuilding;
    private volatile long generation;
    private final Directory directory;
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private final Map<String, String> opened;
    private final boolean fresh;

    private TicketIndex(Path path, Analyzer analyzer, ZoneId zone, Directory directory, IndexWriter writer,
            Map<String, String> opened, boolean fresh) throws IOException {
        this.path = path;
        this.analyzer = analyzer;
        this.zone = zone;
        this.directory = directory;
        this.writer = writer;
        this.opened = opened;
        this.fresh = fresh;
        this.searchers = new SearcherManager(writer, null);
        this.generation = Long.parseLong(opened.getOrDefault(GENERATION, "1"));
    }

    /** Opens the index at the path, or creates an empty one there if it cannot be used. */
    static TicketIndex open(Path path, Analyzer analyzer, ZoneId zone) {
        try {
            Files.createDirectories(path);
            Directory directory = FSDirectory.open(path, NativeFSLockFactory.INSTANCE);
            Map<String, String> data = Map.of();
            boolean usable = false;
            if (DirectoryReader.indexExists(directory)) {
                try {
                    SegmentInfos infos = SegmentInfos.readLatestCommit(directory);
                    data = infos.getUserData();
                    usable = TicketFields.SCHEMA_VERSION.equals(data.get(SCHEMA)) && data.containsKey(POSITION);
                    if (!usable) {
                        log.warn("Search index at {} is of another version or incomplete; it is rebuilt", path);
                    } else {
                        try (DirectoryReader reader = DirectoryReader.open(directory)) {
                            log.info("Search index at {} opened: {} tickets", path, reader.numDocs());
                        }
                    }
                } catch (IOException | RuntimeException e) {
                    log.warn("Search index at {} cannot be read ({}); it is rebuilt", path, e.toString());
                    usable = false;
                }
            }
            if (!usable) {
                directory.close();
                clear(path);
                directory = FSDirectory.open(path, NativeFSLockFactory.INSTANCE);
                data = Map.of();
            }
            IndexWriterConfig config = new IndexWriterConfig(analyzer)
                    .setOpenMode(usable ? IndexWriterConfig.OpenMode.APPEND : IndexWriterConfig.OpenMode.CREATE)
                    .setRAMBufferSizeMB(64);
            IndexWriter writer = new IndexWriter(directory, config);
            return new TicketIndex(path, analyzer, zone, directory, writer, data, !usable);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot open the search index at " + path, e);
        }
    }

    private static void clear(Path path) throws IOException {
        if (!Files.isDirectory(path)) {
            Files.createDirectories(path);
            return;
        }
        try (Stream<Path> files = Files.list(path)) {
            for (Path file : files.toList()) {
                Files.deleteIfExists(file);
            }
        }
    }

    /** Whether this index was created empty at open (so it needs a rebuild from the database). */
    boolean fresh() {
        return fresh;
    }

    /** The data of the commit this index was opened from. */
    Map<String, String> openedWith() {
        return opened;
    }

    Path path() {
        return path;
    }

    Analyzer analyzer() {
        return analyzer;
    }

    /** Whether the folder still holds this index's last commit (someone may delete it while we run). */
    boolean stillOnDisk() {
        try {
            String last = SegmentInfos.getLastCommitSegmentsFileName(directory.listAll());
            return last != null && Files.exists(path.resolve(last));
        } catch (NoSuchFileException e) {
            return false;
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Indexes the current state of these tickets, read from the database inside the write lock;
     * tickets that no longer exist are removed.
     */
    void applyFromFeed(Collection<Long> ticketIds, TicketSource source) throws IOException {
        writes.writeLock().lock();
        try {
            Map<Long, TicketData> current = source.tickets(ticketIds);
            for (Long id : ticketIds) {
                TicketData ticket = current.get(id);
                if (ticket == null) {
                    writer.deleteDocuments(new Term(TicketFields.ID, Long.toString(id)));
                } else {
                    writer.updateDocument(new Term(TicketFields.ID, Long.toString(id)),
                            TicketDocuments.of(ticket, generation, zone));
                }
                if (rebuilding) {
                    writtenByFeed.add(id);
                }
            }
        } finally {
            writes.writeLock().unlock();
        }
        searchers.maybeRefreshBlocking();
    }

    /** Writes a batch a rebuild read, except tickets the feed wrote since the rebuild began. */
    void applyFromRebuild(Map<Long, TicketData> batch) throws IOException {
        Map<Long, org.apache.lucene.document.Document> docs = new HashMap<>(batch.size() * 2);
        long gen = generation;
        batch.forEach((id, ticket) -> docs.put(id, TicketDocuments.of(ticket, gen, zone)));
        // The analysis happens in updateDocument: under the shared lock, so several batches at once.
        writes.readLock().lock();
        try {
            for (Map.Entry<Long, org.apache.lucene.document.Document> doc : docs.entrySet()) {
                if (!writtenByFeed.contains(doc.getKey())) {
                    writer.updateDocument(new Term(TicketFields.ID, Long.toString(doc.getKey())), doc.getValue());
                }
            }
        } finally {
            writes.readLock().unlock();
        }
    }

    /** A rebuild begins: later writes carry a new generation, so what it did not rewrite can be removed at its end. */
    long beginRebuild(Long resumedGeneration) {
        writes.writeLock().lock();
        try {
            writtenByFeed.clear();
            rebuilding = true;
            generation = resumedGeneration != null ? resumedGeneration : generation + 1;
            return generation;
        } finally {
            writes.writeLock().unlock();
        }
    }

    /** Removes documents of tickets the rebuild did not find (deleted while the index was away). */
    void endRebuild() throws IOException {
        writes.writeLock().lock();
        try {
            writer.deleteDocuments(LongField.newRangeQuery(TicketFields.GENERATION, Long.MIN_VALUE, generation - 1));
            rebuilding = false;
            writtenByFeed.clear();
        } finally {
            writes.writeLock().unlock();
        }
        searchers.maybeRefreshBlocking();
    }

    long generation() {
        return generation;
    }

    void refresh() throws IOException {
        searchers.maybeRefreshBlocking();
    }

    /** Makes everything written so far durable, with the given data (feed position, rebuild progress). */
    void commit(Map<String, String> data) throws IOException {
        Map<String, String> all = new HashMap<>(data);
        all.put(SCHEMA, TicketFields.SCHEMA_VERSION);
        all.put(GENERATION, Long.toString(generation));
        writer.setLiveCommitData(all.entrySet());
        writer.commit();
    }

    interface SearcherWork<T> {
        T run(IndexSearcher searcher) throws IOException;
    }

    <T> T search(SearcherWork<T> work) throws IOException {
        IndexSearcher searcher = searchers.acquire();
        try {
            return work.run(searcher);
        } finally {
            searchers.release(searcher);
        }
    }

    long documents() {
        return writer.getDocStats().numDocs;
    }

    long sizeOnDisk() {
        try (Stream<Path> files = Files.list(path)) {
            return files.mapToLong(file -> {
                try {
                    return Files.size(file);
                } catch (IOException e) {
                    return 0;
                }
            }).sum();
        } catch (IOException e) {
            return 0;
        }
    }

    @Override
    public void close() {
        try {
            searchers.close();
        } catch (IOException | RuntimeException e) {
            log.warn("Closing the search index's searchers failed: {}", e.toString());
        }
        try {
            writer.close();
        } catch (IOException | RuntimeException e) {
            log.warn("Closing the search index failed: {}", e.toString());
            try {
                writer.rollback();
            } catch (IOException | RuntimeException ignored) {
                // the index is being given up anyway
            }
        }
        try {
            directory.close();
        } catch (IOException e) {
            log.warn("Closing the search index folder failed: {}", e.toString());
        }
    }
}
