package org.jotrs.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jotrs.platform.db.schema.Tables.ARTICLE;
import static org.jotrs.platform.db.schema.Tables.ARTICLE_DATA_MIME;
import static org.jotrs.platform.db.schema.Tables.ARTICLE_DATA_MIME_PLAIN;
import static org.jotrs.platform.db.schema.Tables.ARTICLE_FLAG;
import static org.jotrs.platform.db.schema.Tables.ARTICLE_SENDER_TYPE;
import static org.jotrs.platform.db.schema.Tables.COMMUNICATION_CHANNEL;
import static org.jotrs.platform.db.schema.Tables.LINK_RELATION;
import static org.jotrs.platform.db.schema.Tables.LINK_STATE;
import static org.jotrs.platform.db.schema.Tables.LINK_TYPE;
import static org.jotrs.platform.db.schema.Tables.MAIL_QUEUE;
import static org.jotrs.platform.db.schema.Tables.QUEUE;
import static org.jotrs.platform.db.schema.Tables.TICKET;
import static org.jotrs.platform.db.schema.Tables.TICKET_FLAG;
import static org.jotrs.platform.db.schema.Tables.TICKET_HISTORY;
import static org.jotrs.platform.db.schema.Tables.TICKET_HISTORY_TYPE;
import static org.jotrs.platform.db.schema.Tables.TICKET_LOCK_TYPE;
import static org.jotrs.platform.db.schema.Tables.TICKET_PRIORITY;
import static org.jotrs.platform.db.schema.Tables.TICKET_STATE;
import static org.jotrs.platform.db.schema.Tables.TIME_ACCOUNTING;
import static org.jotrs.platform.db.schema.Tables.USERS;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.jooq.DSLContext;
import org.jotrs.platform.DatabaseKind;
import org.jotrs.testing.AheadClock;
import org.jotrs.testing.Agents;
import org.jotrs.testing.OnEveryDatabase;
import org.jotrs.testing.RunningJotrs;
import org.jotrs.testing.TestDatabase;
import org.springframework.core.io.ClassPathResource;

/**
 * Side by side with OTRS: for each agent action, the rows Jotrs writes ({@code ticket},
 * {@code ticket_history} types, names and order, {@code article}, {@code ticket_flag},
 * {@code article_flag}, {@code time_accounting}, {@code link_relation}) equal the rows OTRS 6
 * writes for the same action. The expected rows are fixtures in {@code src/test/resources/otrs-rows},
 * written for this project from OTRS's source (Kernel/System/Ticket.pm, Ticket/Article/Backend/
 * MIMEBase.pm, the ticket event modules TicketNewMessageUpdate and TicketPendingTimeReset, the
 * agent screens AgentTicketPhone, AgentTicketEmail, AgentTicketCompose, AgentTicketActionCommon,
 * AgentTicketLock, and LinkObject/Ticket.pm); each file names the OTRS code it follows. An
 * article's {@code plain} counts its {@code article_data_mime_plain} rows: OTRS keeps the raw
 * message of every mail it sends or receives. Rows are
 * normalised for ids, numbers and times: tickets are {@code T1, T2}, their numbers {@code TN1, TN2},
 * articles {@code A1, A2, ...} in creation order, agents by login; {@code timeout} and
 * {@code until} are {@code 0} or {@code set}.
 *
 * <p>Every action starts in a new second: OTRS resets the unlock timeout only when the second
 * changed, and so does Jotrs; two actions in one second would write one row. The application runs
 * on a clock the test moves to the next second before each action, instead of waiting for it.
 */
class OtrsSideBySideTest {

    private static final AheadClock CLOCK = new AheadClock();

    private static final LocalDateTime PENDING_UNTIL = LocalDateTime.of(2031, 5, 6, 7, 8);

    /** One agent action on fresh tickets: the scenario's name is its fixture's. */
    private record Scenario(String name, Function<Fixture, List<Long>> run) {
    }

    /** What every scenario starts from: two agents with rw on the users group, a customer. */
    private record Fixture(TicketService tickets, int anna, int bob) {

        /** A phone ticket anna takes from carla in Raw, as in base.txt. */
        long phoneTicket(String title) {
            next();
            return tickets.createPhoneTicket(anna, new NewPhoneTicket(2, "carla", title, "The printer jams.", null,
                    "open", null)).ticketId();
        }

