package org.jotrs.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;

import org.jooq.DSLContext;
import org.jotrs.platform.DatabaseKind;
import org.jotrs.testing.Agents;
import org.jotrs.testing.RunningJotrs;
import org.jotrs.testing.TestDatabase;
import org.jotrs.ticket.TicketAction;
import org.jotrs.ticket.TicketService;
import org.jotrs.testing.OnEveryDatabase;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Two nodes on one PostgreSQL or MariaDB database, each with its own index: a change on one is
 * found on the other, a node catches up from its committed feed position after a restart (without
 * a rebuild), and an index folder that is deleted while running or corrupt at start is rebuilt.
 */
@Tag(OnEveryDatabase.OTHER_DATABASES_TAG)
class SearchIndexNodesTest {

    private static final int ROOT = 1;
    private static final Duration DEADLINE = Duration.ofSeconds(30);

    @ParameterizedTest
    @EnumSource(value = DatabaseKind.class, names = {"POSTGRESQL", "MYSQL"})
    void nodesFollowTheFeedCatchUpAndRebuild(DatabaseKind kind) throws IOException {
        Path indexA = Files.createTempDirectory("jotrs-index-a-");
        Path indexB = Files.createTempDirectory("jotrs-index-b-");
        try (TestDatabase database = TestDatabase.create(kind)) {
            RunningJotrs a = RunningJotrs.start(database, "--jotrs.search.index-path=" + indexA);
            try {
                DSLContext db = a.bean(DSLContext.class);
                Agents.customerCarla(db);
                TicketService tickets = a.bean(TicketService.class);
                TicketSearch searchA = a.bean(TicketSearch.class);
                long first = TicketSearchTest.create(tickets, 2, "Capybara on node A", "The capybara swims.");

                TicketSearch searchB;
                RunningJotrs b = RunningJotrs.start(database, "--jotrs.search.index-path=" + indexB);
                try {
                    searchB = b.bean(TicketSearch.class);
                    TicketSearchTest.await(() -> TicketSearchTest.ids(searchB, ROOT, "capybara").contains(first), DEADLINE);
                    long second = TicketSearchTest.create(tickets, 2, "Second from A", "An okapi appears.");
                    TicketSearchTest.await(() -> TicketSearchTest.ids(searchB, ROOT, "okapi").contains(second), DEADLINE);
                    TicketSearchTest.await(() -> TicketSearchTest.ids(searchA, ROOT, "okapi").contains(second), DEADLINE);
                } finally {
                    b.close();
                }

                // While B is down, A changes things; B catches up from its committed position, no rebuild.
                long whileDown = TicketSearchTest.create(tickets, 2, "Made while B was down", "A narwhal sings.");
                tickets.apply(ROOT, first, new TicketAction.AddNote("Note", "quokka", false));
                b = RunningJotrs.start(database, "--jotrs.search.index-path=" + indexB);
                try {
                    TicketSearch restarted = b.bean(TicketSearch.class);
                    TicketSearchTest.await(() -> TicketSearchTest.ids(restarted, ROOT, "narwhal").contains(whileDown)
                            && TicketSearchTest.ids(restarted, ROOT, "quokka").contains(first), DEADLINE);
                    assertThat(restarted.status(ROOT).rebuild()).as("caught up, not rebuilt").isNull();
                    assertThat(restarted.status(ROOT).documents()).isEqualTo(3);

                    // The folder deleted under a running node: a new index is built from the database.
                    deleteAll(indexB);
                    TicketSearchTest.await(() -> Files.exists(indexB)
                            && TicketSearchTest.ids(restarted, ROOT, "capybara").contains(first)
                            && restarted.status(ROOT).documents() == 3, DEADLINE);
                } finally {
                    b.close();
                }

                // A corrupt index at start: replaced and rebuilt.
                try (Stream<Path> files = Files.list(indexB)) {
                    for (Path file : files.toList()) {
                        if (file.getFileName().toString().startsWith("segments")) {
                            Files.write(file, new byte[] {1, 2, 3, 4, 5, 6, 7, 8});
                        }
                    }
                }
                b = RunningJotrs.start(database, "--jotrs.search.index-path=" + indexB);
                try {
                    TicketSearch rebuilt = b.bean(TicketSearch.class);
                    TicketSearchTest.await(() -> TicketSearchTest.ids(rebuilt, ROOT, "okapi").size() == 1
                            && rebuilt.status(ROOT).rebuild() == null, DEADLINE);
                    assertThat(TicketSearchTest.ids(rebuilt, ROOT, "narwhal")).containsExactly(whileDown);
                } finally {
                    b.close();
                }
            } finally {
                a.close();
            }
        } finally {
            deleteAll(indexA);
            deleteAll(indexB);
        }
    }

    private static void deleteAll(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        }
    }
}
