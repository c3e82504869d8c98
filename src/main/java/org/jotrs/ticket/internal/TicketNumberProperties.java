package org.jotrs.ticket.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code jotrs.ticket.number.*}: OTRS's ticket number settings under Jotrs names, with OTRS 6's
 * defaults. A database taken over from OTRS needs the values OTRS had, or new numbers would not
 * look like the old ones and mail replies to old tickets would not be recognised.
 *
 * @param generator OTRS {@code Ticket::NumberGenerator}
 * @param systemId OTRS {@code SystemID}: digits that every number carries
 * @param minCounterSize OTRS {@code Ticket::NumberGenerator::MinCounterSize}: digits the counter
 *     is zero-padded to by AutoIncrement (and by Date when {@code dateFormattedCounter} is set)
 * @param hook OTRS {@code Ticket::Hook}, the text before a number in mail subjects
 * @param hookDivider OTRS {@code Ticket::HookDivider}, between hook and number (e.g. ": ")
 * @param checkSystemId OTRS {@code Ticket::NumberGenerator::CheckSystemID}: recognise only
 *     numbers that carry this system's SystemID
 * @param dateFormattedCounter OTRS {@code Ticket::NumberGenerator::Date::UseFormattedCounter}:
 *     pad the Date generator's counter to {@code minCounterSize} digits
 */
@ConfigurationProperties("jotrs.ticket.number")
record TicketNumberProperties(
        @DefaultValue("DateChecksum") Generator generator,
        @DefaultValue("10") String systemId,
        @DefaultValue("5") int minCounterSize,
        @DefaultValue("Ticket#") String hook,
        @DefaultValue("") String hookDivider,
        @DefaultValue("true") boolean checkSystemId,
        @DefaultValue("false") boolean dateFormattedCounter) {

    /**
     * The OTRS generator modules ({@code Kernel::System::Ticket::Number::*}). Configured as
     * {@code AutoIncrement}, {@code Date}, {@code DateChecksum} or {@code Random}.
     */
    enum Generator {
        AUTO_INCREMENT,
        DATE,
        DATE_CHECKSUM,
        /** Not in OTRS 6.0 itself (it came back as a Znuny add-on and in Znuny 6.1+). */
        RANDOM
    }

    TicketNumberProperties {
        generator = generator == null ? Generator.DATE_CHECKSUM : generator;
        systemId = systemId == null ? "" : systemId.strip();
        hook = hook == null ? "" : hook;
        hookDivider = hookDivider == null ? "" : hookDivider;
        // Every number starts (or, for the date-based ones, continues) with the SystemID, and
        // the DateChecksum check digit multiplies every character as a digit.
        if (!systemId.matches("[0-9]{1,10}")) {
            throw new IllegalArgumentException(
                    "jotrs.ticket.number.system-id must be 1 to 10 digits, as OTRS's SystemID; was '" + systemId + "'");
        }
        // OTRS accepts one digit (its setting's pattern is ^[0-9]$); 0 would mean 5 there.
        if (minCounterSize < 1 || minCounterSize > 9) {
            throw new IllegalArgumentException(
                    "jotrs.ticket.number.min-counter-size must be 1 to 9; was " + minCounterSize);
        }
        if (hook.isBlank()) {
            throw new IllegalArgumentException(
                    "jotrs.ticket.number.hook must not be empty (OTRS's default is Ticket#)");
        }
    }
}