        void apply(int agent, long ticketId, TicketAction action) {
            next();
            tickets.apply(agent, ticketId, action);
        }
    }

    private static final List<Scenario> SCENARIOS = List.of(
            new Scenario("phone-ticket", f -> List.of(f.phoneTicket("Printer jams"))),
            new Scenario("phone-ticket-with-owner", f -> {
                next();
                return List.of(f.tickets().createPhoneTicket(f.anna(), new NewPhoneTicket(2, "carla", "Printer jams",
                        "The printer jams.", null, "open", null, List.of(), null, f.bob(), null)).ticketId());
            }),
            new Scenario("email-ticket", f -> {
                next();
                return List.of(f.tickets().createEmailTicket(f.anna(), new NewEmailTicket(2, "carla", null, null,
                        "Your printer", "We will send a technician.", null, "open", null, null, null, null,
                        List.of())).ticketId());
            }),
            new Scenario("note", f -> {
                long ticket = f.phoneTicket("Printer jams");
                f.apply(f.bob(), ticket, new TicketAction.AddNote("Note", "Ordered toner.", false));
                return List.of(ticket);
            }),
            new Scenario("time-accounting", f -> {
                long ticket = f.phoneTicket("Printer jams");
                f.apply(f.anna(), ticket, new TicketAction.AddNote("Note", "Cleaned the rollers.", false,
                        new BigDecimal("1.5")));
                return List.of(ticket);
            }),
            new Scenario("reply", f -> {
                long ticket = f.phoneTicket("Printer jams");
                f.apply(f.anna(), ticket, new TicketAction.Lock());
                f.apply(f.anna(), ticket, new TicketAction.SendMail(TicketAction.MailKind.REPLY, null,
                        "carla@example.com", null, null, "Printer jams", "A technician comes tomorrow.", null));
                return List.of(ticket);
            }),
            new Scenario("forward", f -> {
                long ticket = f.phoneTicket("Printer jams");
                f.apply(f.anna(), ticket, new TicketAction.Lock());
                f.apply(f.anna(), ticket, new TicketAction.SendMail(TicketAction.MailKind.FORWARD, null,
                        "service@printers.example", "boss@example.com", null, "Printer jams", "Please repair.", null));
                return List.of(ticket);
            }),
            new Scenario("close", f -> {
                long ticket = f.phoneTicket("Printer jams");
                f.apply(f.anna(), ticket, new TicketAction.Lock());
                f.apply(f.anna(), ticket, new TicketAction.ChangeState("closed successful", null));
                return List.of(ticket);
            }),
            new Scenario("pending", f -> {
                long ticket = f.phoneTicket("Printer jams");
                f.apply(f.anna(), ticket, new TicketAction.ChangeState("pending reminder", PENDING_UNTIL));
                return List.of(ticket);
            }),
            new Scenario("pending-then-open", f -> {
                long ticket = f.phoneTicket("Printer jams");
                f.apply(f.anna(), ticket, new TicketAction.ChangeState("pending reminder", PENDING_UNTIL));
                f.apply(f.anna(), ticket, new TicketAction.ChangeState("open", null));
                return List.of(ticket);
            }),
            new Scenario("owner", f -> {
                long ticket = f.phoneTicket("Printer jams");
                f.apply(f.anna(), ticket, new TicketAction.ChangeOwner(f.bob()));
                return List.of(ticket);
            }),
            new Scenario("lock-unlock", f -> {
                long ticket = f.phoneTicket("Printer jams");
                f.apply(f.bob(), ticket, new TicketAction.Lock());
                f.apply(f.bob(), ticket, new TicketAction.Unlock());
                return List.of(ticket);
            }),
            new Scenario("move", f -> {
                long ticket = f.phoneTicket("Printer jams");
                f.apply(f.anna(), ticket, new TicketAction.MoveToQueue(4));
                return List.of(ticket);
            }),
            new Scenario("priority", f -> {
                long ticket = f.phoneTicket("Printer jams");
                f.apply(f.anna(), ticket, new TicketAction.ChangePriority("5 very high"));
                return List.of(ticket);
            }),
            new Scenario("link", f -> {
                long first = f.phoneTicket("Printer jams");
                long second = f.phoneTicket("Printer jams again");
                String secondNumber = f.tickets().details(f.anna(), second).number();
                f.apply(f.anna(), first, new TicketAction.LinkTo(secondNumber, TicketAction.LinkType.NORMAL));
                return List.of(first, second);
            }),
            new Scenario("bulk", f -> {
                long mine = f.phoneTicket("Printer jams");
                f.apply(f.anna(), mine, new TicketAction.Lock());
                long bobs = f.phoneTicket("Printer jams again");
                f.apply(f.bob(), bobs, new TicketAction.Lock());
                next();
                f.tickets().applyToAll(f.anna(), List.of(mine, bobs), List.of(
                        new TicketAction.ChangePriority("5 very high"),
                        new TicketAction.AddNote("Bulk note", "Closed together.", false),
                        new TicketAction.ChangeState("closed successful", null)));
                long free = f.phoneTicket("Printer jams once more");
                next();
                f.tickets().applyToAll(f.bob(), List.of(free), List.of(new TicketAction.ChangePriority("4 high")));
                return List.of(mine, bobs, free);
            }),
            new Scenario("merge", f -> {
                long merged = f.phoneTicket("Printer jams");
                long main = f.phoneTicket("Printer jams again");
                String mainNumber = f.tickets().details(f.anna(), main).number();
                f.apply(f.anna(), merged, new TicketAction.MergeInto(mainNumber));
                return List.of(merged, main);
            }));

