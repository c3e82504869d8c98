package org.jotrs.customer.internal;

import static org.jotrs.platform.Messages.t;
import static org.jotrs.platform.db.schema.Tables.CUSTOMER_COMPANY;
import static org.jotrs.platform.db.schema.Tables.CUSTOMER_USER;
import static org.jotrs.platform.db.schema.Tables.GROUP_CUSTOMER_USER;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.jotrs.access.AccessService;
import org.jotrs.access.PasswordHashing;
import org.jotrs.customer.Company;
import org.jotrs.customer.CompanyAdministration;
import org.jotrs.customer.CustomerAdministration;
import org.jotrs.customer.CustomerGroupGrant;
import org.jotrs.customer.CustomerUserChanges;
import org.jotrs.customer.CustomerUserDetails;
import org.jotrs.platform.AdminRows;
import org.jotrs.platform.Page;
import org.jotrs.platform.AuditLog.Change;
import org.jotrs.platform.DatabaseSchema;
import org.jotrs.platform.ColumnLimits;
import org.jotrs.platform.InvalidInput;
import org.jotrs.platform.MailAddressSyntax;
import org.jotrs.platform.NoSuchEntry;
import org.jotrs.platform.Validity;
import org.jotrs.platform.db.schema.tables.PermissionGroups;
import org.jotrs.platform.db.schema.tables.records.CustomerUserRecord;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Customer users and their group permissions in OTRS's tables, with OTRS's rules: logins are
 * unique ignoring case, a customer user's mail address is unique among customer users (OTRS's
 * {@code CustomerUserEmailUniqCheck}, on by default), and passwords are stored as OTRS bcrypt.
 */
@Service
class JooqCustomerAdministration implements CustomerAdministration {

    private static final List<String> GROUP_PERMISSIONS = List.of("ro", "rw");

    private final DSLContext db;
    private final AccessService access;
    private final PasswordHashing passwords;
    private final AdminRows rows;
    private final DatabaseSchema schema;
    private final CustomerProperties properties;
    private final CompanyAdministration companies;

    JooqCustomerAdministration(DSLContext db, AccessService access, PasswordHashing passwords, AdminRows rows,
            DatabaseSchema schema, CustomerProperties properties, CompanyAdministration companies) {
        this.companies = companies;
        this.db = db;
        this.access = access;
        this.passwords = passwords;
        this.rows = rows;
        this.schema = schema;
        this.properties = properties;
    }

    // ---- customer users

    @Override
    @Transactional(readOnly = true)
    public Page<CustomerUserDetails> customerUsers(int actorId, String text, int page) {
        access.requireAdmin(actorId);
        Condition filter = TextFilters.containsAny(text, CUSTOMER_USER.LOGIN, CUSTOMER_USER.FIRST_NAME, CUSTOMER_USER.LAST_NAME,
                CUSTOMER_USER.EMAIL, CUSTOMER_USER.CUSTOMER_ID);
        int total = db.fetchCount(CUSTOMER_USER, filter);
        int current = Math.max(0, page);
        List<CustomerUserDetails> found = db.selectFrom(CUSTOMER_USER).where(filter)
                .orderBy(DSL.lower(CUSTOMER_USER.LOGIN))
                .offset(current * PAGE_SIZE).limit(PAGE_SIZE)
                .fetch(JooqCustomerAdministration::details);
        return new Page<>(found, current, PAGE_SIZE, total);
    }

    @Override
    @Transactional(readOnly = true)
    public CustomerUserDetails customerUser(int actorId, int customerUserId) {
        access.requireAdmin(actorId);
        return details(customerUserRow(customerUserId));
    }

    @Override
    @Transactional
    public int createCustomerUser(int actorId, CustomerUserChanges changes) {
        access.requireAdmin(actorId);
        return store(actorId, validate(changes, null, null));
    }

    @Override
    @Transactional
    public int createCustomerUser(int actorId, CustomerUserChanges changes, Company newCompany) {
        access.requireAdmin(actorId);
        if (newCompany == null) {
            return store(actorId, validate(changes, null, null));
        }
        Map<String, String> refused = new LinkedHashMap<>();
        try {
            companies.createCompany(actorId, newCompany);
        } catch (InvalidInput invalid) {
            invalid.errors().forEach((field, message) -> refused.put("company." + field, message));
        }
        try {
            // the user's company is the one being made, whether or not it was refused: its own fields are checked
            CustomerUserChanges clean = validate(changes, null, newCompany.customerId());
            if (refused.isEmpty()) {
                return store(actorId, clean);
            }
        } catch (InvalidInput invalid) {
            refused.putAll(invalid.errors());
        }
        // thrown out of this transaction, so a company written above is rolled back with it
        throw new InvalidInput(refused);
    }

