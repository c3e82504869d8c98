package org.jotrs.ticket.internal;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The shapes of OTRS's ticket number generators ({@code Kernel::System::Ticket::Number::*}) and
 * how each is recognised in text ({@code GetTNByString}). Pure: counters, dates and random digits
 * come from the caller, so every format can be checked without a database.
 */
sealed interface TicketNumberGenerator {

    /** OTRS {@code Ticket::NumberGenerator::Date}'s date part: the local date, no separators. */
    DateTimeFormatter DAY = DateTimeFormatter.ofPattern("uuuuMMdd");

    /** How numbers are introduced in text (mail subjects) and whether they must carry the SystemID. */
    record Hook(String text, String divider, boolean checkSystemId) {
    }

    /** The SystemID every number carries. */
    String systemId();

    Hook hook();

    /** Whether the counter starts again at 1 every day (OTRS {@code IsDateBased}). */
    boolean dateBased();

    /** The regular expression a number of this shape matches after the hook (group-free). */
    String numberPattern();

    /**
     * The first number of this shape in the text, as OTRS's {@code GetTNByString}: first after
     * hook + divider, then after hook + ":" + up to two white-space characters, the older default
     * that OTRS still accepts whatever the divider. The hook matches case-insensitively; nothing
     * needs to follow the number (OTRS anchors neither end), so longer digit runs are cut to the
     * longest number the pattern allows.
     */
    default Optional<String> find(String text) {
        if (text == null || text.isEmpty()) {
            return Optional.empty();
        }
        String number = "(" + numberPattern() + ")";
        List<String> introductions = List.of(
                Pattern.quote(hook().text() + hook().divider()),
                Pattern.quote(hook().text()) + ":\\s{0,2}");
        for (String introduction : introductions) {
            Matcher matcher = Pattern.compile(introduction + number, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE)
                    .matcher(text);
            if (matcher.find()) {
                return Optional.of(matcher.group(1));
            }
        }
        return Optional.empty();
    }

    /** The SystemID as it appears in the patterns: left out when OTRS's CheckSystemID is off. */
    default String systemIdPattern() {
        return hook().checkSystemId() ? Pattern.quote(systemId()) : "";
    }

    /** The generator configured by the properties. */
    static TicketNumberGenerator of(TicketNumberProperties properties) {
        Hook hook = new Hook(properties.hook(), properties.hookDivider(), properties.checkSystemId());
        String systemId = properties.systemId();
        return switch (properties.generator()) {
            case AUTO_INCREMENT -> new AutoIncrement(systemId, properties.minCounterSize(), hook);
            // Padding to one digit is no padding, OTRS's default for Date.
            case DATE -> new Date(systemId, properties.dateFormattedCounter() ? properties.minCounterSize() : 1, hook);
            case DATE_CHECKSUM -> new DateChecksum(systemId, hook);
            case RANDOM -> new Random(systemId, hook);
        };
    }

    /**
     * SystemID + counter zero-padded to {@code minCounterSize} digits (1000042). The counter never
     * resets. Recognised with MinCounterSize to MinCounterSize + 5 counter digits.
     */
    record AutoIncrement(String systemId, int minCounterSize, Hook hook) implements TicketNumberGenerator {

        String format(long counter) {
            return systemId + padded(counter, minCounterSize);
        }

        @Override
        public boolean dateBased() {
            return false;
        }

        @Override
        public String numberPattern() {
            return systemIdPattern() + "\\d{" + minCounterSize + "," + (minCounterSize + 5) + "}";
        }
    }

    /**
     * yyyymmdd + SystemID + counter (20240115101); the counter is not padded unless OTRS's
     * UseFormattedCounter is set ({@code counterSize} > 1) and starts again at 1 every day.
     */
    record Date(String systemId, int counterSize, Hook hook) implements TicketNumberGenerator {

        String format(LocalDate day, long counter) {
            return DAY.format(day) + systemId + padded(counter, counterSize);
        }

        @Override
        public boolean dateBased() {
            return true;
        }

        @Override
        public String numberPattern() {
            return "\\d{8}" + systemIdPattern() + "\\d{1,40}";
        }
    }

    /**
     * yyyymmdd + SystemID + counter padded to 5 digits + check digit (2024011510000424), OTRS's
     * default. The counter starts again at 1 every day.
     */
    record DateChecksum(String systemId, Hook hook) implements TicketNumberGenerator {

        /** OTRS pads this generator's counter to 5 digits whatever MinCounterSize says. */
        static final int COUNTER_SIZE = 5;

        String format(LocalDate day, long counter) {
            String digits = DAY.format(day) + systemId + padded(counter, COUNTER_SIZE);
            return digits + checkDigit(digits);
        }

        /**
         * OTRS's check digit (after the Deutsche Bahn vehicle number): every character from the
         * left multiplied by 1, 2, 1, 2, ..., the products added whole (9 x 2 adds 18, unlike
         * Luhn), then 10 - sum mod 10, where 10 becomes 1. So the digit is never 0, and
         * remainders 0 and 9 both give 1.
         */
        static int checkDigit(String digits) {
            int sum = 0;
            for (int i = 0; i < digits.length(); i++) {
                sum += (i % 2 == 0 ? 1 : 2) * Character.digit(digits.charAt(i), 10);
            }
            int check = 10 - sum % 10;
            return check == 10 ? 1 : check;
        }

        @Override
        public boolean dateBased() {
            return true;
        }

        @Override
        public String numberPattern() {
            return "\\d{8}" + systemIdPattern() + "\\d{4,40}";
        }
    }

    /**
     * SystemID + 10 random digits (101234567890). Uses no counter; a number a ticket already has
     * is drawn again. Recognised with 2 to 20 digits after the SystemID.
     */
    record Random(String systemId, Hook hook) implements TicketNumberGenerator {

        /** Perl's {@code int rand 9999999999}: 0 to 9999999998. */
        static final long BOUND = 9_999_999_999L;

        String format(long random) {
            if (random < 0 || random >= BOUND) {
                throw new IllegalArgumentException("random part out of range: " + random);
            }
            return systemId + padded(random, 10);
        }

        @Override
        public boolean dateBased() {
            return false;
        }

        @Override
        public String numberPattern() {
            return systemIdPattern() + "\\d{2,20}";
        }
    }

    /** Perl's {@code sprintf "%.*u"}: at least {@code size} digits, longer numbers stay whole. */
    private static String padded(long value, int size) {
        String digits = Long.toString(value);
        return digits.length() >= size ? digits : "0".repeat(size - digits.length()) + digits;
    }
}
