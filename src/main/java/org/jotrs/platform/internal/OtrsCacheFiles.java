package org.jotrs.platform.internal;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * Where OTRS 6 keeps the disk-cache entries of one ticket, as its Kernel::System::Cache::FileStorable
 * names them: {@code <TempDir>/CacheFileStorable/<Type>/<a>/<b>/<md5>}, where {@code md5} is the
 * hex MD5 of the UTF-8 key and {@code a}, {@code b} its first characters ({@code Cache::SubdirLevels},
 * default 2; {@code TempDir} defaults to {@code <home>/var/tmp}).
 *
 * <p>The entries a Jotrs change makes stale are those OTRS's own {@code _TicketCacheClear} and
 * {@code _ArticleCacheClear} delete when OTRS changes a ticket: TicketGet's row cache
 * ({@code Cache::GetTicket<id>} and its extended/dynamic-field variants, type {@code Ticket}),
 * the ticket's flags ({@code TicketFlag::<id>}, type {@code Ticket}) and its article list
 * ({@code _MetaArticleList::<id>}, type {@code Article}).
 */
final class OtrsCacheFiles {

    /** One cache entry: OTRS's cache type and key. */
    record Entry(String type, String key) {
    }

    private final Path cacheDirectory;
    private final int subdirLevels;

    OtrsCacheFiles(Path otrsHome) {
        this(otrsHome.resolve("var").resolve("tmp").resolve("CacheFileStorable"), 2);
    }

    OtrsCacheFiles(Path cacheDirectory, int subdirLevels) {
        this.cacheDirectory = cacheDirectory;
        this.subdirLevels = subdirLevels;
    }

    Path cacheDirectory() {
        return cacheDirectory;
    }

    /** The entries OTRS clears when it changes the ticket itself. */
    static List<Entry> entriesOf(long ticketId) {
        String getTicket = "Cache::GetTicket" + ticketId;
        return List.of(
                new Entry("Ticket", getTicket),
                new Entry("Ticket", getTicket + "::0::0"),
                new Entry("Ticket", getTicket + "::0::1"),
                new Entry("Ticket", getTicket + "::1::0"),
                new Entry("Ticket", getTicket + "::1::1"),
                new Entry("Ticket", "TicketFlag::" + ticketId),
                new Entry("Article", "_MetaArticleList::" + ticketId));
    }

    /** The file that holds an entry. */
    Path file(Entry entry) {
        String name = md5Hex(entry.key());
        Path directory = cacheDirectory.resolve(entry.type());
        for (int level = 0; level < subdirLevels; level++) {
            directory = directory.resolve(name.substring(level, level + 1));
        }
        return directory.resolve(name);
    }

    private static String md5Hex(String key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is part of every Java runtime", e);
        }
    }
}