    @OnEveryDatabase
    void jotrsWritesTheRowsOtrsWrites(DatabaseKind kind) {
        try (TestDatabase database = TestDatabase.create(kind); RunningJotrs jotrs = RunningJotrs.start(database, CLOCK)) {
            DSLContext db = jotrs.bean(DSLContext.class);
            TicketWorkflowTest.customer(db, "carla", "carla@example.com", "ACME");
            int anna = Agents.agent(db, "anna", "Anna", "Agent");
            int bob = Agents.agent(db, "bob", "Bob", "Berger");
            Agents.grant(db, anna, 1, "rw");
            Agents.grant(db, bob, 1, "rw");
            Fixture fixture = new Fixture(jotrs.bean(TicketService.class), anna, bob);

            Map<String, String> differences = new LinkedHashMap<>();
            for (Scenario scenario : SCENARIOS) {
                List<Long> tickets = scenario.run().apply(fixture);
                String written = String.join("\n", rows(db, tickets));
                String expected = expected(scenario.name());
                if (!written.equals(expected)) {
                    differences.put(scenario.name(), "expected (OTRS):\n" + expected + "\nwritten (Jotrs):\n" + written);
                }
            }
            assertThat(differences).as("scenarios whose rows differ from OTRS's on %s", kind).isEmpty();
            assertThat(db.fetchCount(MAIL_QUEUE)).as("OTRS's mail_queue is left to OTRS").isZero();
        }
    }

    /** Moves the application's clock to the next second (see the class comment). */
    private static void next() {
        CLOCK.nextSecond();
    }

