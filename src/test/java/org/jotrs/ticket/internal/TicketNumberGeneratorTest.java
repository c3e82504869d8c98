package org.jotrs.ticket.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Optional;

import org.jotrs.ticket.internal.TicketNumberGenerator.AutoIncrement;
import org.jotrs.ticket.internal.TicketNumberGenerator.Date;
import org.jotrs.ticket.internal.TicketNumberGenerator.DateChecksum;
import org.jotrs.ticket.internal.TicketNumberGenerator.Hook;
import org.jotrs.ticket.internal.TicketNumberGenerator.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The four OTRS formats and GetTNByString patterns, without Spring or a database. */
class TicketNumberGeneratorTest {

    private static final Hook DEFAULT_HOOK = new Hook("Ticket#", "", true);
    private static final LocalDate DAY = LocalDate.of(2024, 1, 15);

    private final DateChecksum dateChecksum = new DateChecksum("10", DEFAULT_HOOK);
    private final AutoIncrement autoIncrement = new AutoIncrement("10", 5, DEFAULT_HOOK);
    private final Date date = new Date("10", 1, DEFAULT_HOOK);
    private final Random random = new Random("10", DEFAULT_HOOK);

    @Test
    void autoIncrementIsSystemIdAndCounterPaddedToMinCounterSize() {
        AutoIncrement generator = new AutoIncrement("10", 5, DEFAULT_HOOK);
        assertThat(generator.format(1)).isEqualTo("1000001");
        assertThat(generator.format(42)).isEqualTo("1000042");
        assertThat(generator.format(123_456)).isEqualTo("10123456");
        assertThat(new AutoIncrement("7", 8, DEFAULT_HOOK).format(42)).isEqualTo("700000042");
    }

    @Test
    void dateIsDaySystemIdAndAnUnpaddedCounterByDefault() {
        assertThat(new Date("10", 1, DEFAULT_HOOK).format(DAY, 1)).isEqualTo("20240115101");
        assertThat(new Date("10", 1, DEFAULT_HOOK).format(DAY, 42)).isEqualTo("202401151042");
        assertThat(new Date("10", 5, DEFAULT_HOOK).format(DAY, 42)).isEqualTo("202401151000042");
        assertThat(new Date("10", 1, DEFAULT_HOOK).format(LocalDate.of(2025, 3, 9), 7)).isEqualTo("20250309107");
    }

    @Test
    void dateChecksumPadsTheCounterToFiveDigitsAndAddsTheCheckDigit() {
        DateChecksum generator = new DateChecksum("10", DEFAULT_HOOK);
        assertThat(generator.format(DAY, 1)).isEqualTo("2024011510000013");
        assertThat(generator.format(DAY, 123_456)).hasSize(17).startsWith("2024011510123456");
    }