    private int store(int actorId, CustomerUserChanges clean) {
        CustomerUserRecord row = db.newRecord(CUSTOMER_USER);
        row.setLogin(clean.login());
        apply(row, clean);
        if (clean.password() != null) {
            row.setPw(passwords.hash(clean.password()));
        }
        rows.created(actorId, row).store();
        List<Change> recorded = new ArrayList<>(userChanges(null, details(row)));
        if (clean.password() != null) {
            recorded.add(Change.secret("password"));
        }
        rows.audit(actorId, "customer-user", "login " + clean.login(), "create", recorded);
        return row.getId();
    }

    @Override
    @Transactional
    public void updateCustomerUser(int actorId, int customerUserId, CustomerUserChanges changes) {
        access.requireAdmin(actorId);
        CustomerUserRecord row = customerUserRow(customerUserId);
        CustomerUserDetails before = details(row);
        CustomerUserChanges clean = validate(changes, row, null);
        apply(row, clean);
        if (clean.password() != null) {
            row.setPw(passwords.hash(clean.password()));
        }
        rows.changed(actorId, row).update();
        List<Change> recorded = new ArrayList<>(userChanges(before, details(row)));
        if (clean.password() != null) {
            recorded.add(Change.secret("password"));
        }
        rows.audit(actorId, "customer-user", "login " + row.getLogin(), "update", recorded);
    }

    private CustomerUserRecord customerUserRow(int customerUserId) {
        CustomerUserRecord row = db.selectFrom(CUSTOMER_USER).where(CUSTOMER_USER.ID.eq(customerUserId)).fetchOne();
        if (row == null) {
            throw new NoSuchEntry("not-found.customer-user", String.valueOf(customerUserId));
        }
        return row;
    }

    /**
     * Checks every field against the columns and OTRS's rules; returns the values as they will be
     * stored. {@code companyInTheMaking} is a customer id that counts as known (its company is
     * being created in the same transaction), or null.
     */
    private CustomerUserChanges validate(CustomerUserChanges in, CustomerUserRecord existing, String companyInTheMaking) {
        var errors = new InvalidInput.Collector();
        String login = existing == null ? InvalidInput.clean(in.login()) : existing.getLogin();
        if (existing == null) {
            if (login == null) {
                errors.add("login", t("validation.enter-login"));
            } else if (login.length() > ColumnLimits.length(CUSTOMER_USER.LOGIN)) {
                errors.add("login", t("validation.login-too-long", String.valueOf(ColumnLimits.length(CUSTOMER_USER.LOGIN))));
            } else if (db.fetchExists(CUSTOMER_USER, DSL.lower(CUSTOMER_USER.LOGIN).eq(login.toLowerCase(Locale.ROOT)))) {
                errors.add("login", t("validation.customer-user.login-taken", login));
            }
        }
        String firstName = errors.required("firstName", in.firstName(), CUSTOMER_USER.FIRST_NAME, t("validation.enter-first-name"));
        String lastName = errors.required("lastName", in.lastName(), CUSTOMER_USER.LAST_NAME, t("validation.enter-last-name"));
        String email = errors.required("email", in.email(), CUSTOMER_USER.EMAIL, t("validation.enter-mail-address"));
        if (email != null && !errors.has("email")) {
            if (!MailAddressSyntax.isAddress(email)) {
                errors.add("email", t("validation.not-a-mail-address", email));
            } else {
                Condition sameMail = DSL.lower(CUSTOMER_USER.EMAIL).eq(email.toLowerCase(Locale.ROOT));
                if (existing != null) {
                    sameMail = sameMail.and(CUSTOMER_USER.ID.ne(existing.getId()));
                }
                if (db.fetchExists(CUSTOMER_USER, sameMail)) {
                    errors.add("email", t("validation.customer-user.email-taken", email));
                }
            }
        }
        String customerId = errors.required("customerId", in.customerId(), CUSTOMER_USER.CUSTOMER_ID,
                t("validation.customer-user.choose-company"));
        boolean unchangedCompany = existing != null && customerId != null && customerId.equals(existing.getCustomerId());
        boolean companyInTheMakingChosen = companyInTheMaking != null && customerId != null
                && customerId.equalsIgnoreCase(companyInTheMaking.strip());
        if (companyInTheMakingChosen) {
            customerId = companyInTheMaking.strip(); // as the company is stored
        } else if (customerId != null && !errors.has("customerId") && !unchangedCompany) {
            // an adopted database may hold free-text customer ids; they stay as long as nobody changes them
            String known = db.select(CUSTOMER_COMPANY.CUSTOMER_ID).from(CUSTOMER_COMPANY)
                    .where(DSL.lower(CUSTOMER_COMPANY.CUSTOMER_ID).eq(customerId.toLowerCase(Locale.ROOT)))
                    .fetchOne(CUSTOMER_COMPANY.CUSTOMER_ID);
            if (known == null) {
                errors.add("customerId", t("not-found.customer-company", customerId));
            } else {
                customerId = known;
            }
        }
        String title = errors.optional("title", in.title(), CUSTOMER_USER.TITLE);
        String phone = errors.optional("phone", in.phone(), CUSTOMER_USER.PHONE);
        String mobile = errors.optional("mobile", in.mobile(), CUSTOMER_USER.MOBILE);
        String street = errors.optional("street", in.street(), CUSTOMER_USER.STREET);
        String zip = errors.optional("zip", in.zip(), CUSTOMER_USER.ZIP);
        String city = errors.optional("city", in.city(), CUSTOMER_USER.CITY);
        String country = errors.optional("country", in.country(), CUSTOMER_USER.COUNTRY);
        String comment = errors.optional("comment", in.comment(), CUSTOMER_USER.COMMENTS);
        AdminRows.validity(errors, in.validId());
        String password = in.password() == null || in.password().isEmpty() ? null : in.password();
        if (password != null && password.isBlank()) {
            errors.add("password", t("validation.password-only-spaces"));
        }
        errors.throwIfAny();
        return new CustomerUserChanges(login, title, firstName, lastName, email, customerId, phone, mobile, street,
                zip, city, country, comment, in.validId(), password);
    }