    /** The fixture without its comment lines ({@code #}) and blank lines. */
    private static String expected(String scenario) {
        try {
            String text = new ClassPathResource("otrs-rows/" + scenario + ".txt").getContentAsString(StandardCharsets.UTF_8);
            return String.join("\n", text.lines().filter(line -> !line.isBlank() && !line.startsWith("#")).toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The tickets' rows, normalised (see the class comment). */
    static List<String> rows(DSLContext db, List<Long> ticketIds) {
        Names names = new Names(db, ticketIds);
        List<String> rows = new ArrayList<>();
        for (long ticketId : ticketIds) {
            String t = names.ticket(ticketId);
            var ticket = db.select(QUEUE.NAME, TICKET_STATE.NAME, TICKET_PRIORITY.NAME, TICKET_LOCK_TYPE.NAME,
                            TICKET.USER_ID, TICKET.RESPONSIBLE_USER_ID, TICKET.TIMEOUT, TICKET.UNTIL_TIME)
                    .from(TICKET)
                    .join(QUEUE).on(QUEUE.ID.eq(TICKET.QUEUE_ID))
                    .join(TICKET_STATE).on(TICKET_STATE.ID.eq(TICKET.TICKET_STATE_ID))
                    .join(TICKET_PRIORITY).on(TICKET_PRIORITY.ID.eq(TICKET.TICKET_PRIORITY_ID))
                    .join(TICKET_LOCK_TYPE).on(TICKET_LOCK_TYPE.ID.eq(TICKET.TICKET_LOCK_ID))
                    .where(TICKET.ID.eq(ticketId)).fetchSingle();
            rows.add("ticket " + t + " queue=" + ticket.value1() + " state=" + ticket.value2() + " priority="
                    + ticket.value3() + " lock=" + ticket.value4() + " owner=" + names.agent(ticket.value5())
                    + " responsible=" + names.agent(ticket.value6()) + " timeout=" + zeroOrSet(ticket.value7())
                    + " until=" + zeroOrSet(ticket.value8()));
            db.select(TICKET_HISTORY_TYPE.NAME, TICKET_HISTORY.NAME, TICKET_HISTORY.ARTICLE_ID, TICKET_HISTORY.OWNER_ID,
                            TICKET_STATE.NAME, TICKET_HISTORY.CREATE_BY)
                    .from(TICKET_HISTORY)
                    .join(TICKET_HISTORY_TYPE).on(TICKET_HISTORY_TYPE.ID.eq(TICKET_HISTORY.HISTORY_TYPE_ID))
                    .join(TICKET_STATE).on(TICKET_STATE.ID.eq(TICKET_HISTORY.STATE_ID))
                    .where(TICKET_HISTORY.TICKET_ID.eq(ticketId))
                    .orderBy(TICKET_HISTORY.ID)
                    .forEach(h -> rows.add("history " + t + " " + h.value1() + " | " + names.historyName(h.value1(), h.value2())
                            + " |" + (h.value3() == null ? "" : " article=" + names.article(h.value3())) + " owner="
                            + names.agent(h.value4()) + " state=" + h.value5() + " by=" + names.agent(h.value6())));
            db.select(ARTICLE.ID, ARTICLE_SENDER_TYPE.NAME, COMMUNICATION_CHANNEL.NAME, ARTICLE.IS_VISIBLE_FOR_CUSTOMER,
                            ARTICLE.CREATE_BY, ARTICLE.INSERT_FINGERPRINT)
                    .from(ARTICLE)
                    .join(ARTICLE_SENDER_TYPE).on(ARTICLE_SENDER_TYPE.ID.eq(ARTICLE.ARTICLE_SENDER_TYPE_ID))
                    .join(COMMUNICATION_CHANNEL).on(COMMUNICATION_CHANNEL.ID.eq(ARTICLE.COMMUNICATION_CHANNEL_ID))
                    .where(ARTICLE.TICKET_ID.eq(ticketId))
                    .orderBy(ARTICLE.ID)
                    .forEach(a -> rows.add("article " + t + " " + names.article(a.value1()) + " sender=" + a.value2()
                            + " channel=" + a.value3() + " visible=" + a.value4() + " by=" + names.agent(a.value5())
                            + " fingerprint=" + (a.value6() != null && a.value6().matches("\\d+-[A-Za-z0-9]{32}") ? "pid-random32"
                                    : a.value6())
                            + " plain=" + db.fetchCount(ARTICLE_DATA_MIME_PLAIN, ARTICLE_DATA_MIME_PLAIN.ARTICLE_ID.eq(a.value1()))
                            + " type=" + db.select(ARTICLE_DATA_MIME.A_CONTENT_TYPE).from(ARTICLE_DATA_MIME)
                                    .where(ARTICLE_DATA_MIME.ARTICLE_ID.eq(a.value1())).fetchOne(ARTICLE_DATA_MIME.A_CONTENT_TYPE)));
            db.select(ARTICLE_FLAG.ARTICLE_ID, ARTICLE_FLAG.ARTICLE_KEY, ARTICLE_FLAG.ARTICLE_VALUE, ARTICLE_FLAG.CREATE_BY)
                    .from(ARTICLE_FLAG).join(ARTICLE).on(ARTICLE.ID.eq(ARTICLE_FLAG.ARTICLE_ID))
                    .where(ARTICLE.TICKET_ID.eq(ticketId))
                    .orderBy(ARTICLE_FLAG.ARTICLE_ID, ARTICLE_FLAG.CREATE_BY)
                    .forEach(f -> rows.add("article_flag " + t + " " + names.article(f.value1()) + " " + f.value2() + "="
                            + f.value3() + " " + names.agent(f.value4())));
            db.select(TICKET_FLAG.TICKET_KEY, TICKET_FLAG.TICKET_VALUE, TICKET_FLAG.CREATE_BY)
                    .from(TICKET_FLAG).where(TICKET_FLAG.TICKET_ID.eq(ticketId)).orderBy(TICKET_FLAG.CREATE_BY)
                    .forEach(f -> rows.add("ticket_flag " + t + " " + f.value1() + "=" + f.value2() + " "
                            + names.agent(f.value3())));
            db.select(TIME_ACCOUNTING.ARTICLE_ID, TIME_ACCOUNTING.TIME_UNIT, TIME_ACCOUNTING.CREATE_BY)
                    .from(TIME_ACCOUNTING).where(TIME_ACCOUNTING.TICKET_ID.eq(ticketId)).orderBy(TIME_ACCOUNTING.ID)
                    .forEach(a -> rows.add("time_accounting " + t + " article=" + names.article(a.value1()) + " units="
                            + a.value2().stripTrailingZeros().toPlainString() + " by=" + names.agent(a.value3())));
            db.select(LINK_RELATION.TARGET_KEY, LINK_TYPE.NAME, LINK_STATE.NAME, LINK_RELATION.CREATE_BY)
                    .from(LINK_RELATION)
                    .join(LINK_TYPE).on(LINK_TYPE.ID.eq(LINK_RELATION.TYPE_ID))
                    .join(LINK_STATE).on(LINK_STATE.ID.eq(LINK_RELATION.STATE_ID))
                    .where(LINK_RELATION.SOURCE_KEY.eq(Long.toString(ticketId)))
                    .forEach(l -> rows.add("link_relation " + t + " -> " + names.ticket(Long.parseLong(l.value1()))
                            + " type=" + l.value2() + " state=" + l.value3() + " by=" + names.agent(l.value4())));
        }
        return rows;
    }

    private static String zeroOrSet(Integer epochSeconds) {
        return epochSeconds == null ? "null" : epochSeconds == 0 ? "0" : "set";
    }

    /** Stable names for the ids and numbers of one scenario. */
    private static final class Names {

        private final DSLContext db;
        private final Map<Long, String> tickets = new LinkedHashMap<>();
        private final Map<String, String> numbers = new LinkedHashMap<>();
        private final Map<Long, String> articles = new LinkedHashMap<>();

        Names(DSLContext db, List<Long> ticketIds) {
            this.db = db;
            for (long id : ticketIds) {
                tickets.put(id, "T" + (tickets.size() + 1));
                numbers.put(db.select(TICKET.TN).from(TICKET).where(TICKET.ID.eq(id)).fetchSingle(TICKET.TN),
                        "TN" + tickets.size());
            }
            db.select(ARTICLE.ID).from(ARTICLE).where(ARTICLE.TICKET_ID.in(ticketIds)).orderBy(ARTICLE.ID)
                    .forEach(r -> articles.put(r.value1(), "A" + (articles.size() + 1)));
        }

        String ticket(long id) {
            return tickets.getOrDefault(id, "ticket#" + id);
        }

        String article(long id) {
            return articles.getOrDefault(id, "article#" + id);
        }

        String agent(Integer id) {
            return id == null ? "null" : db.select(USERS.LOGIN).from(USERS).where(USERS.ID.eq(id)).fetchOptional(USERS.LOGIN)
                    .orElse("user#" + id);
        }

        /** The history name with ticket ids, numbers and agent ids named, where OTRS puts them. */
        String historyName(String type, String name) {
            String[] values = name.split("%%", -1);
            for (int i = 1; i < values.length; i++) {
                String value = values[i];
                if (numbers.containsKey(value)) {
                    values[i] = numbers.get(value);
                } else if (value.matches("\\d+") && ticketIdPositions(type, values.length).contains(i)) {
                    values[i] = ticket(Long.parseLong(value));
                } else if (value.matches("\\d+") && (type.equals("OwnerUpdate") || type.equals("ResponsibleUpdate"))
                        && i == values.length - 1) {
                    values[i] = "<" + agent(Integer.valueOf(value)) + ">";
                }
            }
            return String.join("%%", values);
        }

        /** Where a history type's name holds ticket ids (1-based after the leading %%). */
        private static List<Integer> ticketIdPositions(String type, int length) {
            return switch (type) {
                case "NewTicket" -> List.of(length - 1);
                case "Merged" -> List.of(2, 4);
                case "TicketLinkAdd", "TicketLinkDelete" -> List.of(2, 3);
                default -> List.of();
            };
        }
    }
}
