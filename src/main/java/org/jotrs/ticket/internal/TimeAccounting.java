package org.jotrs.ticket.internal;

import static org.jotrs.platform.Messages.t;
import static org.jotrs.platform.db.schema.Tables.TIME_ACCOUNTING;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.Map;

import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.jotrs.ticket.InvalidTicketRequest;
import org.jotrs.ticket.internal.TicketRows.Current;
import org.springframework.stereotype.Component;

/**
 * OTRS's time accounting: units per article in {@code time_accounting} (DECIMAL(10,2)), and a
 * TimeAccounting history row "%%units%%total" with the ticket's new total. Negative units are
 * allowed, as in OTRS, to correct an earlier entry.
 */
@Component
class TimeAccounting {

    private static final BigDecimal LIMIT = new BigDecimal("100000");

    private final DSLContext db;
    private final TicketHistory history;
    private final Clock clock;

    TimeAccounting(DSLContext db, TicketHistory history, Clock clock) {
        this.db = db;
        this.history = history;
        this.clock = clock;
    }

    /** Refuses units the column cannot hold, before anything is written. */
    void validate(BigDecimal units) {
        if (units == null) {
            return;
        }
        if (units.scale() > 2 || units.abs().compareTo(LIMIT) >= 0) {
            throw new InvalidTicketRequest(Map.of("timeUnits", t("ticket.error.time-decimals")));
        }
    }

    void account(Current ticket, long articleId, BigDecimal units, int actorId) {
        if (units == null || units.signum() == 0) {
            return;
        }
        validate(units);
        LocalDateTime now = LocalDateTime.now(clock);
        db.insertInto(TIME_ACCOUNTING)
                .set(TIME_ACCOUNTING.TICKET_ID, ticket.ticketId())
                .set(TIME_ACCOUNTING.ARTICLE_ID, articleId)
                .set(TIME_ACCOUNTING.TIME_UNIT, units)
                .set(TIME_ACCOUNTING.CREATE_TIME, now).set(TIME_ACCOUNTING.CREATE_BY, actorId)
                .set(TIME_ACCOUNTING.CHANGE_TIME, now).set(TIME_ACCOUNTING.CHANGE_BY, actorId)
                .execute();
        history.add(ticket.snapshot(), articleId, HistoryType.TIME_ACCOUNTING, "%%" + plain(units) + "%%"
                + plain(total(ticket.ticketId())), actorId);
    }

    BigDecimal total(long ticketId) {
        BigDecimal total = db.select(DSL.sum(TIME_ACCOUNTING.TIME_UNIT)).from(TIME_ACCOUNTING)
                .where(TIME_ACCOUNTING.TICKET_ID.eq(ticketId)).fetchOne(0, BigDecimal.class);
        return total == null ? BigDecimal.ZERO : total;
    }

    static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }
}
