package org.jotrs.portal.internal;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.TimeZone;
import java.util.function.Supplier;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.jotrs.access.AgentPreferences;
import org.jotrs.customer.CustomerAccounts;
import org.jotrs.platform.ErrorReplies;
import org.jotrs.platform.Messages;
import org.jotrs.portal.PortalAccounts;
import org.jotrs.portal.SignedInCustomer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.i18n.SimpleTimeZoneAwareLocaleContext;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseCookie;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRequestHandler;
import org.springframework.security.web.csrf.XorCsrfTokenRequestAttributeHandler;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The portal's own filter chain for {@code /customer/**}, ahead of the agents' chain: its own
 * sign-in, its own session cookie ({@code JOTRS_CUSTOMER}, path {@code /customer}, backed by
 * {@code jotrs_portal_session}) and its own CSRF cookie. It never reads the agents' Spring Session
 * (no server-side HTTP session is asked for here), so an agent's {@code JOTRS_AGENT} cookie signs
 * nobody into the portal, and the customer cookie is never even sent to agent pages; one browser
 * holds both sessions side by side. CSRF covers every form and htmx request, as for agents.
 */
@Configuration(proxyBeanMethods = false)
class PortalSecurity {

    static final String CSRF_COOKIE = "JOTRS_CUSTOMER_CSRF";
    /** Set when the request carried a session cookie that no longer signs anyone in. */
    static final String SESSION_ENDED = PortalSecurity.class.getName() + ".sessionEnded";

    private static final String CONTENT_SECURITY_POLICY = "default-src 'self'; img-src 'self' data:; "
            + "style-src 'self'; script-src 'self'; object-src 'none'; base-uri 'self'; "
            + "form-action 'self'; frame-ancestors 'none'";

    @Bean
    @Order(1)
    SecurityFilterChain customerPortal(HttpSecurity http, PortalAccounts accounts, CustomerAccounts customers,
            ErrorReplies replies, @Value("${jotrs.web.default-language:en}") String defaultLanguage) throws Exception {
        CookieCsrfTokenRepository csrfTokens = new CookieCsrfTokenRepository();
        csrfTokens.setCookieName(CSRF_COOKIE);
        csrfTokens.setParameterName("_csrf");
        csrfTokens.setHeaderName("X-CSRF-TOKEN");
        csrfTokens.setCookiePath("/customer");
        csrfTokens.setCookieCustomizer(cookie -> cookie.sameSite("Lax").httpOnly(true));
        http.securityMatcher("/customer", "/customer/**")
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/customer/login", "/customer/password/**", "/customer/sign-up", "/customer/sign-up/**").permitAll()
                        .anyRequest().hasRole("CUSTOMER"))
                .csrf(csrf -> csrf.csrfTokenRepository(csrfTokens).csrfTokenRequestHandler(new TamperProofCsrfTokens()))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .securityContext(context -> context.securityContextRepository(new RequestAttributeSecurityContextRepository()))
                .requestCache(cache -> cache.disable())
                .anonymous(anonymous -> anonymous.principal("anonymousCustomer"))
                .exceptionHandling(handling -> handling
                        .authenticationEntryPoint((request, response, refused) -> response.sendRedirect(
                                request.getContextPath() + (request.getAttribute(SESSION_ENDED) != null
                                        ? "/customer/login?expired" : "/customer/login")))
                        .accessDeniedHandler((request, response, denied) -> {
                            boolean csrf = denied instanceof CsrfException;
                            log.info("Portal request refused status=403 uri={} reason={}", request.getRequestURI(),
                                    csrf ? "missing or invalid CSRF token" : denied.getClass().getSimpleName());
                            replies.write(request, response, ErrorReplies.Reply.of(HttpStatus.FORBIDDEN,
                                    csrf ? Messages.t("portal.error.form-expired") : Messages.t("portal.error.not-allowed")));
                        }))
                .addFilterBefore(new CustomerSessionFilter(accounts, customers, AgentPreferences.supportedLanguage(defaultLanguage)),
                        AuthorizationFilter.class)
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN)));
        return http.build();
    }

    private static final Logger log = LoggerFactory.getLogger(PortalSecurity.class);

    /** The session cookie for a token; {@code null} token: the cookie that deletes it. */
    static ResponseCookie sessionCookie(String token, boolean secure) {
        return ResponseCookie.from(PortalAccounts.SESSION_COOKIE, token == null ? "" : token)
                .path("/customer").httpOnly(true).sameSite("Lax").secure(secure)
                .maxAge(token == null ? 0 : -1).build();
    }

    static String sessionToken(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies != null) {
            for (Cookie cookie : cookies) {
                if (PortalAccounts.SESSION_COOKIE.equals(cookie.getName())) {
                    return cookie.getValue();
                }
            }
        }
        return null;
    }