    @Test
    void randomIsSystemIdAndTenDigits() {
        Random generator = new Random("10", DEFAULT_HOOK);
        assertThat(generator.format(0)).isEqualTo("100000000000");
        assertThat(generator.format(1_234_567)).isEqualTo("100001234567");
        assertThat(generator.format(Random.BOUND - 1)).isEqualTo("109999999998");
        assertThatThrownBy(() -> generator.format(Random.BOUND)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void onlyTheDateGeneratorsResetDaily() {
        assertThat(new AutoIncrement("10", 5, DEFAULT_HOOK).dateBased()).isFalse();
        assertThat(new Date("10", 1, DEFAULT_HOOK).dateBased()).isTrue();
        assertThat(new DateChecksum("10", DEFAULT_HOOK).dateBased()).isTrue();
        assertThat(new Random("10", DEFAULT_HOOK).dateBased()).isFalse();
    }

    /**
     * Made with perl 5.36 running the loop of OTRS 6's DateChecksum.pm TicketNumberBuild
     * (yyyy . %.2u month . %.2u day . SystemID . %.5u counter, then the check digit).
     * 2002-07-01/10152 is the example of OTRS's own setting description, which prints
     * ...10101520: a check digit of 0 cannot occur, the code gives 3.
     */
    @ParameterizedTest(name = "{0} SystemID {1} counter {2} -> {3}")
    @CsvSource({
            "2024-01-15, 10, 1, 2024011510000013",
            "2024-01-15, 10, 3, 2024011510000031",
            "2024-01-15, 10, 4, 2024011510000041",
            "2024-01-15, 10, 42, 2024011510000424",
            "2002-07-01, 10, 10152, 2002070110101523",
            "2002-06-23, 10, 10001, 2002062310100011",
            "1999-12-31, 10, 99999, 1999123110999991",
            "2024-02-29, 10, 123456, 20240229101234561",
            "2024-03-09, 7, 5, 202403097000057",
            "2038-01-19, 99, 31415, 2038011999314155",
            "2025-10-05, 10, 7, 2025100510000077"})
    void matchesNumbersMadeByOtrsPerlCode(LocalDate day, String systemId, long counter, String expected) {
        assertThat(new DateChecksum(systemId, DEFAULT_HOOK).format(day, counter)).isEqualTo(expected);
    }

    @Test
    void productsAreAddedWholeNotDigitSummedLikeLuhn() {
        // 9 at the second place counts 18 (Luhn would count 1 + 8 = 9): 0 + 18 = 18 -> 2.
        assertThat(DateChecksum.checkDigit("09")).isEqualTo(2);
    }

    @Test
    void remaindersZeroAndNineBothGiveOne() {
        // 202401151000003: sum 29 (remainder 9); 202401151000004: sum 30 (remainder 0).
        assertThat(DateChecksum.checkDigit("202401151000003")).isEqualTo(1);
        assertThat(DateChecksum.checkDigit("202401151000004")).isEqualTo(1);
    }

    @Test
    void findsTheNumberAfterTheHookWithTextAround() {
        assertThat(dateChecksum.find("[Ticket#2024011510000424] Printer broken")).contains("2024011510000424");
        assertThat(dateChecksum.find("Re: AW: [Ticket#2024011510000424] Printer broken")).contains("2024011510000424");
        assertThat(autoIncrement.find("Re: [Ticket#1000042] Printer")).contains("1000042");
        assertThat(date.find("Fwd: Ticket#20240115101 (urgent)")).contains("20240115101");
        assertThat(random.find("[Ticket#101234567890]")).contains("101234567890");
    }

    @Test
    void theHookMatchesInAnyCase() {
        assertThat(dateChecksum.find("re: [TICKET#2024011510000424]")).contains("2024011510000424");
        assertThat(dateChecksum.find("re: [ticket#2024011510000424]")).contains("2024011510000424");
    }

    @Test
    void theOldColonFormIsAcceptedWhateverTheDivider() {
        assertThat(dateChecksum.find("[Ticket#: 2024011510000424]")).contains("2024011510000424");
        assertThat(dateChecksum.find("[Ticket#:  2024011510000424]")).contains("2024011510000424");
        assertThat(dateChecksum.find("[Ticket#:2024011510000424]")).contains("2024011510000424");
        assertThat(dateChecksum.find("[Ticket#:   2024011510000424]")).isEmpty();
    }

    @Test
    void aConfiguredDividerIsRequiredExceptForTheColonForm() {
        DateChecksum withDivider = new DateChecksum("10", new Hook("Ticket#", " - ", true));
        assertThat(withDivider.find("[Ticket# - 2024011510000424]")).contains("2024011510000424");
        assertThat(withDivider.find("[Ticket#2024011510000424]")).isEmpty();
        assertThat(withDivider.find("[Ticket#: 2024011510000424]")).contains("2024011510000424");
    }

    @Test
    void aSpaceWithoutDividerIsNotAHook() {
        assertThat(dateChecksum.find("Ticket# 2024011510000424")).isEmpty();
    }

    @Test
    void aCustomHookIsTakenLiterally() {
        DateChecksum call = new DateChecksum("10", new Hook("Call.#", "", true));
        assertThat(call.find("[Call.#2024011510000424]")).contains("2024011510000424");
        assertThat(call.find("[CallX#2024011510000424]")).isEmpty();
    }

    @Test
    void noHookNoNumber() {
        assertThat(dateChecksum.find("2024011510000424 printer")).isEmpty();
        assertThat(dateChecksum.find("")).isEmpty();
        assertThat(dateChecksum.find(null)).isEmpty();
    }

    @Test
    void otherShapesAreNotTaken() {
        // AutoIncrement's 1000042 is too short for the date-based shapes.
        assertThat(dateChecksum.find("[Ticket#1000042]")).isEmpty();
        assertThat(date.find("[Ticket#1000042]")).isEmpty();
        // Date-based numbers do not start with the SystemID.
        assertThat(autoIncrement.find("[Ticket#2024011510000424]")).isEmpty();
        assertThat(random.find("[Ticket#2024011510000424]")).isEmpty();
        // AutoIncrement needs MinCounterSize digits after the SystemID.
        assertThat(autoIncrement.find("[Ticket#100042]")).isEmpty();
    }

    @Test
    void anotherSystemsNumberIsTakenOnlyWithoutCheckSystemId() {
        assertThat(dateChecksum.find("[Ticket#2024011520000422]")).isEmpty();
        DateChecksum unchecked = new DateChecksum("10", new Hook("Ticket#", "", false));
        assertThat(unchecked.find("[Ticket#2024011520000422]")).contains("2024011520000422");
        AutoIncrement autoUnchecked = new AutoIncrement("10", 5, new Hook("Ticket#", "", false));
        assertThat(autoUnchecked.find("[Ticket#2000042]")).contains("2000042");
    }

    @Test
    void overlongDigitRunsAreCutToThePatternsLongestNumber() {
        // OTRS anchors no end: MinCounterSize + 5 = 10 digits after the SystemID at most.
        assertThat(autoIncrement.find("Ticket#10000420000000000")).contains("100004200000");
        assertThat(random.find("Ticket#1012345678901234567890123")).contains("1012345678901234567890");
    }

    @Test
    void shapesThatOverlapInOtrsOverlapHereToo() {
        // A DateChecksum number has the Date shape; an AutoIncrement number the Random shape.
        assertThat(date.find("[Ticket#2024011510000424]")).contains("2024011510000424");
        assertThat(random.find("[Ticket#1000042]")).contains("1000042");
    }

    @Test
    void findsTheFirstNumber() {
        assertThat(dateChecksum.find("Ticket#2024011510000424 merged into Ticket#2024011610000137"))
                .isEqualTo(Optional.of("2024011510000424"));
    }
}
