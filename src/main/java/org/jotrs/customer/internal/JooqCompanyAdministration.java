package org.jotrs.customer.internal;

import static org.jotrs.platform.Messages.t;
import static org.jotrs.platform.db.schema.Tables.CUSTOMER_COMPANY;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.jotrs.access.AccessService;
import org.jotrs.customer.Company;
import org.jotrs.customer.CompanyAdministration;
import org.jotrs.platform.AdminRows;
import org.jotrs.platform.AuditLog.Change;
import org.jotrs.platform.ColumnLimits;
import org.jotrs.platform.InvalidInput;
import org.jotrs.platform.NoSuchEntry;
import org.jotrs.platform.Page;
import org.jotrs.platform.Validity;
import org.jotrs.platform.db.schema.tables.records.CustomerCompanyRecord;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Customer companies in OTRS's table, with OTRS's rules: customer ids and names are unique
 * ignoring case, and a company's customer id never changes (customer users and tickets refer to it).
 */
@Service
class JooqCompanyAdministration implements CompanyAdministration {

    private final DSLContext db;
    private final AccessService access;
    private final AdminRows rows;

    JooqCompanyAdministration(DSLContext db, AccessService access, AdminRows rows) {
        this.db = db;
        this.access = access;
        this.rows = rows;
    }


    @Override
    @Transactional(readOnly = true)
    public Page<Company> companies(int actorId, String text, int page) {
        access.requireAdmin(actorId);
        Condition filter = TextFilters.containsAny(text, CUSTOMER_COMPANY.CUSTOMER_ID, CUSTOMER_COMPANY.NAME);
        int total = db.fetchCount(CUSTOMER_COMPANY, filter);
        int current = Math.max(0, page);
        List<Company> found = db.selectFrom(CUSTOMER_COMPANY).where(filter)
                .orderBy(DSL.lower(CUSTOMER_COMPANY.NAME))
                .offset(current * PAGE_SIZE).limit(PAGE_SIZE)
                .fetch(JooqCompanyAdministration::company);
        return new Page<>(found, current, PAGE_SIZE, total);
    }

    @Override
    @Transactional(readOnly = true)
    public Company company(int actorId, String customerId) {
        access.requireAdmin(actorId);
        return company(companyRow(customerId));
    }

    @Override
    @Transactional(readOnly = true)
    public List<Company> companySuggestions(int actorId, String text, int limit) {
        access.requireAdmin(actorId);
        String prefix = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        Condition matching = prefix.isEmpty() ? DSL.noCondition()
                : DSL.lower(CUSTOMER_COMPANY.CUSTOMER_ID).like(TextFilters.escapeLike(prefix) + "%", '!')
                        .or(DSL.lower(CUSTOMER_COMPANY.NAME).like(TextFilters.escapeLike(prefix) + "%", '!'));
        return db.selectFrom(CUSTOMER_COMPANY)
                .where(CUSTOMER_COMPANY.VALID_ID.eq(Validity.VALID.id())).and(matching)
                .orderBy(DSL.lower(CUSTOMER_COMPANY.NAME)).limit(limit)
                .fetch(JooqCompanyAdministration::company);
    }

    @Override
    @Transactional
    public void createCompany(int actorId, Company company) {
        access.requireAdmin(actorId);
        Company clean = validate(company, null);
        CustomerCompanyRecord row = db.newRecord(CUSTOMER_COMPANY);
        row.setCustomerId(clean.customerId());
        apply(row, clean);
        rows.created(actorId, row).store();
        rows.audit(actorId, "customer-company", "customer id " + clean.customerId(), "create",
                companyChanges(null, clean));
    }

    @Override
    @Transactional
    public void updateCompany(int actorId, String customerId, Company changes) {
        access.requireAdmin(actorId);
        CustomerCompanyRecord row = companyRow(customerId);
        Company before = company(row);
        Company clean = validate(changes, row);
        apply(row, clean);
        rows.changed(actorId, row).update();
        rows.audit(actorId, "customer-company", "customer id " + row.getCustomerId(), "update",
                companyChanges(before, company(row)));
    }

