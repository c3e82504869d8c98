package org.jotrs.postmaster.internal;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The pipe endpoint for MTAs: authenticated by the pipe token ({@code jotrs.postmaster.pipe-token},
 * checked by the endpoint), no cookies and no session, so no CSRF token either: a forged request
 * without the token is refused before anything is read.
 */
@Configuration(proxyBeanMethods = false)
class PipeSecurity {

    @Bean
    @Order(2)
    SecurityFilterChain postmasterPipe(HttpSecurity http) throws Exception {
        http.securityMatcher("/postmaster/pipe")
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .securityContext(context -> context.disable());
        return http.build();
    }
}
