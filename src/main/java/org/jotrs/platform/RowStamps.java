package org.jotrs.platform;

import java.time.Clock;
import java.time.LocalDateTime;

import org.jooq.Field;
import org.jooq.Record;

/**
 * OTRS's bookkeeping columns, which nearly every OTRS table has: {@code create_time},
 * {@code create_by}, {@code change_time} and {@code change_by}.
 */
public final class RowStamps {

    private RowStamps() {
    }

    /** A new row: created and last changed now, by the actor. */
    public static void created(Record row, int actorId, Clock clock) {
        LocalDateTime now = LocalDateTime.now(clock);
        row.set(column(row, "create_time", LocalDateTime.class), now);
        row.set(column(row, "create_by", Integer.class), actorId);
        stamp(row, actorId, now);
    }

    /** An existing row: last changed now, by the actor. */
    public static void changed(Record row, int actorId, Clock clock) {
        stamp(row, actorId, LocalDateTime.now(clock));
    }

    private static void stamp(Record row, int actorId, LocalDateTime now) {
        row.set(column(row, "change_time", LocalDateTime.class), now);
        row.set(column(row, "change_by", Integer.class), actorId);
    }

    private static <T> Field<T> column(Record row, String name, Class<T> type) {
        Field<T> field = row.field(name, type);
        if (field == null) {
            throw new IllegalArgumentException(row.getClass().getSimpleName() + " has no column " + name);
        }
        return field;
    }
}