    /**
     * Signs the request in from the {@code JOTRS_CUSTOMER} cookie, and sets the request's language
     * and time zone from the customer's preferences (else the browser's language).
     */
    static final class CustomerSessionFilter extends OncePerRequestFilter {

        private final PortalAccounts accounts;
        private final CustomerAccounts customers;
        private final String defaultLanguage;

        CustomerSessionFilter(PortalAccounts accounts, CustomerAccounts customers, String defaultLanguage) {
            this.accounts = accounts;
            this.customers = customers;
            this.defaultLanguage = defaultLanguage == null ? "en" : defaultLanguage;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            String token = sessionToken(request);
            String language = null;
            String zone = null;
            if (token != null && !token.isEmpty()) {
                SignedInCustomer customer = accounts.session(token).orElse(null);
                if (customer == null) {
                    request.setAttribute(SESSION_ENDED, Boolean.TRUE);
                    response.addHeader("Set-Cookie", sessionCookie(null, request.isSecure()).toString());
                } else {
                    SecurityContext context = SecurityContextHolder.createEmptyContext();
                    context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(customer, null,
                            List.of(new SimpleGrantedAuthority("ROLE_CUSTOMER"))));
                    SecurityContextHolder.setContext(context);
                    var preferences = customers.preferences(customer.login());
                    language = AgentPreferences.supportedLanguage(preferences.get(CustomerAccounts.LANGUAGE));
                    zone = preferences.get(CustomerAccounts.TIME_ZONE);
                }
            }
            if (language == null) {
                language = fromBrowser(request);
            }
            Locale locale = Locale.forLanguageTag((language == null ? defaultLanguage : language).replace('_', '-'));
            TimeZone timeZone = zone == null || zone.isBlank() ? TimeZone.getDefault() : TimeZone.getTimeZone(zone);
            request.setAttribute(Messages.REQUEST_LOCALE, new SimpleTimeZoneAwareLocaleContext(locale, timeZone));
            chain.doFilter(request, response);
        }

        private static String fromBrowser(HttpServletRequest request) {
            if (request.getHeader("Accept-Language") == null) {
                return null;
            }
            var wanted = request.getLocales();
            while (wanted.hasMoreElements()) {
                String supported = AgentPreferences.supportedLanguage(wanted.nextElement().toLanguageTag());
                if (supported != null) {
                    return supported;
                }
            }
            return null;
        }
    }

    /** Spring Security's BREACH-masked tokens; a token that does not decode is a wrong one (403), never a 500. */
    private static final class TamperProofCsrfTokens implements CsrfTokenRequestHandler {

        private final XorCsrfTokenRequestAttributeHandler delegate = new XorCsrfTokenRequestAttributeHandler();

        TamperProofCsrfTokens() {
            delegate.setCsrfRequestAttributeName(null);
        }

        @Override
        public void handle(HttpServletRequest request, HttpServletResponse response, Supplier<CsrfToken> csrfToken) {
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
}
