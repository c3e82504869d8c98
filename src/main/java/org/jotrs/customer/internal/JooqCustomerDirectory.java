package org.jotrs.customer.internal;

import static org.jotrs.platform.db.schema.Tables.CUSTOMER_COMPANY;
import static org.jotrs.platform.db.schema.Tables.CUSTOMER_USER;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.jotrs.customer.CustomerDirectory;
import org.jotrs.customer.CustomerProfile;
import org.jotrs.customer.CustomerUser;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class JooqCustomerDirectory implements CustomerDirectory {

    private final DSLContext db;
    private final Clock clock;

    JooqCustomerDirectory(DSLContext db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    @Override
    public List<CustomerUser> search(String text, int limit) {
        String prefix = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        if (prefix.isEmpty()) {
            return List.of();
        }
        String pattern = escapeLike(prefix) + "%";
        return db.select(CUSTOMER_USER.LOGIN, CUSTOMER_USER.CUSTOMER_ID, CUSTOMER_USER.EMAIL,
                        CUSTOMER_USER.FIRST_NAME, CUSTOMER_USER.LAST_NAME, CUSTOMER_USER.VALID_ID)
                .from(CUSTOMER_USER)
                .where(CUSTOMER_USER.VALID_ID.eq((short) 1))
                .and(DSL.lower(CUSTOMER_USER.LOGIN).like(pattern, '!')
                        .or(DSL.lower(CUSTOMER_USER.EMAIL).like(pattern, '!'))
                        .or(DSL.lower(CUSTOMER_USER.FIRST_NAME).like(pattern, '!'))
                        .or(DSL.lower(CUSTOMER_USER.LAST_NAME).like(pattern, '!')))
                .orderBy(CUSTOMER_USER.LOGIN)
                .limit(limit)
                .fetch(r -> new CustomerUser(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(), true));
    }

    @Override
    @Transactional
    public CustomerUser registerMailSender(String address, String displayName) {
        String login = address.strip().toLowerCase(Locale.ROOT);
        Optional<CustomerUser> existing = find(login);
        if (existing.isPresent()) {
            return existing.get();
        }
        String name = displayName == null ? "" : displayName.replaceAll("[\"<>]", "").strip();
        if (name.isEmpty() || name.equalsIgnoreCase(login)) {
            name = login.substring(0, Math.max(0, login.indexOf('@'))).replace('.', ' ').replace('_', ' ').strip();
        }
        int space = name.lastIndexOf(' ');
        String first = cut(space > 0 ? name.substring(0, space).strip() : name, CUSTOMER_USER.FIRST_NAME.getDataType().length());
        String last = cut(space > 0 ? name.substring(space + 1).strip() : "", CUSTOMER_USER.LAST_NAME.getDataType().length());
        LocalDateTime now = LocalDateTime.now(clock);
        db.insertInto(CUSTOMER_USER)
                .set(CUSTOMER_USER.LOGIN, login)
                .set(CUSTOMER_USER.EMAIL, login)
                .set(CUSTOMER_USER.CUSTOMER_ID, login)
                .set(CUSTOMER_USER.FIRST_NAME, first.isEmpty() ? login : first)
                .set(CUSTOMER_USER.LAST_NAME, last)
                .set(CUSTOMER_USER.VALID_ID, (short) 1)
                .set(CUSTOMER_USER.CREATE_TIME, now).set(CUSTOMER_USER.CREATE_BY, SYSTEM)
                .set(CUSTOMER_USER.CHANGE_TIME, now).set(CUSTOMER_USER.CHANGE_BY, SYSTEM)
                .execute();
        return new CustomerUser(login, login, login, first.isEmpty() ? login : first, last, true);
    }

    private static final int SYSTEM = 1;

    private static String cut(String text, int max) {
        return max > 0 && text.length() > max ? text.substring(0, max) : text;
    }

    private static String escapeLike(String text) {
        return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }

    @Override
    public Optional<CustomerUser> find(String login) {
        if (login == null || login.isBlank()) {
            return Optional.empty();
        }
        // The exact login first: it is served by the unique index on login. Only a login typed in
        // another case falls back to comparing lower-cased, which no index serves.
        String wanted = login.strip();
        return customerWhere(CUSTOMER_USER.LOGIN.eq(wanted))
                .or(() -> customerWhere(DSL.lower(CUSTOMER_USER.LOGIN).eq(wanted.toLowerCase(Locale.ROOT))));
    }

    private Optional<CustomerUser> customerWhere(Condition condition) {
        return db.select(CUSTOMER_USER.LOGIN, CUSTOMER_USER.CUSTOMER_ID, CUSTOMER_USER.EMAIL,
                        CUSTOMER_USER.FIRST_NAME, CUSTOMER_USER.LAST_NAME, CUSTOMER_USER.VALID_ID)
                .from(CUSTOMER_USER)
                .where(condition)
                .limit(1)
                .fetchOptional(r -> new CustomerUser(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(),
                        r.value6() == 1));
    }

    @Override
    public Optional<CustomerProfile> profile(String login) {
        return find(login).map(user -> db.select(CUSTOMER_USER.PHONE, CUSTOMER_USER.MOBILE, CUSTOMER_COMPANY.NAME)
                .from(CUSTOMER_USER)
                .leftJoin(CUSTOMER_COMPANY).on(CUSTOMER_COMPANY.CUSTOMER_ID.eq(CUSTOMER_USER.CUSTOMER_ID))
                .where(CUSTOMER_USER.LOGIN.eq(user.login()))
                .limit(1)
                .fetchOptional(r -> new CustomerProfile(user.login(), user.fullName(), user.email(), r.value1(),
                        r.value2(), user.customerId(), r.value3(), user.valid()))
                .orElseThrow());
    }
}
