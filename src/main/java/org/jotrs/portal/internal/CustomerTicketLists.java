package org.jotrs.portal.internal;

import static org.jotrs.platform.db.schema.Tables.ARTICLE;
import static org.jotrs.platform.db.schema.Tables.ARTICLE_DATA_MIME;
import static org.jotrs.platform.db.schema.Tables.QUEUE;
import static org.jotrs.platform.db.schema.Tables.TICKET;
import static org.jotrs.platform.db.schema.Tables.TICKET_STATE;
import static org.jotrs.platform.db.schema.Tables.TICKET_STATE_TYPE;

import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.SortField;
import org.jooq.impl.DSL;
import org.jotrs.platform.Page;
import org.jotrs.portal.CustomerTickets;
import org.jotrs.portal.PortalTicketQuery;
import org.jotrs.portal.PortalTicketRow;
import org.jotrs.portal.SignedInCustomer;
import org.jotrs.ticket.CustomerTicketAccess;
import org.springframework.stereotype.Component;

/** The customer's ticket lists (reads of the ticket module's tables, through its one rule, {@link CustomerTicketAccess}). */
@Component
class CustomerTicketLists {

    private static final List<String> OPEN_TYPES = List.of("new", "open", "pending reminder", "pending auto");

    private final DSLContext db;
    private final CustomerTicketAccess visibility;

    CustomerTicketLists(DSLContext db, CustomerTicketAccess visibility) {
        this.db = db;
        this.visibility = visibility;
    }

    Page<PortalTicketRow> list(SignedInCustomer customer, PortalTicketQuery query) {
        Condition where = visibility.visibleTo(customer.login(),
                query.scope() == PortalTicketQuery.Scope.MINE ? CustomerTicketAccess.Scope.OWN : CustomerTicketAccess.Scope.COMPANY);
        where = switch (query.status()) {
            case OPEN -> where.and(TICKET_STATE_TYPE.NAME.in(OPEN_TYPES));
            case CLOSED -> where.and(TICKET_STATE_TYPE.NAME.eq("closed"));
            case ALL -> where;
        };
        if (!query.search().isEmpty()) {
            where = where.and(matches(query.search()));
        }
        int total = db.fetchCount(db.select(TICKET.ID).from(TICKET)
                .join(TICKET_STATE).on(TICKET_STATE.ID.eq(TICKET.TICKET_STATE_ID))
                .join(TICKET_STATE_TYPE).on(TICKET_STATE_TYPE.ID.eq(TICKET_STATE.TYPE_ID))
                .join(QUEUE).on(QUEUE.ID.eq(TICKET.QUEUE_ID))
                .where(where));
        int page = Page.clamp(query.page(), total, CustomerTickets.PAGE_SIZE);
        List<PortalTicketRow> rows = db.select(TICKET.ID, TICKET.TN, TICKET.TITLE, TICKET_STATE.NAME, TICKET_STATE_TYPE.NAME, QUEUE.NAME,
                        TICKET.CUSTOMER_USER_ID, TICKET.CREATE_TIME, TICKET.CHANGE_TIME)
                .from(TICKET)
                .join(TICKET_STATE).on(TICKET_STATE.ID.eq(TICKET.TICKET_STATE_ID))
                .join(TICKET_STATE_TYPE).on(TICKET_STATE_TYPE.ID.eq(TICKET_STATE.TYPE_ID))
                .join(QUEUE).on(QUEUE.ID.eq(TICKET.QUEUE_ID))
                .where(where)
                .orderBy(order(query))
                .limit(CustomerTickets.PAGE_SIZE).offset(page * CustomerTickets.PAGE_SIZE)
                .fetch(r -> new PortalTicketRow(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(), r.value6(),
                        r.value7(), r.value8(), r.value9()));
        return new Page<>(rows, page, CustomerTickets.PAGE_SIZE, total);
    }

    /** The number, the title, or the text of an article the customer may read contains the words. */
    private static Condition matches(String search) {
        Condition all = DSL.trueCondition();
        for (String word : search.toLowerCase(Locale.ROOT).split("\\s+")) {
            if (word.isEmpty()) {
                continue;
            }
            String pattern = "%" + word.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%";
            all = all.and(DSL.lower(TICKET.TN).like(pattern, '!')
                    .or(DSL.lower(TICKET.TITLE).like(pattern, '!'))
                    .or(DSL.exists(DSL.selectOne().from(ARTICLE)
                            .join(ARTICLE_DATA_MIME).on(ARTICLE_DATA_MIME.ARTICLE_ID.eq(ARTICLE.ID))
                            .where(ARTICLE.TICKET_ID.eq(TICKET.ID))
                            .and(ARTICLE.IS_VISIBLE_FOR_CUSTOMER.eq((short) 1))
                            .and(DSL.lower(ARTICLE_DATA_MIME.A_SUBJECT).like(pattern, '!')
                                    .or(DSL.lower(ARTICLE_DATA_MIME.A_BODY).like(pattern, '!'))))));
        }
        return all;
    }

    private static List<SortField<?>> order(PortalTicketQuery query) {
        boolean desc = query.descending();
        SortField<?> first = switch (query.sort()) {
            case CHANGED -> desc ? TICKET.CHANGE_TIME.desc() : TICKET.CHANGE_TIME.asc();
            case CREATED -> desc ? TICKET.CREATE_TIME.desc() : TICKET.CREATE_TIME.asc();
            case NUMBER -> desc ? TICKET.TN.desc() : TICKET.TN.asc();
            case TITLE -> desc ? TICKET.TITLE.desc() : TICKET.TITLE.asc();
            case STATE -> desc ? TICKET_STATE.NAME.desc() : TICKET_STATE.NAME.asc();
        };
        return List.of(first, desc ? TICKET.ID.desc() : TICKET.ID.asc());
    }

    static Set<String> openTypes() {
        return Set.copyOf(OPEN_TYPES);
    }
}