    private static void apply(CustomerUserRecord row, CustomerUserChanges clean) {
        row.setTitle(clean.title());
        row.setFirstName(clean.firstName());
        row.setLastName(clean.lastName());
        row.setEmail(clean.email());
        row.setCustomerId(clean.customerId());
        row.setPhone(clean.phone());
        row.setMobile(clean.mobile());
        row.setStreet(clean.street());
        row.setZip(clean.zip());
        row.setCity(clean.city());
        row.setCountry(clean.country());
        row.setComments(clean.comment());
        row.setValidId((short) clean.validId());
    }

    private static CustomerUserDetails details(CustomerUserRecord r) {
        return new CustomerUserDetails(r.getId(), r.getLogin(), r.getTitle(), r.getFirstName(), r.getLastName(),
                r.getEmail(), r.getCustomerId(), r.getPhone(), r.getMobile(), r.getStreet(), r.getZip(), r.getCity(),
                r.getCountry(), r.getComments(), r.getValidId(), r.getPw() != null && !r.getPw().isEmpty());
    }

    private static List<Change> userChanges(CustomerUserDetails before, CustomerUserDetails after) {
        boolean creating = before == null;
        return java.util.Arrays.asList(
                creating ? Change.of("login", null, after.login()) : null,
                Change.of("title", creating ? null : before.title(), after.title()),
                Change.of("firstName", creating ? null : before.firstName(), after.firstName()),
                Change.of("lastName", creating ? null : before.lastName(), after.lastName()),
                Change.of("email", creating ? null : before.email(), after.email()),
                Change.of("customerId", creating ? null : before.customerId(), after.customerId()),
                Change.of("phone", creating ? null : before.phone(), after.phone()),
                Change.of("mobile", creating ? null : before.mobile(), after.mobile()),
                Change.of("street", creating ? null : before.street(), after.street()),
                Change.of("zip", creating ? null : before.zip(), after.zip()),
                Change.of("city", creating ? null : before.city(), after.city()),
                Change.of("country", creating ? null : before.country(), after.country()),
                Change.of("comment", creating ? null : before.comment(), after.comment()),
                AdminRows.validityChange(creating ? null : before.validId(), after.validId()));
    }

    // ---- customer groups

