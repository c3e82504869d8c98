package org.jotrs.platform.internal;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.jotrs.platform.ErrorReplies;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * While the database is unreachable, every request fails fast (the pool waits at most
 * {@code spring.datasource.hikari.connection-timeout}, 3 s) and is answered with a 503 page that
 * says so, also when the failure happens before Spring MVC (reading the session, signing in):
 * without this, Tomcat's generic 500 page and a stack trace per request. Readiness
 * ({@code /actuator/health/readiness}) includes the database, so a load balancer stops sending
 * traffic; recovery is automatic, as the pool reconnects by itself.
 */
@Configuration(proxyBeanMethods = false)
class DatabaseOutageReplies {

    @Bean
    FilterRegistrationBean<Outage> databaseOutageFilter(ErrorReplies replies) {
        FilterRegistrationBean<Outage> registration = new FilterRegistrationBean<>(new Outage(replies));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        return registration;
    }

    static final class Outage extends OncePerRequestFilter {

        private static final Logger log = LoggerFactory.getLogger(DatabaseOutageReplies.class);

        private final ErrorReplies replies;

        Outage(ErrorReplies replies) {
            this.replies = replies;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            try {
                chain.doFilter(request, response);
            } catch (ServletException | RuntimeException failure) {
                if (!ErrorReplies.databaseUnreachable(failure) || response.isCommitted()) {
                    throw failure;
                }
                log.warn("Database unreachable uri={} cause={}", request.getRequestURI(), rootMessage(failure));
                replies.write(request, response, ErrorReplies.Reply.of(HttpStatus.SERVICE_UNAVAILABLE,
                        ErrorReplies.DATABASE_UNREACHABLE));
            }
        }

        private static String rootMessage(Throwable thrown) {
            Throwable root = thrown;
            while (root.getCause() != null && root.getCause() != root) {
                root = root.getCause();
            }
            return root.getClass().getSimpleName() + ": " + root.getMessage();
        }
    }
}
