package org.jotrs.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jotrs.platform.db.schema.Tables.CUSTOMER_COMPANY;
import static org.jotrs.platform.db.schema.Tables.CUSTOMER_USER;
import static org.jotrs.platform.db.schema.Tables.JOTRS_AUDIT_LOG;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.codec.digest.DigestUtils;
import org.jooq.DSLContext;
import org.jotrs.platform.DatabaseKind;
import org.jotrs.testing.Agents;
import org.jotrs.testing.AgentHttp;
import org.jotrs.testing.RunningJotrs;
import org.jotrs.testing.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The customer admin screens over HTTP: create, edit, 422 with messages, 403 for agents who are not admins. */
class CustomerAdminPagesTest {

    private static TestDatabase database;
    private static RunningJotrs jotrs;
    private static AgentHttp root;
    private static DSLContext db;

    @BeforeAll
    static void start() {
        database = TestDatabase.create(DatabaseKind.H2);
        jotrs = RunningJotrs.start(database);
        db = jotrs.bean(DSLContext.class);
        root = jotrs.agent();
        root.signIn("root@localhost", jotrs.firstStartPassword().orElseThrow());
        Agents.anAgent("agent").named("Ag", "Ent").password("agent-pw").in(db);
    }

    @AfterAll
    static void stop() {
        jotrs.close();
        database.close();
    }

    @Test
    void adminCreatesACompanyAndACustomerUserAndEditsThem() {
        HttpResponse<String> company = root.submit("/admin/companies/new", "/admin/companies/new",
                Map.of("customerId", "BETA", "name", "Beta Ltd", "city", "Leeds", "validId", "1"));
        assertThat(company.statusCode()).isEqualTo(302);
        assertThat(location(company)).isEqualTo("/admin/companies/edit?customerId=BETA");
        assertThat(root.get("/admin/companies?q=beta").body()).contains("Beta Ltd").contains("Leeds");
        assertThat(root.get("/admin/companies/suggestions?customerId=be").body()).contains("<option value=\"BETA\">Beta Ltd</option>");

        HttpResponse<String> created = root.submit("/admin/customers/new", "/admin/customers/new", customer("bob", "bob@beta.example"));
        assertThat(created.statusCode()).isEqualTo(302);
        String userPath = location(created);
        assertThat(userPath).matches("/admin/customers/\\d+");
        String page = root.get(userPath).body();
        assertThat(page).contains("Customer user bob created.").contains("value=\"bob@beta.example\"")
                .doesNotContain("Group permissions");
        assertThat(root.get("/admin/customers?q=BOB").body()).contains(">bob</a>").contains("Bob Builder");

        Map<String, String> changed = customer("bob", "robert@beta.example");
        changed.put("validId", "2");
        assertThat(root.submit(userPath, userPath, changed).statusCode()).isEqualTo(302);
        var bob = db.selectFrom(CUSTOMER_USER).where(CUSTOMER_USER.LOGIN.eq("bob")).fetchSingle();
        assertThat(bob.getEmail()).isEqualTo("robert@beta.example");
        assertThat(bob.getValidId()).isEqualTo((short) 2);
        assertThat(root.get("/admin").body()).contains("href=\"/admin/customers\"").contains("href=\"/admin/companies\"");
    }

    @Test
    void badInputIsShownAgainWith422AndWritesNothing() {
        root.submit("/admin/companies/new", "/admin/companies/new", Map.of("customerId", "GAMMA", "name", "Gamma", "validId", "1"));
        root.submit("/admin/customers/new", "/admin/customers/new", customer("gina", "gina@gamma.example"));
        List<Integer> before = counts();

        Map<String, String> duplicate = customer("GINA", "gina@@gamma");
        duplicate.put("customerId", "NOWHERE");
        duplicate.put("password", "secret-typed");
        HttpResponse<String> refused = root.submit("/admin/customers/new", "/admin/customers/new", duplicate);
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("There is already a customer user with the login “GINA”.")
                .contains("“gina@@gamma” is not a valid mail address.")
                .contains("There is no customer company “NOWHERE”.")
                .contains("Nothing was saved.")
                .doesNotContain("secret-typed");

        HttpResponse<String> missing = root.submit("/admin/companies/new", "/admin/companies/new",
                Map.of("customerId", "gamma", "name", "", "validId", "1"));
        assertThat(missing.statusCode()).isEqualTo(422);
        assertThat(missing.body()).contains("There is already a company with the customer id “gamma”.")
                .contains("Enter the company’s name.");
        assertThat(counts()).isEqualTo(before);
    }