    @Override
    public boolean groupSupport() {
        return properties.groupSupport();
    }

    @Override
    @Transactional(readOnly = true)
    public List<CustomerGroupGrant> groupsOf(int actorId, int customerUserId) {
        access.requireAdmin(actorId);
        String login = customerUserRow(customerUserId).getLogin();
        Map<Integer, Set<String>> held = heldPermissions(login);
        PermissionGroups groups = schema.permissionGroups();
        return db.select(groups.ID, groups.NAME).from(groups)
                .where(groups.VALID_ID.eq(Validity.VALID.id()))
                .orderBy(groups.NAME)
                .fetch(r -> {
                    Set<String> keys = held.getOrDefault(r.value1(), Set.of());
                    return new CustomerGroupGrant(r.value1(), r.value2(), keys.contains("ro"), keys.contains("rw"));
                });
    }

    @Override
    @Transactional
    public void setGroups(int actorId, int customerUserId, Map<Integer, Set<String>> grants) {
        access.requireAdmin(actorId);
        if (!properties.groupSupport()) {
            throw InvalidInput.of("groups", t("validation.customer-user.group-support-off"));
        }
        String login = customerUserRow(customerUserId).getLogin();
        PermissionGroups groups = schema.permissionGroups();
        Map<Integer, String> groupNames = new HashMap<>();
        db.select(groups.ID, groups.NAME).from(groups).fetch().forEach(r -> groupNames.put(r.value1(), r.value2()));
        var errors = new InvalidInput.Collector();
        for (var grant : grants.entrySet()) {
            if (!groupNames.containsKey(grant.getKey())) {
                errors.add("groups", t("validation.no-such-group-id", String.valueOf(grant.getKey())));
            }
            for (String key : grant.getValue()) {
                if (!GROUP_PERMISSIONS.contains(key)) {
                    errors.add("groups", t("validation.customer-user.group-permission", key));
                }
            }
        }
        errors.throwIfAny();

        Map<Integer, Set<String>> before = heldPermissions(login);
        LocalDateTime now = rows.now();
        db.deleteFrom(GROUP_CUSTOMER_USER).where(GROUP_CUSTOMER_USER.USER_ID.eq(login)).execute();
        List<Change> changes = new ArrayList<>();
        Set<Integer> touched = new TreeSet<>(before.keySet());
        touched.addAll(grants.keySet());
        for (int groupId : touched) {
            Set<String> was = before.getOrDefault(groupId, Set.of());
            Set<String> is = new TreeSet<>(grants.getOrDefault(groupId, Set.of()));
            for (String key : is) {
                db.insertInto(GROUP_CUSTOMER_USER)
                        .set(GROUP_CUSTOMER_USER.USER_ID, login)
                        .set(GROUP_CUSTOMER_USER.GROUP_ID, groupId)
                        .set(GROUP_CUSTOMER_USER.PERMISSION_KEY, key)
                        .set(GROUP_CUSTOMER_USER.PERMISSION_VALUE, (short) 1)
                        .set(GROUP_CUSTOMER_USER.CREATE_TIME, now)
                        .set(GROUP_CUSTOMER_USER.CREATE_BY, actorId)
                        .set(GROUP_CUSTOMER_USER.CHANGE_TIME, now)
                        .set(GROUP_CUSTOMER_USER.CHANGE_BY, actorId)
                        .execute();
            }
            changes.add(Change.of("group " + groupNames.getOrDefault(groupId, String.valueOf(groupId)),
                    String.join(",", new TreeSet<>(was)), String.join(",", is)));
        }
        rows.audit(actorId, "customer-group-permission", "login " + login, "update", changes);
    }

    /** Group id to the permission keys held; OTRS keeps revoked permissions as rows with value 0. */
    private Map<Integer, Set<String>> heldPermissions(String login) {
        Map<Integer, Set<String>> held = new HashMap<>();
        db.select(GROUP_CUSTOMER_USER.GROUP_ID, GROUP_CUSTOMER_USER.PERMISSION_KEY).from(GROUP_CUSTOMER_USER)
                .where(GROUP_CUSTOMER_USER.USER_ID.eq(login))
                .and(GROUP_CUSTOMER_USER.PERMISSION_VALUE.eq((short) 1))
                .fetch()
                .forEach(r -> held.computeIfAbsent(r.value1(), id -> new HashSet<>()).add(r.value2()));
        return held;
    }
}
