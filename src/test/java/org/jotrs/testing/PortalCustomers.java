package org.jotrs.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.HttpCookie;
import java.net.http.HttpResponse;
import java.util.Map;

import org.jooq.DSLContext;

/** Customer users for portal tests, and signing them in over HTTP. */
public final class PortalCustomers {

    private PortalCustomers() {
    }

    /** Inserts a valid customer user with the given stored {@code pw} value (any OTRS hash form). */
    public static void create(DSLContext db, String login, String customerId, String email, String storedPassword) {
        db.execute("INSERT INTO customer_user (login, email, customer_id, pw, first_name, last_name, valid_id, create_time,"
                + " create_by, change_time, change_by) VALUES (?, ?, ?, ?, ?, 'Customer', 1, CURRENT_TIMESTAMP, 1,"
                + " CURRENT_TIMESTAMP, 1)", login, email, customerId, storedPassword,
                Character.toUpperCase(login.charAt(0)) + login.substring(1));
    }

    /** Lets the customer see a further company's tickets ({@code customer_user_customer}). */
    public static void addCompany(DSLContext db, String login, String customerId) {
        db.execute("INSERT INTO customer_user_customer (user_id, customer_id, create_time, create_by, change_time, change_by)"
                + " VALUES (?, ?, CURRENT_TIMESTAMP, 1, CURRENT_TIMESTAMP, 1)", login, customerId);
    }

    /** Signs in through the portal's form; returns the POST's response. */
    public static HttpResponse<String> signIn(AgentHttp http, String login, String password) {
        return http.submit("/customer/login", "/customer/login", Map.of("login", login, "password", password));
    }

    /** Signs in and checks that it worked. */
    public static AgentHttp signedIn(RunningJotrs jotrs, String login, String password) {
        AgentHttp http = jotrs.agent();
        HttpResponse<String> response = signIn(http, login, password);
        assertThat(response.statusCode()).as("sign-in of %s", login).isEqualTo(302);
        assertThat(response.headers().firstValue("Location").orElseThrow()).endsWith("/customer/tickets");
        return http;
    }

    /** The value of the portal's session cookie in the client's jar, or null. */
    public static String sessionCookie(AgentHttp http) {
        return http.cookies().getCookieStore().getCookies().stream().filter(c -> c.getName().equals("JOTRS_CUSTOMER"))
                .map(HttpCookie::getValue).findFirst().orElse(null);
    }
}
