package org.jotrs.ticket.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.random.RandomGenerator;

import org.jotrs.ticket.internal.TicketNumberGenerator.AutoIncrement;
import org.jotrs.ticket.internal.TicketNumberGenerator.Date;
import org.jotrs.ticket.internal.TicketNumberGenerator.DateChecksum;
import org.jotrs.ticket.internal.TicketNumberGenerator.Hook;
import org.jotrs.ticket.internal.TicketNumberGenerator.Random;
import org.junit.jupiter.api.Test;

/** OTRS's TicketCreateNumber rules around the generators, with an in-memory store and a fixed clock. */
class TicketNumberIssuerTest {

    private static final Hook HOOK = new Hook("Ticket#", "", true);
    private static final ZoneId ZONE = ZoneId.of("Europe/Berlin");
    private static final Clock CLOCK = Clock.fixed(
            ZonedDateTime.of(2024, 1, 15, 9, 30, 0, 0, ZONE).toInstant(), ZONE);

    private final MemoryStore store = new MemoryStore();

    @Test
    void dateChecksumTakesTodaysCounterAndTheClocksDate() {
        store.lastDaily = 41;
        TicketNumberIssuer issuer = issuer(new DateChecksum("10", HOOK));
        assertThat(issuer.next()).isEqualTo("2024011510000424");
        assertThat(store.claims).containsExactly(new Claim(LocalDateTime.of(2024, 1, 15, 9, 30), true, 1, 0));
    }

    @Test
    void dateUsesTheDailyCounterUnpadded() {
        TicketNumberIssuer issuer = issuer(new Date("10", 1, HOOK));
        assertThat(issuer.next()).isEqualTo("20240115101");
        assertThat(issuer.next()).isEqualTo("20240115102");
    }

    @Test
    void dateIsReadInTheClocksZone() {
        // 23:30 UTC on the 14th is already the 15th in Berlin.
        Clock lateUtc = Clock.fixed(ZonedDateTime.of(2024, 1, 14, 23, 30, 0, 0, ZoneId.of("UTC")).toInstant(), ZONE);
        TicketNumberIssuer issuer = new TicketNumberIssuer(new Date("10", 1, HOOK), store, lateUtc, new FixedRandom());
        assertThat(issuer.next()).isEqualTo("20240115101");
    }

    @Test
    void autoIncrementUsesTheCounterThatNeverResets() {
        store.counterEmpty = false;
        store.lastAll = 41;
        assertThat(issuer(new AutoIncrement("10", 5, HOOK)).next()).isEqualTo("1000042");
        assertThat(store.claims.getFirst().daily()).isFalse();
    }

    @Test
    void aNumberATicketHasIsSkippedWithAGrowingOffsetAsOtrsDoes() {
        DateChecksum generator = new DateChecksum("10", HOOK);
        LocalDate day = LocalDate.of(2024, 1, 15);
        store.lastDaily = 41;
        store.tickets.addAll(List.of(generator.format(day, 42), generator.format(day, 44)));
        // 42 exists -> offset 2 from 42 gives 44, exists too -> offset 3 from 44 gives 47.
        assertThat(issuer(generator).next()).isEqualTo(generator.format(day, 47));
        assertThat(store.claims).extracting(Claim::offset).containsExactly(1L, 2L, 3L);
    }

    @Test
    void givesUpAfterOtrsLoopProtection() {
        TicketNumberIssuer issuer = issuer(new Random("10", HOOK));
        store.everyTicketExists = true;
        assertThatThrownBy(issuer::next)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("16000");
    }

    @Test
    void randomDrawsAgainWhenATicketHasTheNumber() {
        FixedRandom random = new FixedRandom(1_234_567L, 7_654_321L);
        store.tickets.add("100001234567");
        TicketNumberIssuer issuer = new TicketNumberIssuer(new Random("10", HOOK), store, CLOCK, random);
        assertThat(issuer.next()).isEqualTo("100007654321");
        assertThat(random.bounds).containsOnly(Random.BOUND);
        assertThat(store.claims).isEmpty();
    }

    @Test
    void autoIncrementOnAnEmptyCounterTableGoesOnAfterTheNewestTicket() {
        store.newestTicket = Optional.of("1000041");
        TicketNumberIssuer issuer = issuer(new AutoIncrement("10", 5, HOOK));
        assertThat(issuer.next()).isEqualTo("1000042");
        assertThat(issuer.next()).isEqualTo("1000043");
        assertThat(store.claims).extracting(Claim::floor).containsExactly(42L, 0L);
    }