    private CustomerCompanyRecord companyRow(String customerId) {
        CustomerCompanyRecord row = customerId == null ? null
                : db.selectFrom(CUSTOMER_COMPANY).where(CUSTOMER_COMPANY.CUSTOMER_ID.eq(customerId)).fetchOne();
        if (row == null) {
            throw new NoSuchEntry("not-found.customer-company", String.valueOf(customerId));
        }
        return row;
    }

    private Company validate(Company in, CustomerCompanyRecord existing) {
        var errors = new InvalidInput.Collector();
        String customerId = existing == null ? InvalidInput.clean(in.customerId()) : existing.getCustomerId();
        if (existing == null) {
            if (customerId == null) {
                errors.add("customerId", t("validation.company.enter-customer-id"));
            } else if (customerId.length() > ColumnLimits.length(CUSTOMER_COMPANY.CUSTOMER_ID)) {
                errors.add("customerId", t("validation.company.customer-id-too-long",
                        String.valueOf(ColumnLimits.length(CUSTOMER_COMPANY.CUSTOMER_ID))));
            } else if (db.fetchExists(CUSTOMER_COMPANY,
                    DSL.lower(CUSTOMER_COMPANY.CUSTOMER_ID).eq(customerId.toLowerCase(Locale.ROOT)))) {
                errors.add("customerId", t("validation.company.customer-id-taken", customerId));
            }
        }
        String name = errors.required("name", in.name(), CUSTOMER_COMPANY.NAME, t("validation.company.enter-name"));
        if (name != null && !errors.has("name")) {
            Condition sameName = DSL.lower(CUSTOMER_COMPANY.NAME).eq(name.toLowerCase(Locale.ROOT));
            if (existing != null) {
                sameName = sameName.and(CUSTOMER_COMPANY.CUSTOMER_ID.ne(existing.getCustomerId()));
            }
            if (db.fetchExists(CUSTOMER_COMPANY, sameName)) {
                errors.add("name", t("validation.company.name-taken", name));
            }
        }
        String street = errors.optional("street", in.street(), CUSTOMER_COMPANY.STREET);
        String zip = errors.optional("zip", in.zip(), CUSTOMER_COMPANY.ZIP);
        String city = errors.optional("city", in.city(), CUSTOMER_COMPANY.CITY);
        String country = errors.optional("country", in.country(), CUSTOMER_COMPANY.COUNTRY);
        String url = errors.optional("url", in.url(), CUSTOMER_COMPANY.URL);
        if (url != null && !errors.has("url") && !url.matches("(?i)https?://\\S+")) {
            errors.add("url", t("validation.enter-web-address"));
        }
        String comment = errors.optional("comment", in.comment(), CUSTOMER_COMPANY.COMMENTS);
        AdminRows.validity(errors, in.validId());
        errors.throwIfAny();
        return new Company(customerId, name, street, zip, city, country, url, comment, in.validId());
    }

    private static void apply(CustomerCompanyRecord row, Company clean) {
        row.setName(clean.name());
        row.setStreet(clean.street());
        row.setZip(clean.zip());
        row.setCity(clean.city());
        row.setCountry(clean.country());
        row.setUrl(clean.url());
        row.setComments(clean.comment());
        row.setValidId((short) clean.validId());
    }

    private static Company company(CustomerCompanyRecord r) {
        return new Company(r.getCustomerId(), r.getName(), r.getStreet(), r.getZip(), r.getCity(), r.getCountry(),
                r.getUrl(), r.getComments(), r.getValidId());
    }

    private static List<Change> companyChanges(Company before, Company after) {
        boolean creating = before == null;
        return Arrays.asList(
                creating ? Change.of("customerId", null, after.customerId()) : null,
                Change.of("name", creating ? null : before.name(), after.name()),
                Change.of("street", creating ? null : before.street(), after.street()),
                Change.of("zip", creating ? null : before.zip(), after.zip()),
                Change.of("city", creating ? null : before.city(), after.city()),
                Change.of("country", creating ? null : before.country(), after.country()),
                Change.of("url", creating ? null : before.url(), after.url()),
                Change.of("comment", creating ? null : before.comment(), after.comment()),
                AdminRows.validityChange(creating ? null : before.validId(), after.validId()));
    }
}
