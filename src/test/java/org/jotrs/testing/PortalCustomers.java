package org.jotrs.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.HttpCookie;
import java.net.http.HttpResponse;
import java.util.Map;

/** Signing customer users in to the portal over HTTP (the rows come from {@link Customers}). */
public final class PortalCustomers {

    private PortalCustomers() {
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
