package org.jotrs.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.BooleanSupplier;

import org.jooq.DSLContext;
import org.jotrs.platform.DatabaseKind;
import org.jotrs.testing.Agents;
import org.jotrs.testing.Groups;
import org.jotrs.testing.Roles;
import org.jotrs.testing.RunningJotrs;
import org.jotrs.testing.TestDatabase;
import org.jotrs.ticket.NewPhoneTicket;
import org.jotrs.ticket.TicketAction;
import org.jotrs.ticket.TicketService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Search through the facade on H2: the query language, languages, snippets, bad input and permissions. */
class TicketSearchTest {

    static final int ROOT = 1;

    private static TestDatabase database;
    private static RunningJotrs jotrs;
    private static DSLContext db;
    private static TicketService tickets;
    private static TicketSearch search;

    @BeforeAll
    static void start() {
        database = TestDatabase.create(DatabaseKind.H2);
        // A feed poll far slower than the default: this node's own changes must reach the index by
        // the wake after their commit (aNewArticleIsFoundWithinASecond), not by the poll.
        jotrs = RunningJotrs.start(database, "--jotrs.change-feed.poll-interval=10s");
        db = jotrs.bean(DSLContext.class);
        tickets = jotrs.bean(TicketService.class);
        search = jotrs.bean(TicketSearch.class);
        Agents.customerCarla(db);
    }

    @AfterAll
    static void stop() {
        jotrs.close();
        database.close();
    }

    static long create(TicketService tickets, int queueId, String title, String body) {
        return tickets.createPhoneTicket(ROOT, new NewPhoneTicket(queueId, "carla", title, body, null, null, null))
                .ticketId();
    }

    static List<Long> ids(TicketSearch search, int agent, String query) {
        return search.search(agent, SearchRequest.of(query)).hits().stream().map(SearchResult.Hit::ticketId).toList();
    }

