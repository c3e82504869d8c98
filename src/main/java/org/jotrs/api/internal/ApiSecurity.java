package org.jotrs.api.internal;

import org.jotrs.platform.ErrorReplies;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;

/**
 * {@code /api/**}: authenticated by bearer tokens ({@link ApiAuthentication}), never by the agent's
 * session cookie, so there is no CSRF token to send: a forged cross-site request carries no token.
 * Stateless (no session is read or made), and the JSON answers get a policy that loads nothing;
 * the browsable OpenAPI UI ({@code /api/v1/swagger-ui/}) loads its own scripts and styles.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ApiProperties.class)
class ApiSecurity {

    @Bean
    @Order(3)
    SecurityFilterChain restApi(HttpSecurity http, BearerTokens tokens, ApiRateLimits limits, ErrorReplies replies,
            ApiProperties properties) throws Exception {
        http.securityMatcher("/api/**")
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .securityContext(context -> context.disable())
                .anonymous(anonymous -> anonymous.disable())
                .addFilterBefore(new ApiAuthentication(tokens, limits, replies, properties), AuthorizationFilter.class)
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(
                        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:;"
                                + " object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'")));
        return http.build();
    }
}
