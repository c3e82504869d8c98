package org.jotrs.genericinterface.internal;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The GenericInterface routes: every operation authenticates itself from its own data (UserLogin,
 * CustomerUserLogin or SessionID, as OTRS does), so the chain permits the request, keeps no HTTP
 * session and sets no cookie; CSRF does not apply because no browser cookie authenticates anything
 * here.
 */
@Configuration(proxyBeanMethods = false)
class GiSecurity {

    @Bean
    @Order(3)
    SecurityFilterChain genericInterface(HttpSecurity http) throws Exception {
        http.securityMatcher("/otrs/nph-genericinterface.pl/**", "/znuny/nph-genericinterface.pl/**")
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .securityContext(context -> context.disable());
        return http.build();
    }
}