    @Test
    void autoIncrementStartsAtOneWithoutTickets() {
        assertThat(issuer(new AutoIncrement("10", 5, HOOK)).next()).isEqualTo("1000001");
    }

    @Test
    void initialCounterFollowsOtrsInitialCounterOffsetCalculate() {
        AutoIncrement checked = new AutoIncrement("10", 5, HOOK);
        AutoIncrement unchecked = new AutoIncrement("10", 5, new Hook("Ticket#", "", false));
        assertThat(TicketNumberIssuer.counterAfter("1000041", checked)).isEqualTo(42);
        assertThat(TicketNumberIssuer.counterAfter("10123456", checked)).isEqualTo(123_457);
        // A date-based number (valid yyyymmdd first) starts the counter at 1.
        assertThat(TicketNumberIssuer.counterAfter("2024011510000424", checked)).isEqualTo(1);
        // 1010... is no date (month 10, day 00 would need ...1000 and 1010-00-00 is invalid).
        assertThat(TicketNumberIssuer.counterAfter("1010000042", checked)).isEqualTo(10_000_043);
        // Without CheckSystemID OTRS strips only leading zeros, so the SystemID becomes counter.
        assertThat(TicketNumberIssuer.counterAfter("1000041", unchecked)).isEqualTo(1_000_042);
        assertThat(TicketNumberIssuer.counterAfter("1000000", checked)).isEqualTo(1);
        assertThat(TicketNumberIssuer.counterAfter("AB-17", checked)).isEqualTo(1);
    }

    @Test
    void looksDateBasedOnlyForRealCalendarDays() {
        assertThat(TicketNumberIssuer.looksDateBased("20240229101")).isTrue();
        assertThat(TicketNumberIssuer.looksDateBased("20230229101")).isFalse();
        assertThat(TicketNumberIssuer.looksDateBased("1000042")).isFalse();
        assertThat(TicketNumberIssuer.looksDateBased("10000042")).isFalse();
    }

    @Test
    void findInUsesTheGeneratorsPattern() {
        assertThat(issuer(new DateChecksum("10", HOOK)).findIn("Re: [Ticket#2024011510000424] x"))
                .contains("2024011510000424");
        assertThat(issuer(new AutoIncrement("10", 5, HOOK)).findIn("Re: [Ticket#2024011510000424] x")).isEmpty();
    }

    private TicketNumberIssuer issuer(TicketNumberGenerator generator) {
        return new TicketNumberIssuer(generator, store, CLOCK, new FixedRandom());
    }

    record Claim(LocalDateTime now, boolean daily, long offset, long floor) {
    }

    /** Counters as the database keeps them, without concurrency. */
    static final class MemoryStore implements TicketNumberStore {
        final List<Claim> claims = new ArrayList<>();
        final Set<String> tickets = new HashSet<>();
        long lastDaily;
        long lastAll;
        boolean counterEmpty = true;
        boolean everyTicketExists;
        Optional<String> newestTicket = Optional.empty();

        @Override
        public long claimCounter(LocalDateTime now, boolean isDaily, long offset, long floor) {
            claims.add(new Claim(now, isDaily, offset, floor));
            counterEmpty = false;
            if (isDaily) {
                lastDaily = Math.max(lastDaily + offset, floor);
                return lastDaily;
            }
            lastAll = Math.max(lastAll + offset, floor);
            return lastAll;
        }

        @Override
        public boolean counterIsEmpty() {
            return counterEmpty;
        }

        @Override
        public boolean ticketExists(String ticketNumber) {
            return everyTicketExists || tickets.contains(ticketNumber);
        }

        @Override
        public Optional<String> newestTicketNumber() {
            return newestTicket;
        }
    }

    /** Returns the given values in turn, then 0; records the bounds asked for. */
    static final class FixedRandom implements RandomGenerator {
        final Deque<Long> values = new ArrayDeque<>();
        final List<Long> bounds = new ArrayList<>();

        FixedRandom(Long... values) {
            this.values.addAll(List.of(values));
        }

        @Override
        public long nextLong() {
            return values.isEmpty() ? 0 : values.removeFirst();
        }

        @Override
        public long nextLong(long bound) {
            bounds.add(bound);
            return nextLong();
        }
    }
}
