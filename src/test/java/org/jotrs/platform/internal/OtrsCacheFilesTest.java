package org.jotrs.platform.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

/**
 * The cache files of a ticket are where OTRS 6's FileStorable backend puts them. The expected paths
 * were made with Perl's Digest::MD5, as FileStorable's _GetFilenameAndCacheDirectory does:
 * {@code perl -MDigest::MD5=md5_hex -e 'print md5_hex("Cache::GetTicket42")'}.
 */
class OtrsCacheFilesTest {

    private final OtrsCacheFiles files = new OtrsCacheFiles(Path.of("/opt/otrs"));

    @Test
    void entriesAreWhereOtrsFileStorableKeepsThem() {
        assertThat(files.file(new OtrsCacheFiles.Entry("Ticket", "Cache::GetTicket42"))).isEqualTo(
                Path.of("/opt/otrs/var/tmp/CacheFileStorable/Ticket/5/8/58a3da626bf1fd6a9ab47156b30ca120"));
        assertThat(files.file(new OtrsCacheFiles.Entry("Ticket", "Cache::GetTicket42::1::1"))).isEqualTo(
                Path.of("/opt/otrs/var/tmp/CacheFileStorable/Ticket/f/2/f265077b6f46835d4705e35161af9a8e"));
        assertThat(files.file(new OtrsCacheFiles.Entry("Article", "_MetaArticleList::42"))).isEqualTo(
                Path.of("/opt/otrs/var/tmp/CacheFileStorable/Article/2/6/263909196c826a6c86be1f0d068bad62"));
        assertThat(new OtrsCacheFiles(Path.of("/c"), 0).file(new OtrsCacheFiles.Entry("Ticket", "TicketFlag::42")))
                .as("Cache::SubdirLevels 0").isEqualTo(Path.of("/c/Ticket/597ce1e710fb8392c7271d835ab8147f"));
    }

    @Test
    void aTicketsEntriesAreThoseOtrsClearsWhenItChangesTheTicket() {
        assertThat(OtrsCacheFiles.entriesOf(42)).extracting(OtrsCacheFiles.Entry::key).containsExactly(
                "Cache::GetTicket42", "Cache::GetTicket42::0::0", "Cache::GetTicket42::0::1",
                "Cache::GetTicket42::1::0", "Cache::GetTicket42::1::1", "TicketFlag::42", "_MetaArticleList::42");
    }
}
