package org.jotrs.access.internal;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.apache.catalina.valves.RemoteIpValve;
import org.jooq.DSLContext;
import org.jotrs.platform.ErrorReplies;
import org.jotrs.platform.Messages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.tomcat.TomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRequestHandler;
import org.springframework.security.web.csrf.XorCsrfTokenRequestAttributeHandler;
import org.springframework.security.web.savedrequest.CookieRequestCache;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.util.matcher.IpAddressMatcher;

/**
 * Agent web security: form sign-in, CSRF on every state-changing request (forms send
 * {@code _csrf}, htmx sends the {@code X-CSRF-TOKEN} header set in the page layout), strict
 * content security policy, open health probes and address-restricted metrics.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
class SecurityConfiguration {

    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; img-src 'self' data:; "
            + "style-src 'self'; script-src 'self'; object-src 'none'; base-uri 'self'; "
            + "form-action 'self'; frame-ancestors 'none'";

    /** No page needs a camera, microphone, location, payment or the like; not even in a frame. */
    static final String PERMISSIONS_POLICY = "accelerometer=(), camera=(), display-capture=(), geolocation=(), "
            + "gyroscope=(), magnetometer=(), microphone=(), midi=(), payment=(), publickey-credentials-get=(), "
            + "screen-wake-lock=(), serial=(), usb=(), xr-spatial-tracking=(), interest-cohort=()";

    @Bean
    OtrsPasswordHashes otrsPasswordHashes() {
        return new OtrsPasswordHashes();
    }

    /**
     * Tomcat's RemoteIpValve (server.forward-headers-strategy: native) believes X-Forwarded-* only
     * from these peers. Boot's default trusts every private and loopback address, so anyone on the
     * same network, or a client sending the header through a port forward, could pick its own
     * address; here the list is {@code jotrs.security.trusted-proxies}, empty unless configured.
     */
    @Bean
    WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory> trustedProxiesOnly(SecurityProperties properties) {
        String ranges = properties.trustedProxyRanges();
        return new WebServerFactoryCustomizer<>() {
            @Override
            public void customize(ConfigurableTomcatWebServerFactory factory) {
                if (factory instanceof TomcatWebServerFactory tomcat) {
                    tomcat.getEngineValves().stream().filter(RemoteIpValve.class::isInstance).map(RemoteIpValve.class::cast)
                            .forEach(valve -> {
                                valve.setInternalProxies(ranges);
                                valve.setTrustedProxies("");
                            });
                }
            }
        };
    }

    @Bean
    SecurityFilterChain agentSecurity(HttpSecurity http, SecurityProperties properties, DSLContext db,
            ErrorReplies replies) throws Exception {
        // No server-side session before sign-in: the sign-in form's CSRF token and the page to return
        // to after sign-in live in cookies, so anonymous visitors write no session rows.
        CookieCsrfTokenRepository csrfTokens = new CookieCsrfTokenRepository();
        csrfTokens.setCookieName("JOTRS_CSRF");
        csrfTokens.setParameterName("_csrf");
        csrfTokens.setHeaderName("X-CSRF-TOKEN");
        csrfTokens.setCookieCustomizer(cookie -> cookie.path("/").sameSite("Lax").httpOnly(true));
        CookieRequestCache requestCache = new CookieRequestCache();
        // Only a page the agent navigated to is worth returning to after signing in. Without this
        // a custom cache saves any request: the live stream's or an htmx POST's address, and the
        // agent lands on "405 Method Not Allowed" after signing in again.
        requestCache.setRequestMatcher(SecurityConfiguration::isPageNavigation);
        // AgentAuthenticationProvider, the only AuthenticationProvider bean, becomes the global
        // authentication manager by itself; adding it here too would run it twice per sign-in.
        http.authorizeHttpRequests(requests -> requests
                        .requestMatchers(EndpointRequest.to(HealthEndpoint.class)).permitAll()
                        .requestMatchers(EndpointRequest.to("prometheus")).access(fromAddresses(properties.metricsAllowedFrom()))
                        .requestMatchers("/login", "/error", "/css/**", "/img/**", "/js/**", "/webjars/**", "/favicon.ico", "/favicon.svg").permitAll()
                        .anyRequest().hasRole("AGENT"))
                .formLogin(form -> form
                        .loginPage("/login")
                        .defaultSuccessUrl("/", false)
                        .failureHandler(new SignInFailureHandler()))
                .logout(logout -> logout
                        .logoutUrl("/logout")
                        .logoutSuccessUrl("/login?logout")
                        .deleteCookies("JOTRS_AGENT"))
                .csrf(csrf -> csrf.csrfTokenRepository(csrfTokens)
                        .csrfTokenRequestHandler(new TamperProofCsrfTokenHandler()))
                .requestCache(cache -> cache.requestCache(requestCache))
                .exceptionHandling(denied -> denied.accessDeniedHandler(new RefusalPage(replies)))
                .addFilterBefore(new ValidAgentFilter(db), AuthorizationFilter.class)
                .sessionManagement(session -> session
                        .sessionCreationPolicy(SessionCreationPolicy.IF_REQUIRED)
                        .sessionFixation(fixation -> fixation.changeSessionId()))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN))
                        .permissionsPolicyHeader(policy -> policy.policy(PERMISSIONS_POLICY)));
        return http.build();
    }

    private static AuthorizationManager<RequestAuthorizationContext> fromAddresses(List<String> cidrs) {
        List<IpAddressMatcher> matchers = cidrs.stream().map(String::strip).map(IpAddressMatcher::new).toList();
        return (authentication, context) -> new AuthorizationDecision(
                matchers.stream().anyMatch(matcher -> matcher.matches(context.getRequest())));
    }

    /**
     * A refused request (a missing, expired or forged CSRF token; a signed-in agent where only
     * anonymous access is meant) is a 403 page or problem+json, logged as one line without a
     * stack trace: anyone can send such requests, so they must not flood the log.
     */
    private static final class RefusalPage implements AccessDeniedHandler {

        private static final Logger log = LoggerFactory.getLogger(RefusalPage.class);

        private final ErrorReplies replies;

        RefusalPage(ErrorReplies replies) {
            this.replies = replies;
        }

        @Override
        public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
                throws IOException {
            boolean csrf = denied instanceof CsrfException;
            log.info("Request refused status=403 uri={} reason={}", request.getRequestURI(),
                    csrf ? "missing or invalid CSRF token" : denied.getClass().getSimpleName());
            // Before the DispatcherServlet: in the language the browser asks for (Accept-Language).
            replies.write(request, response, ErrorReplies.Reply.of(HttpStatus.FORBIDDEN, csrf
                    ? Messages.t("error.csrf") : Messages.t("error.forbidden")));
        }
    }

    /**
     * Spring Security's own handler (BREACH-masked tokens), but a token that decodes to garbage is
     * simply a wrong token (403), never an exception (500 with a stack trace in the log).
     */
    private static final class TamperProofCsrfTokenHandler implements CsrfTokenRequestHandler {

        private final XorCsrfTokenRequestAttributeHandler delegate = new XorCsrfTokenRequestAttributeHandler();

        TamperProofCsrfTokenHandler() {
            // Resolve the token on every request, so every page can render it (as the default does).
            delegate.setCsrfRequestAttributeName(null);
        }

        @Override
        public void handle(HttpServletRequest request, HttpServletResponse response,
                java.util.function.Supplier<CsrfToken> csrfToken) {
            delegate.handle(request, response, csrfToken);
        }

        @Override
        public String resolveCsrfTokenValue(HttpServletRequest request, CsrfToken csrfToken) {
            try {
                return delegate.resolveCsrfTokenValue(request, csrfToken);
            } catch (RuntimeException malformed) {
                return null;
            }
        }
    }

    /** Sends the sign-in form back with the reason; throttling says how long to wait. */
    private static final class SignInFailureHandler implements AuthenticationFailureHandler {

        @Override
        public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
                AuthenticationException exception) throws IOException {
            String target = exception instanceof LoginThrottledException throttled
                    ? "/login?throttled=" + throttled.retryAfterMinutes()
                    : "/login?error";
            response.sendRedirect(request.getContextPath() + target);
        }
    }

    /** A GET for a page, not an htmx, XHR, live stream or JSON request. */
    static boolean isPageNavigation(jakarta.servlet.http.HttpServletRequest request) {
        if (!"GET".equals(request.getMethod()) || request.getHeader("HX-Request") != null
                || "XMLHttpRequest".equals(request.getHeader("X-Requested-With"))) {
            return false;
        }
        String accept = request.getHeader("Accept");
        return accept == null || !(accept.contains("text/event-stream") || accept.startsWith("application/json"));
    }
}
