package org.jotrs.platform;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Map;

import org.jooq.Field;

/**
 * Limits that come from the schema, not from guesses: the declared length of a text column (from
 * the jOOQ classes generated from the migrations) and the range of OTRS's 32-bit epoch-second
 * columns ({@code ticket.until_time}, {@code article_data_mime.incoming_time}, ...).
 */
public final class ColumnLimits {

    /** The last second a signed 32-bit epoch-seconds column can hold: 2038-01-19 03:14:07 UTC. */
    public static final long LAST_EPOCH_SECOND = Integer.MAX_VALUE;

    private ColumnLimits() {
    }

    /** The column's declared length in characters, or 0 when it has none (TEXT, CLOB, unbounded VARCHAR). */
    public static int length(Field<String> column) {
        return column.getDataType().hasLength() ? column.getDataType().length() : 0;
    }

    /** Adds "At most N characters." under the field when the value is longer than the column holds. */
    public static void check(Map<String, String> errors, String field, String value, Field<String> column) {
        int max = length(column);
        if (value != null && max > 0 && value.length() > max) {
            errors.putIfAbsent(field, Messages.t("validation.at-most-characters-has", Integer.toString(max), Integer.toString(value.length())));
        }
    }

    /**
     * The time as OTRS's epoch seconds, for an INTEGER column.
     *
     * @throws InvalidInput under {@code field} for a time the column cannot hold (after 2038-01-19 or before 1970)
     */
    public static int epochSeconds(String field, LocalDateTime time, ZoneId zone) {
        long seconds = time.atZone(zone).toEpochSecond();
        if (seconds < 0 || seconds > LAST_EPOCH_SECOND) {
            throw InvalidInput.of(field, Messages.t("validation.epoch-range", time.toLocalDate().toString()));
        }
        return (int) seconds;
    }
}
