package org.jotrs.observer.internal;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The observer's public paths: the ingestion API (authenticated by the site key, no cookies, so
 * no CSRF token: a forged request could only add events to a site whose key it already has),
 * the SDK script, and the demo page. Everything else stays behind the agent sign-in.
 */
@Configuration(proxyBeanMethods = false)
class ObserverSecurity {

    @Bean
    @Order(1)
    SecurityFilterChain observerPublicPaths(HttpSecurity http) throws Exception {
        http.securityMatcher("/observer/v1/**", "/observer/sdk/**", "/observer/demo/**")
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .securityContext(context -> context.disable())
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'self'; script-src 'self'; "
                                + "style-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'")));
        return http.build();
    }
}
