package org.jotrs.customer.internal;

import static org.jotrs.platform.db.schema.Tables.CUSTOMER_PREFERENCES;
import static org.jotrs.platform.db.schema.Tables.CUSTOMER_USER;
import static org.jotrs.platform.db.schema.Tables.CUSTOMER_USER_CUSTOMER;
import static org.jotrs.platform.db.schema.Tables.GROUP_CUSTOMER;
import static org.jotrs.platform.db.schema.Tables.GROUP_CUSTOMER_USER;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.jotrs.customer.CustomerAccount;
import org.jotrs.customer.CustomerAccounts;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class JooqCustomerAccounts implements CustomerAccounts {

    /** Changes a customer makes themselves are recorded as by the system user, as OTRS does. */
    private static final int SYSTEM = 1;
    /** OTRS's context for company-wide customer group permissions. */
    private static final String SAME_CUSTOMER_ID = "Ticket::CustomerID::Same";

    private final DSLContext db;
    private final CustomerProperties properties;
    private final Clock clock;

    JooqCustomerAccounts(DSLContext db, CustomerProperties properties, Clock clock) {
        this.db = db;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public Optional<CustomerAccount> account(String login) {
        if (login == null || login.isBlank() || login.indexOf('\0') >= 0) {
            return Optional.empty();
        }
        String wanted = login.strip();
        return accountWhere(CUSTOMER_USER.LOGIN.eq(wanted))
                .or(() -> accountWhere(DSL.lower(CUSTOMER_USER.LOGIN).eq(wanted.toLowerCase(Locale.ROOT))));
    }

    @Override
    public Optional<CustomerAccount> accountByEmail(String email) {
        if (email == null || email.isBlank() || email.indexOf('\0') >= 0) {
            return Optional.empty();
        }
        List<CustomerAccount> found = db.select(CUSTOMER_USER.LOGIN, CUSTOMER_USER.CUSTOMER_ID, CUSTOMER_USER.EMAIL,
                        CUSTOMER_USER.FIRST_NAME, CUSTOMER_USER.LAST_NAME, CUSTOMER_USER.VALID_ID, CUSTOMER_USER.PW)
                .from(CUSTOMER_USER)
                .where(DSL.lower(CUSTOMER_USER.EMAIL).eq(email.strip().toLowerCase(Locale.ROOT)))
                .and(CUSTOMER_USER.VALID_ID.eq((short) 1))
                .limit(2)
                .fetch(r -> new CustomerAccount(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(), true, r.value7()));
        return found.size() == 1 ? Optional.of(found.getFirst()) : Optional.empty();
    }

    @Override
    public boolean addressTaken(String email) {
        String wanted = email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
        return db.fetchExists(db.selectOne().from(CUSTOMER_USER)
                .where(DSL.lower(CUSTOMER_USER.EMAIL).eq(wanted).or(DSL.lower(CUSTOMER_USER.LOGIN).eq(wanted))));
    }

    @Override
    @Transactional
    public CustomerAccount createAccount(String email, String customerId, String firstName, String lastName,
            String passwordHash) {
        String address = email.strip();
        LocalDateTime now = LocalDateTime.now(clock).withNano(0);
        db.insertInto(CUSTOMER_USER)
                .set(CUSTOMER_USER.LOGIN, address)
                .set(CUSTOMER_USER.EMAIL, address)
                .set(CUSTOMER_USER.CUSTOMER_ID, customerId)
                .set(CUSTOMER_USER.FIRST_NAME, firstName)
                .set(CUSTOMER_USER.LAST_NAME, lastName)
                .set(CUSTOMER_USER.PW, passwordHash)
                .set(CUSTOMER_USER.VALID_ID, (short) 1)
                .set(CUSTOMER_USER.CREATE_TIME, now).set(CUSTOMER_USER.CREATE_BY, SYSTEM)
                .set(CUSTOMER_USER.CHANGE_TIME, now).set(CUSTOMER_USER.CHANGE_BY, SYSTEM)
                .execute();
        return new CustomerAccount(address, customerId, address, firstName, lastName, true, passwordHash);
    }

    private Optional<CustomerAccount> accountWhere(Condition condition) {
        return db.select(CUSTOMER_USER.LOGIN, CUSTOMER_USER.CUSTOMER_ID, CUSTOMER_USER.EMAIL,
                        CUSTOMER_USER.FIRST_NAME, CUSTOMER_USER.LAST_NAME, CUSTOMER_USER.VALID_ID, CUSTOMER_USER.PW)
                .from(CUSTOMER_USER)
                .where(condition)
                .limit(1)
                .fetchOptional(r -> new CustomerAccount(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(),
                        r.value6() == 1, r.value7()));
    }

    @Override
    @Transactional
    public void setPasswordHash(String login, String passwordHash) {
        db.update(CUSTOMER_USER)
                .set(CUSTOMER_USER.PW, passwordHash)
                .set(CUSTOMER_USER.CHANGE_TIME, LocalDateTime.now(clock).withNano(0))
                .set(CUSTOMER_USER.CHANGE_BY, SYSTEM)
                .where(CUSTOMER_USER.LOGIN.eq(login))
                .execute();
    }

    @Override
    public Map<String, String> preferences(String login) {
        Map<String, String> values = new LinkedHashMap<>();
        db.select(CUSTOMER_PREFERENCES.PREFERENCES_KEY, CUSTOMER_PREFERENCES.PREFERENCES_VALUE)
                .from(CUSTOMER_PREFERENCES)
                .where(CUSTOMER_PREFERENCES.USER_ID.eq(login))
                .forEach(r -> {
                    if (r.value2() != null) {
                        values.put(r.value1(), r.value2());
                    }
                });
        return values;
    }

    @Override
    @Transactional
    public void setPreferences(String login, Map<String, String> values) {
        values.forEach((key, value) -> {
            // OTRS keeps one row per key: delete and insert, as its SetPreferences does.
            db.deleteFrom(CUSTOMER_PREFERENCES).where(CUSTOMER_PREFERENCES.USER_ID.eq(login))
                    .and(CUSTOMER_PREFERENCES.PREFERENCES_KEY.eq(key)).execute();
            if (value != null && !value.isBlank()) {
                db.insertInto(CUSTOMER_PREFERENCES)
                        .set(CUSTOMER_PREFERENCES.USER_ID, login)
                        .set(CUSTOMER_PREFERENCES.PREFERENCES_KEY, key)
                        .set(CUSTOMER_PREFERENCES.PREFERENCES_VALUE, value)
                        .execute();
            }
        });
    }

    @Override
    public Set<String> companiesOf(String login) {
        Set<String> companies = new LinkedHashSet<>();
        account(login).map(CustomerAccount::customerId).filter(id -> id != null && !id.isBlank()).ifPresent(companies::add);
        companies.addAll(db.select(CUSTOMER_USER_CUSTOMER.CUSTOMER_ID).from(CUSTOMER_USER_CUSTOMER)
                .where(CUSTOMER_USER_CUSTOMER.USER_ID.eq(login))
                .fetch(CUSTOMER_USER_CUSTOMER.CUSTOMER_ID));
        companies.removeIf(id -> id == null || id.isBlank());
        return companies;
    }

    @Override
    public boolean groupSupport() {
        return properties.groupSupport();
    }

    @Override
    public Set<Integer> groupsWith(String login, String permission) {
        List<String> keys = "ro".equals(permission) ? List.of("ro", "rw") : List.of(permission);
        Set<Integer> groups = new TreeSet<>(db.select(GROUP_CUSTOMER_USER.GROUP_ID).from(GROUP_CUSTOMER_USER)
                .where(GROUP_CUSTOMER_USER.USER_ID.eq(login))
                .and(GROUP_CUSTOMER_USER.PERMISSION_KEY.in(keys))
                .and(GROUP_CUSTOMER_USER.PERMISSION_VALUE.eq((short) 1))
                .fetch(GROUP_CUSTOMER_USER.GROUP_ID));
        Set<String> companies = companiesOf(login);
        if (!companies.isEmpty()) {
            groups.addAll(db.select(GROUP_CUSTOMER.GROUP_ID).from(GROUP_CUSTOMER)
                    .where(GROUP_CUSTOMER.CUSTOMER_ID.in(companies))
                    .and(GROUP_CUSTOMER.PERMISSION_KEY.in(keys))
                    .and(GROUP_CUSTOMER.PERMISSION_VALUE.eq((short) 1))
                    .and(GROUP_CUSTOMER.PERMISSION_CONTEXT.eq(SAME_CUSTOMER_ID))
                    .fetch(GROUP_CUSTOMER.GROUP_ID));
        }
        return groups;
    }
}
