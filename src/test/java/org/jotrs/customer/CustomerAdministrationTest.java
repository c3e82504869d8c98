package org.jotrs.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.jotrs.platform.db.schema.Tables.CUSTOMER_COMPANY;
import static org.jotrs.platform.db.schema.Tables.CUSTOMER_USER;
import static org.jotrs.platform.db.schema.Tables.GROUP_CUSTOMER_USER;
import static org.jotrs.platform.db.schema.Tables.JOTRS_AUDIT_LOG;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jooq.DSLContext;
import org.jotrs.access.PasswordHashing;
import org.jotrs.testing.Agents;
import org.jotrs.testing.OnEveryDatabase;
import org.jotrs.access.PermissionDenied;
import org.jotrs.platform.AuditLog;
import org.jotrs.platform.DatabaseKind;
import org.jotrs.platform.InvalidInput;
import org.jotrs.testing.RunningJotrs;
import org.jotrs.testing.TestDatabase;

/** Customer users, companies and customer groups administered on every database: rows, audit, refusals. */
class CustomerAdministrationTest {

    private static final int ROOT = 1;

    @OnEveryDatabase
    void administersCustomersAndCompanies(DatabaseKind kind) {
        try (TestDatabase database = TestDatabase.create(kind);
                RunningJotrs jotrs = RunningJotrs.start(database, "--jotrs.customer.group-support=true")) {
            DSLContext db = jotrs.bean(DSLContext.class);
            CustomerAdministration admin = jotrs.bean(CustomerAdministration.class);
            CompanyAdministration companies = jotrs.bean(CompanyAdministration.class);
            int outsider = agent(db, "outsider");

            companies.createCompany(ROOT, new Company("ACME", "Acme Inc.", "Main St 1", "12345", "Springfield", "US",
                    "https://acme.example", null, 1));
            int carla = admin.createCustomerUser(ROOT, carla("carla", "carla@example.com", "acme", "s3cret pass"));

            var stored = db.selectFrom(CUSTOMER_USER).where(CUSTOMER_USER.ID.eq(carla)).fetchSingle();
            assertThat(stored.getLogin()).isEqualTo("carla");
            assertThat(stored.getCustomerId()).as("company id as the company spells it").isEqualTo("ACME");
            assertThat(stored.getPw()).startsWith("BCRYPT:12:");
            assertThat(jotrs.bean(PasswordHashing.class).verify("s3cret pass", stored.getPw())).isTrue();
            assertThat(stored.getCreateBy()).isEqualTo(ROOT);
            assertThat(stored.getPhone()).isNull();
            assertThat(jotrs.bean(CustomerDirectory.class).find("CARLA")).hasValueSatisfying(user ->
                    assertThat(user.fullName()).isEqualTo("Carla Customer"));

            admin.updateCustomerUser(ROOT, carla, new CustomerUserChanges("ignored", "Dr.", "Carla", "Customer",
                    "carla.c@example.com", "ACME", "+1 555", null, null, null, null, null, "VIP", 2, ""));
            stored = db.selectFrom(CUSTOMER_USER).where(CUSTOMER_USER.ID.eq(carla)).fetchSingle();
            assertThat(stored.getLogin()).as("logins stay").isEqualTo("carla");
            assertThat(stored.getEmail()).isEqualTo("carla.c@example.com");
            assertThat(stored.getValidId()).isEqualTo((short) 2);
            assertThat(jotrs.bean(PasswordHashing.class).verify("s3cret pass", stored.getPw()))
                    .as("blank password keeps the old one").isTrue();
            assertThat(admin.customerUsers(ROOT, "LA.C@EXAMPLE", 0).rows()).extracting(CustomerUserDetails::login)
                    .containsExactly("carla");
            assertThat(admin.customerUsers(ROOT, "nobody", 0).total()).isZero();

            companies.updateCompany(ROOT, "ACME", new Company("changed", "Acme Corporation", null, null, null, null, null,
                    "key account", 1));
            assertThat(companies.company(ROOT, "ACME").name()).isEqualTo("Acme Corporation");
            assertThat(companies.companySuggestions(ROOT, "acme c", 10)).extracting(Company::customerId).containsExactly("ACME");

            List<AuditLog.Entry> entries = jotrs.bean(AuditLog.class).recent(null, null, 0, 10);
            assertThat(entries).extracting(AuditLog.Entry::objectType, AuditLog.Entry::action).containsExactly(
                    org.assertj.core.groups.Tuple.tuple("customer-company", "update"),
                    org.assertj.core.groups.Tuple.tuple("customer-user", "update"),
                    org.assertj.core.groups.Tuple.tuple("customer-user", "create"),
                    org.assertj.core.groups.Tuple.tuple("customer-company", "create"));
            assertThat(entries.get(1).changes()).contains(new AuditLog.Change("email", "carla@example.com", "carla.c@example.com"),
                    new AuditLog.Change("valid", "valid", "invalid"));
            assertThat(entries.get(2).changes()).contains(new AuditLog.Change("password", null, "(set)"));
            assertThat(entries.toString()).doesNotContain("s3cret");

            // Refusals: each leaves every table as it was.
            List<Integer> before = counts(db);
            assertThatThrownBy(() -> admin.createCustomerUser(ROOT, carla("CARLA", "other@example.com", "ACME", "")))
                    .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.errors()).containsOnlyKeys("login"));
            assertThatThrownBy(() -> admin.createCustomerUser(ROOT, carla("carl", "not an address", "NOPE", "")))
                    .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.errors())
                            .containsEntry("email", "“not an address” is not a valid mail address.")
                            .containsEntry("customerId", "There is no customer company “NOPE”."));
            assertThatThrownBy(() -> admin.createCustomerUser(ROOT, carla("carl", "CARLA.C@example.com", "ACME", "")))
                    .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.errors()).containsOnlyKeys("email"));
            assertThatThrownBy(() -> admin.createCustomerUser(ROOT, new CustomerUserChanges(" ", null, "", "", "", "",
                    null, null, null, null, null, null, null, 7, null)))
                    .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.errors()).containsOnlyKeys(
                            "login", "firstName", "lastName", "email", "customerId", "validId"));
            assertThatThrownBy(() -> companies.createCompany(ROOT, new Company("acme", "Other", null, null, null, null, null, null, 1)))
                    .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.errors()).containsOnlyKeys("customerId"));
            assertThatThrownBy(() -> companies.createCompany(ROOT, new Company("OTHER", "ACME corporation", null, null, null,
                    null, "ftp://x", null, 1)))
                    .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.errors()).containsOnlyKeys("name", "url"));
            assertThatThrownBy(() -> admin.createCustomerUser(outsider, carla("eve", "eve@example.com", "ACME", "")))
                    .isInstanceOf(PermissionDenied.class);
            assertThatThrownBy(() -> companies.updateCompany(outsider, "ACME", new Company("ACME", "Evil", null, null, null,
                    null, null, null, 1))).isInstanceOf(PermissionDenied.class);
            assertThatThrownBy(() -> admin.customerUsers(outsider, "", 0)).isInstanceOf(PermissionDenied.class);
            assertThatThrownBy(() -> admin.setGroups(ROOT, carla, Map.of(1, Set.of("owner"))))
                    .isInstanceOf(InvalidInput.class);
            assertThatThrownBy(() -> admin.setGroups(ROOT, carla, Map.of(987, Set.of("ro"))))
                    .isInstanceOf(InvalidInput.class);
            assertThatThrownBy(() -> admin.updateCustomerUser(ROOT, 987654, carla("x", "x@example.com", "ACME", "")))
                    .isInstanceOf(org.jotrs.platform.NoSuchEntry.class);
            // With a new company in one step (the ticket forms): both written or neither, all refusals at once.
            Company newCo = new Company("NEWCO", "New Co", null, null, null, null, null, null, 1);
            assertThatThrownBy(() -> admin.createCustomerUser(ROOT, carla("nina", "not an address", "NEWCO", ""), newCo))
                    .as("a refused user leaves no company behind")
                    .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.errors()).containsOnlyKeys("email"));
            assertThatThrownBy(() -> admin.createCustomerUser(ROOT, carla("nina", "nope", "ACME", ""),
                    new Company("ACME", "acme corporation", null, null, null, null, null, null, 1)))
                    .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.errors())
                            .containsOnlyKeys("company.customerId", "company.name", "email"));
            assertThatThrownBy(() -> admin.createCustomerUser(outsider, carla("eve", "eve@example.com", "NEWCO", ""), newCo))
                    .isInstanceOf(PermissionDenied.class);
            assertThat(counts(db)).as("nothing written").isEqualTo(before);
            assertThat(companies.company(ROOT, "ACME").name()).isEqualTo("Acme Corporation");
            int nina = admin.createCustomerUser(ROOT, carla("nina", "nina@example.com", "newco", ""), newCo);
            assertThat(db.fetchValue(CUSTOMER_USER.CUSTOMER_ID, CUSTOMER_USER.ID.eq(nina))).isEqualTo("NEWCO");
            assertThat(companies.company(ROOT, "NEWCO").name()).isEqualTo("New Co");

            // Customer groups (group support is on in this test).
            admin.setGroups(ROOT, carla, Map.of(1, Set.of("ro"), 3, Set.of("ro", "rw")));
            assertThat(admin.groupsOf(ROOT, carla)).filteredOn(CustomerGroupGrant::ro)
                    .extracting(CustomerGroupGrant::groupName).containsExactlyInAnyOrder("users", "stats");
            admin.setGroups(ROOT, carla, Map.of(1, Set.of("rw")));
            assertThat(db.select(GROUP_CUSTOMER_USER.GROUP_ID, GROUP_CUSTOMER_USER.PERMISSION_KEY).from(GROUP_CUSTOMER_USER)
                    .where(GROUP_CUSTOMER_USER.USER_ID.eq("carla")).fetch(r -> r.value1() + ":" + r.value2()))
                    .containsExactly("1:rw");
            assertThat(jotrs.bean(AuditLog.class).recent("customer-group-permission", null, 0, 1)).singleElement()
                    .satisfies(entry -> assertThat(entry.changes()).contains(
                            new AuditLog.Change("group users", "ro", "rw"), new AuditLog.Change("group stats", "ro,rw", "")));
        }
    }

    private static CustomerUserChanges carla(String login, String email, String company, String password) {
        return new CustomerUserChanges(login, null, "Carla", "Customer", email, company, null, null, null, null, null,
                null, null, 1, password);
    }

    static int agent(DSLContext db, String login) {
        return Agents.anAgent(login).named("Out", "Sider").in(db);
    }

    private static List<Integer> counts(DSLContext db) {
        return List.of(db.fetchCount(CUSTOMER_USER), db.fetchCount(CUSTOMER_COMPANY), db.fetchCount(GROUP_CUSTOMER_USER),
                db.fetchCount(JOTRS_AUDIT_LOG));
    }
}
