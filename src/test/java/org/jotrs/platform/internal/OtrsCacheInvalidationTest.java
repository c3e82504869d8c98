package org.jotrs.platform.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.jooq.DSLContext;
import org.jotrs.platform.DatabaseKind;
import org.jotrs.testing.RunningJotrs;
import org.jotrs.testing.TestDatabase;
import org.jotrs.ticket.NewPhoneTicket;
import org.jotrs.ticket.TicketAction;
import org.jotrs.ticket.TicketService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Given OTRS's home directory, a change Jotrs commits removes exactly that ticket's entries from
 * OTRS's disk cache (at the paths OTRS's FileStorable uses, {@link OtrsCacheFilesTest}); other
 * tickets' entries stay.
 */
class OtrsCacheInvalidationTest {

    private static final int ROOT = 1;

    @TempDir
    Path otrsHome;

    @Test
    void aChangedTicketsCacheEntriesAreDeletedAndOthersKept() throws Exception {
        try (TestDatabase database = TestDatabase.create(DatabaseKind.H2);
                RunningJotrs jotrs = RunningJotrs.start(database, "--jotrs.otrs.home=" + otrsHome)) {
            DSLContext db = jotrs.bean(DSLContext.class);
            TicketService tickets = jotrs.bean(TicketService.class);
            db.execute("INSERT INTO customer_user (login, email, customer_id, first_name, last_name, valid_id,"
                    + " create_time, create_by, change_time, change_by) VALUES ('carla', 'carla@example.com', 'ACME',"
                    + " 'Carla', 'Customer', 1, CURRENT_TIMESTAMP, 1, CURRENT_TIMESTAMP, 1)");
            long ticketId = tickets.createPhoneTicket(ROOT,
                    new NewPhoneTicket(2, "carla", "Laptop broken", "Screen is black.", null, null, null)).ticketId();
            OtrsCacheFiles files = new OtrsCacheFiles(otrsHome);
            List<Path> changed = cacheAsOtrsWould(files, ticketId);
            List<Path> untouched = cacheAsOtrsWould(files, ticketId + 1000);

            tickets.apply(ROOT, ticketId, new TicketAction.ChangePriority("5 very high"));

            Instant deadline = Instant.now().plus(Duration.ofSeconds(15));
            while (changed.stream().anyMatch(Files::exists) && Instant.now().isBefore(deadline)) {
                Thread.sleep(20);
            }
            assertThat(changed).noneMatch(Files::exists);
            assertThat(untouched).allMatch(Files::exists);

            // OTRS caching the old row again right after the first deletion is undone by the second.
            List<Path> cachedAgain = cacheAsOtrsWould(files, ticketId);
            deadline = Instant.now().plus(Duration.ofMillis(OtrsCacheInvalidation.SECOND_DELETION_DELAY_MS + 10_000));
            while (cachedAgain.stream().anyMatch(Files::exists) && Instant.now().isBefore(deadline)) {
                Thread.sleep(50);
            }
            assertThat(cachedAgain).noneMatch(Files::exists);
        }
    }

    private static List<Path> cacheAsOtrsWould(OtrsCacheFiles files, long ticketId) throws Exception {
        List<Path> written = OtrsCacheFiles.entriesOf(ticketId).stream().map(files::file).toList();
        for (Path file : written) {
            Files.createDirectories(file.getParent());
            Files.write(file, new byte[] {'p', 's', 't', '0'});
        }
        return written;
    }
}