    /** Polls until the condition holds; fails after the deadline. */
    static Duration await(BooleanSupplier condition, Duration deadline) {
        Instant start = Instant.now();
        while (!condition.getAsBoolean()) {
            if (Duration.between(start, Instant.now()).compareTo(deadline) > 0) {
                throw new AssertionError("not true within " + deadline);
            }
            Thread.onSpinWait();
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        return Duration.between(start, Instant.now());
    }

    private static String number(long ticketId) {
        return db.fetchSingle("SELECT tn FROM ticket WHERE id = ?", ticketId).get(0, String.class);
    }

    @Test
    void findsByWordsPhrasesFieldsAndLanguages() {
        long printer = create(tickets, 2, "Printer on fire", "The quarterly invoices for Müller were printed twice.");
        long german = create(tickets, 2, "Rechnungen für März", "Die Rechnungen wurden nicht bezahlt und der Kunde ist verärgert.");
        long french = create(tickets, 4, "Problème de connexion", "Les utilisateurs ne peuvent pas se connecter depuis les nouvelles imprimantes.");
        long cjk = create(tickets, 4, "打印机故障", "打印机无法连接到网络");
        tickets.apply(ROOT, german, new TicketAction.AddNote("Follow-up call", "Customer phoned about the zeppelin dashboard", false));
        await(() -> ids(search, ROOT, "zeppelin").contains(german), Duration.ofSeconds(10));

        assertThat(search.search(ROOT, SearchRequest.of("invoice")).hits()).extracting(SearchResult.Hit::title)
                .as("English stemming").containsExactly("Printer on fire");
        assertThat(ids(search, ROOT, "muller")).as("accents folded").containsExactly(printer);
        assertThat(ids(search, ROOT, "Rechnung")).as("German stemming").containsExactly(german);
        assertThat(ids(search, ROOT, "imprimante")).as("French stemming").containsExactly(french);
        assertThat(ids(search, ROOT, "打印")).as("CJK bigrams").containsExactly(cjk);
        assertThat(ids(search, ROOT, "\"quarterly invoices\"")).containsExactly(printer);
        assertThat(ids(search, ROOT, "\"invoices quarterly\"")).isEmpty();
        assertThat(ids(search, ROOT, "printer fire")).containsExactly(printer);
        assertThat(ids(search, ROOT, "printer zeppelin")).as("all words must match").isEmpty();
        assertThat(ids(search, ROOT, "printer OR zeppelin")).containsExactlyInAnyOrder(printer, german);
        assertThat(ids(search, ROOT, "utilisateurs OR quarterly -quarterly")).containsExactly(french);
        assertThat(ids(search, ROOT, "queue:Misc carla")).containsExactlyInAnyOrder(french, cjk);
        assertThat(ids(search, ROOT, "state:closed carla")).isEmpty();
        assertThat(ids(search, ROOT, "state:open zeppelin")).containsExactly(german);
        assertThat(ids(search, ROOT, "customer:ACME invoices")).containsExactly(printer);
        assertThat(ids(search, ROOT, "subject:follow-up")).containsExactly(german);
        assertThat(ids(search, ROOT, "owner:root@localhost zeppelin")).containsExactly(german);
        assertThat(ids(search, ROOT, "tn:" + number(printer))).containsExactly(printer);
        assertThat(ids(search, ROOT, number(cjk))).as("a bare ticket number").containsExactly(cjk);
        assertThat(search.ticketWithNumber(ROOT, " " + number(french) + " ")).contains(french);
        assertThat(search.ticketWithNumber(ROOT, "printer")).isEmpty();

        SearchResult typed = search.search(ROOT, SearchRequest.typing("quarterly invo", 5));
        assertThat(typed.hits()).extracting(SearchResult.Hit::ticketId).containsExactly(printer);
        assertThat(typed.hits().getFirst().snippet()).contains("<mark>quarterly</mark>").contains("<mark>invoices</mark>");
        assertThat(typed.hits().getFirst().queue()).isEqualTo("Raw");
        // Typed starts: up to five letters one term of the prefix field, longer ones expanded; numbers from 3 digits.
        assertThat(search.search(ROOT, SearchRequest.typing("printed qu", 5)).hits())
                .extracting(SearchResult.Hit::ticketId).containsExactly(printer);
        assertThat(search.search(ROOT, SearchRequest.typing("printed quarter", 5)).hits())
                .extracting(SearchResult.Hit::ticketId).containsExactly(printer);
        assertThat(search.search(ROOT, SearchRequest.typing("verärg", 5)).hits())
                .extracting(SearchResult.Hit::ticketId).as("accents folded in a typed start").containsExactly(german);
        String printerNumber = number(printer);
        assertThat(search.search(ROOT, SearchRequest.typing(printerNumber.substring(0, printerNumber.length() - 1), 50))
                .hits()).extracting(SearchResult.Hit::ticketId).contains(printer);
        assertThat(ids(search, ROOT, "tn:" + printerNumber.substring(0, 4))).contains(printer);
        assertThat(search.search(ROOT, SearchRequest.typing("zzq", 5)).hits()).isEmpty();
        assertThat(search.count(ROOT, SearchRequest.of("carla"))).isGreaterThanOrEqualTo(4);
    }

    @Test
    void filtersSortAndPages() {
        long low = tickets.createPhoneTicket(ROOT, new NewPhoneTicket(2, "carla", "Alpha sortable", "walrus", "1 very low",
                null, null)).ticketId();
        long high = tickets.createPhoneTicket(ROOT, new NewPhoneTicket(3, "carla", "Beta sortable", "walrus", "5 very high",
                null, null)).ticketId();
        tickets.apply(ROOT, high, new TicketAction.Lock());
        await(() -> search.count(ROOT, new SearchRequest("walrus", false, null, null, null, null, null, null, null,
                null, null, null, null, null, null, true, null, false, 0, 25)) == 1, Duration.ofSeconds(10));

        SearchRequest byTitleDesc = new SearchRequest("walrus", false, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null, SearchSort.TITLE, true, 0, 25);
        assertThat(search.search(ROOT, byTitleDesc).hits()).extracting(SearchResult.Hit::ticketId).containsExactly(high, low);
        SearchRequest inRaw = new SearchRequest("walrus", false, java.util.Set.of(2), null, null, null, null, null,
                null, null, null, null, null, null, null, null, SearchSort.CREATED, false, 0, 25);
        assertThat(search.search(ROOT, inRaw).hits()).extracting(SearchResult.Hit::ticketId).containsExactly(low);
        SearchRequest newOnes = new SearchRequest("walrus", false, null, null, java.util.Set.of("open"), null, null,
                null, null, null, null, null, null, null, null, false, SearchSort.PRIORITY, true, 0, 1);
        SearchResult page = search.search(ROOT, newOnes);
        assertThat(page.total()).isEqualTo(1);
        assertThat(page.hits()).extracting(SearchResult.Hit::ticketId).containsExactly(low);
        SearchRequest secondPage = byTitleDesc.withPage(1, 1);
        assertThat(search.search(ROOT, secondPage).hits()).extracting(SearchResult.Hit::ticketId).containsExactly(low);
        assertThat(search.search(ROOT, secondPage).pages()).isEqualTo(2);
    }

    @Test
    void badInputGetsAMessageNeverAnError() {
        assertThatThrownBy(() -> search.search(ROOT, SearchRequest.of("*"))).isInstanceOf(InvalidSearch.class)
                .hasMessageContaining("*");
        assertThatThrownBy(() -> search.search(ROOT, SearchRequest.of("*voice"))).isInstanceOf(InvalidSearch.class)
                .hasMessageContaining("only end a word");
        assertThatThrownBy(() -> search.search(ROOT, SearchRequest.of("in*voice"))).isInstanceOf(InvalidSearch.class);
        assertThatThrownBy(() -> search.search(ROOT, SearchRequest.of("a*"))).isInstanceOf(InvalidSearch.class)
                .hasMessageContaining("at least 2");
        assertThatThrownBy(() -> search.search(ROOT, SearchRequest.of("x".repeat(501)))).isInstanceOf(InvalidSearch.class)
                .hasMessageContaining("too long");
        assertThatThrownBy(() -> search.search(ROOT, SearchRequest.of("a ".repeat(40)))).isInstanceOf(InvalidSearch.class)
                .hasMessageContaining("too many");
        assertThatThrownBy(() -> search.search(ROOT, SearchRequest.of("queue:Nowhere"))).isInstanceOf(InvalidSearch.class)
                .hasMessageContaining("No queue matches “Nowhere”");
        assertThatThrownBy(() -> search.search(ROOT, SearchRequest.of("carla").withPage(500, 25)))
                .isInstanceOf(InvalidSearch.class);
        for (String odd : List.of("\"", "\"\"", "-", "OR", "OR OR", "((( ) ]]", "queue:", "from:\"", "a OR", "-\"x\"",
                "état:ouvert", "http://example.com/x?y=1", "\\", "+-!&|", "ab*")) {
            search.search(ROOT, SearchRequest.of(odd));
            search.search(ROOT, SearchRequest.typing(odd, 5));
        }
    }

    @Test
    void resultsOnlyHoldTicketsTheAgentMayRead() {
        int red = Groups.group(db, "search-red");
        int blue = Groups.group(db, "search-blue");
        int redQueue = Agents.queue(db, "Search Red", red);
        int blueQueue = Agents.queue(db, "Search Blue", blue);
        Agents.grant(db, ROOT, red, "rw");
        Agents.grant(db, ROOT, blue, "rw");
        int alice = Agents.agent(db, "search-alice", "Alice", "Red");
        int bob = Agents.agent(db, "search-bob", "Bob", "Blue");
        int carol = Agents.agent(db, "search-carol", "Carol", "Role");
        Agents.grant(db, alice, red, "ro");
        Agents.grant(db, alice, blue, "owner");
        Agents.grant(db, bob, blue, "rw");
        int role = role("search-blue-readers", blue, "ro");
        Roles.member(db, role, carol);

        long redTicket = create(tickets, redQueue, "Kumquat red", "kumquat");
        long blueTicket = create(tickets, blueQueue, "Kumquat blue", "kumquat");
        long blueOwnedByAlice = create(tickets, blueQueue, "Kumquat owned", "kumquat");
        tickets.apply(ROOT, blueOwnedByAlice, new TicketAction.ChangeOwner(alice));
        await(() -> ids(search, ROOT, "kumquat").size() == 3 && ids(search, alice, "kumquat").size() == 2,
                Duration.ofSeconds(10));

        assertThat(ids(search, alice, "kumquat")).containsExactlyInAnyOrder(redTicket, blueOwnedByAlice);
        assertThat(search.count(alice, SearchRequest.of("kumquat"))).isEqualTo(2);
        assertThat(ids(search, bob, "kumquat")).containsExactlyInAnyOrder(blueTicket, blueOwnedByAlice);
        assertThat(ids(search, carol, "kumquat")).as("ro through a role").containsExactlyInAnyOrder(blueTicket,
                blueOwnedByAlice);
        assertThat(search.count(carol, SearchRequest.of("kumquat"))).isEqualTo(2);
        assertThat(search.ticketWithNumber(bob, number(redTicket))).isEmpty();

        // A permission change counts from the next search, without any re-indexing.
        Agents.grant(db, bob, red, "ro");
        assertThat(ids(search, bob, "kumquat")).containsExactlyInAnyOrder(redTicket, blueTicket, blueOwnedByAlice);
        db.execute("DELETE FROM role_user WHERE user_id = ?", carol);
        assertThat(ids(search, carol, "kumquat")).isEmpty();
        assertThat(search.count(carol, SearchRequest.of("kumquat"))).isZero();

        // Moving a ticket away: the index follows within a moment, and no page ever shows it meanwhile.
        tickets.apply(ROOT, redTicket, new TicketAction.MoveToQueue(blueQueue));
        assertThat(ids(search, alice, "kumquat")).doesNotContain(redTicket);
        await(() -> search.count(alice, SearchRequest.of("kumquat")) == 1, Duration.ofSeconds(10));
    }

    @Test
    void aNewArticleIsFoundWithinASecond() {
        long ticket = create(tickets, 2, "Latency probe", "nothing special");
        await(() -> ids(search, ROOT, "\"latency probe\"").contains(ticket), Duration.ofSeconds(10));
        tickets.apply(ROOT, ticket, new TicketAction.AddNote("Probe", "xylophone", false));
        Duration took = await(() -> ids(search, ROOT, "xylophone").contains(ticket), Duration.ofSeconds(10));
        assertThat(took).as("found after the commit, with the feed polled only every 10 s")
                .isLessThan(Duration.ofSeconds(1));
    }

    private static int role(String name, int groupId, String permission) {
        int id = Roles.role(db, name);
        Roles.grant(db, id, groupId, permission);
        return id;
    }
}
