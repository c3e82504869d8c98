package org.jotrs.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jotrs.platform.db.schema.Tables.GROUP_CUSTOMER_USER;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import org.jooq.DSLContext;
import org.jotrs.platform.DatabaseKind;
import org.jotrs.testing.AgentHttp;
import org.jotrs.testing.RunningJotrs;
import org.jotrs.testing.TestDatabase;
import org.junit.jupiter.api.Test;

/** With customer group support on, the customer user screen shows and saves the ro/rw group matrix. */
class CustomerGroupPagesTest {

    @Test
    void groupMatrixIsShownAndSavedWhenGroupSupportIsOn() throws Exception {
        try (TestDatabase database = TestDatabase.create(DatabaseKind.H2);
                RunningJotrs jotrs = RunningJotrs.start(database, "--jotrs.customer.group-support=true")) {
            DSLContext db = jotrs.bean(DSLContext.class);
            CustomerAdministration admin = jotrs.bean(CustomerAdministration.class);
            CompanyAdministration companies = jotrs.bean(CompanyAdministration.class);
            companies.createCompany(1, new Company("ACME", "Acme", null, null, null, null, null, null, 1));
            int carla = admin.createCustomerUser(1, new CustomerUserChanges("carla", null, "Carla", "Customer",
                    "carla@example.com", "ACME", null, null, null, null, null, null, null, 1, null));
            AgentHttp root = jotrs.agent();
            root.signIn("root@localhost", jotrs.firstStartPassword().orElseThrow());

            String page = root.get("/admin/customers/" + carla).body();
            assertThat(page).contains("Group permissions").contains("name=\"perm_1\" value=\"ro\"");

            // checkboxes post the same name twice, which AgentHttp's map cannot express
            String body = "_csrf=" + URLEncoder.encode(AgentHttp.csrfToken(page), StandardCharsets.UTF_8)
                    + "&perm_1=ro&perm_3=ro&perm_3=rw";
            HttpResponse<String> saved = HttpClient.newBuilder().cookieHandler(root.cookies()).build().send(
                    HttpRequest.newBuilder(URI.create(jotrs.baseUrl() + "/admin/customers/" + carla + "/groups"))
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(saved.statusCode()).isEqualTo(302);
            assertThat(db.select(GROUP_CUSTOMER_USER.GROUP_ID, GROUP_CUSTOMER_USER.PERMISSION_KEY).from(GROUP_CUSTOMER_USER)
                    .where(GROUP_CUSTOMER_USER.USER_ID.eq("carla"))
                    .orderBy(GROUP_CUSTOMER_USER.GROUP_ID, GROUP_CUSTOMER_USER.PERMISSION_KEY)
                    .fetch(r -> r.value1() + ":" + r.value2()))
                    .containsExactly("1:ro", "3:ro", "3:rw");
            assertThat(root.get("/admin/customers/" + carla).body()).contains("Group permissions saved.")
                    .contains("name=\"perm_3\" value=\"rw\" checked");
        }
    }
}
