package org.jotrs.ticket.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Optional;
import java.util.random.RandomGenerator;

import org.jotrs.ticket.TicketNumbers;
import org.jotrs.ticket.internal.TicketNumberGenerator.AutoIncrement;
import org.jotrs.ticket.internal.TicketNumberGenerator.Date;
import org.jotrs.ticket.internal.TicketNumberGenerator.DateChecksum;
import org.jotrs.ticket.internal.TicketNumberGenerator.Random;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Hands out ticket numbers as OTRS's {@code TicketCreateNumber} does, with the configured generator. */
final class TicketNumberIssuer implements TicketNumbers {

    private static final Logger log = LoggerFactory.getLogger(TicketNumberIssuer.class);

    /** OTRS gives up after this many numbers that tickets already had. */
    static final int LOOP_PROTECTION = 16_000;

    private static final DateTimeFormatter STRICT_DAY =
            DateTimeFormatter.ofPattern("uuuuMMdd").withResolverStyle(ResolverStyle.STRICT);

    private final TicketNumberGenerator generator;
    private final TicketNumberStore store;
    private final Clock clock;
    private final RandomGenerator random;

    TicketNumberIssuer(TicketNumberGenerator generator, TicketNumberStore store, Clock clock, RandomGenerator random) {
        this.generator = generator;
        this.store = store;
        this.clock = clock;
        this.random = random;
    }

    @Override
    public String next() {
        // A number a ticket already has (after a generator or SystemID change, or a counter
        // table emptied by hand) is skipped. OTRS raises the offset with every collision, so
        // the counter jumps 2, then 3, ... ahead; it keeps the count per process for ever,
        // here it is per call.
        for (int collisions = 0; collisions < LOOP_PROTECTION; collisions++) {
            String number = build(collisions);
            if (!store.ticketExists(number)) {
                return number;
            }
            if (collisions == 0) {
                log.info("ticket number already taken, making another: tn={}", number);
            } else {
                log.debug("ticket number already taken, making another: tn={} collisions={}", number, collisions + 1);
            }
        }
        throw new IllegalStateException("no free ticket number after " + LOOP_PROTECTION
                + " attempts (OTRS's loop protection); check the jotrs.ticket.number settings"
                + " and ticket_number_counter");
    }

    @Override
    public Optional<String> findIn(String text) {
        return generator.find(text);
    }

    private String build(int collisions) {
        // One instant for both the counter's day and the number's date: OTRS reads the clock
        // twice, so a number made at midnight can carry yesterday's counter with today's date.
        LocalDateTime now = LocalDateTime.now(clock);
        LocalDate today = now.toLocalDate();
        return switch (generator) {
            case AutoIncrement autoIncrement -> autoIncrement.format(
                    store.claimCounter(now, false, 1 + collisions, initialCounterFloor(autoIncrement) + collisions));
            case Date date -> date.format(today, store.claimCounter(now, true, 1 + collisions, 0));
            case DateChecksum dateChecksum ->
                    dateChecksum.format(today, store.claimCounter(now, true, 1 + collisions, 0));
            case Random randomNumbers -> randomNumbers.format(random.nextLong(Random.BOUND));
        };
    }

    /**
     * OTRS's InitialCounterOffsetCalculate: on a database with tickets but an empty counter
     * table (migrated from the file-based counter of OTRS 5, or emptied), AutoIncrement goes on
     * after the newest ticket's number instead of starting again at 1. OTRS adds this to the
     * last counter; here it is a floor, which is the same while the table is empty and, when
     * creators race on the first numbers, does not make the others jump ahead.
     */
    private long initialCounterFloor(AutoIncrement autoIncrement) {
        if (!store.counterIsEmpty()) {
            return 0;
        }
        return store.newestTicketNumber().map(tn -> counterAfter(tn, autoIncrement)).orElse(1L);
    }

    /**
     * The newest number's counter + 1. A number that starts with a valid yyyymmdd came from a
     * date-based generator, whose counter says nothing here: start at 1. Otherwise OTRS strips
     * the SystemID (only when CheckSystemID is on) and leading zeros and adds 1 to the rest.
     */
    static long counterAfter(String ticketNumber, AutoIncrement autoIncrement) {
        if (looksDateBased(ticketNumber)) {
            return 1;
        }
        String rest = ticketNumber;
        if (autoIncrement.hook().checkSystemId() && rest.startsWith(autoIncrement.systemId())) {
            rest = rest.substring(autoIncrement.systemId().length());
        }
        rest = rest.replaceFirst("^0+", "");
        if (rest.isEmpty()) {
            return 1;
        }
        if (!rest.chars().allMatch(c -> c >= '0' && c <= '9') || rest.length() > 18) {
            // Perl would take the leading digits of a foreign number; such a number cannot have
            // come from AutoIncrement, so starting at 1 is as good and cannot overflow.
            return 1;
        }
        return Long.parseLong(rest) + 1;
    }

    static boolean looksDateBased(String ticketNumber) {
        if (ticketNumber.length() < 8) {
            return false;
        }
        try {
            LocalDate.parse(ticketNumber.substring(0, 8), STRICT_DAY);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }
}