    @Test
    void aRefusalIsInTheAdministratorsLanguage() {
        Agents.germanAdministrator(db, "kunden-admin");
        AgentHttp german = jotrs.agent();
        german.signIn("kunden-admin", Agents.passwordOf("kunden-admin"));
        root.submit("/admin/companies/new", "/admin/companies/new", Map.of("customerId", "DELTA", "name", "Delta", "validId", "1"));
        List<Integer> before = counts();

        Map<String, String> refusedUser = customer("", "dora@@delta");
        refusedUser.put("customerId", "NIRGENDS");
        HttpResponse<String> refused = german.submit("/admin/customers/new", "/admin/customers/new", refusedUser);
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("Geben Sie einen Login ein.")
                .contains("„dora@@delta“ ist keine gültige E-Mail-Adresse.")
                .contains("Es gibt keine Kundenfirma „NIRGENDS“.")
                .doesNotContain("Enter a login.").doesNotContain("is not a valid mail address");
        HttpResponse<String> company = german.submit("/admin/companies/new", "/admin/companies/new",
                Map.of("customerId", "delta", "name", "", "url", "ftp://delta.example", "validId", "1"));
        assertThat(company.statusCode()).isEqualTo(422);
        assertThat(company.body()).contains("Es gibt bereits eine Firma mit der Kundennummer „delta“.")
                .contains("Geben Sie den Namen der Firma ein.")
                .contains("Geben Sie eine Webadresse ein, die mit http:// oder https:// beginnt.");
        HttpResponse<String> missing = german.get("/admin/companies/edit?customerId=NIRGENDS");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.body()).contains("Es gibt keine Kundenfirma „NIRGENDS“.");
        assertThat(counts()).isEqualTo(before);
        // The same refusal for an administrator without a language preference stays English.
        assertThat(root.submit("/admin/customers/new", "/admin/customers/new", refusedUser).body())
                .contains("Enter a login.");
    }

    @Test
    void agentsWhoAreNotAdminsAreRefused() {
        AgentHttp agent = jotrs.agent();
        agent.signIn("agent", "agent-pw");
        List<Integer> before = counts();
        for (String path : List.of("/admin/customers", "/admin/customers/new", "/admin/companies",
                "/admin/companies/new", "/admin/companies/suggestions?customerId=a")) {
            assertThat(agent.get(path).statusCode()).as(path).isEqualTo(403);
        }
        HttpResponse<String> post = agent.submit("/", "/admin/customers/new", customer("mallory", "m@example.com"));
        assertThat(post.statusCode()).isEqualTo(403);
        assertThat(post.body()).contains("administer Jotrs");
        assertThat(agent.submit("/", "/admin/companies/new", Map.of("customerId", "EVIL", "name", "Evil", "validId", "1"))
                .statusCode()).isEqualTo(403);
        assertThat(counts()).isEqualTo(before);
    }

    private static Map<String, String> customer(String login, String email) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("login", login);
        form.put("firstName", "Bob");
        form.put("lastName", "Builder");
        form.put("email", email);
        form.put("customerId", login.startsWith("g") || login.startsWith("G") ? "GAMMA" : "BETA");
        form.put("validId", "1");
        form.put("password", "");
        return form;
    }

    private static String location(HttpResponse<String> response) {
        return response.headers().firstValue("Location").orElseThrow().replaceFirst("^https?://[^/]+", "");
    }

    private static List<Integer> counts() {
        return List.of(db.fetchCount(CUSTOMER_USER), db.fetchCount(CUSTOMER_COMPANY), db.fetchCount(JOTRS_AUDIT_LOG));
    }
}
