package org.jotrs.access.internal;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
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

    @Bean
    OtrsPasswordHashes otrsPasswordHashes() {
        return new OtrsPasswordHashes();
    }

    @Bean
    SecurityFilterChain agentSecurity(HttpSecurity http, SecurityProperties properties) throws Exception {
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
                .sessionManagement(session -> session.sessionFixation(fixation -> fixation.changeSessionId()))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN)));
        return http.build();
    }

    private static AuthorizationManager<RequestAuthorizationContext> fromAddresses(List<String> cidrs) {
        List<IpAddressMatcher> matchers = cidrs.stream().map(String::strip).map(IpAddressMatcher::new).toList();
        return (authentication, context) -> new AuthorizationDecision(
                matchers.stream().anyMatch(matcher -> matcher.matches(context.getRequest())));
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
}
