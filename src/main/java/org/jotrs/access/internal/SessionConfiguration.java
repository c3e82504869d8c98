package org.jotrs.access.internal;

import java.time.Duration;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.session.web.http.SessionRepositoryFilter;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionOperations;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sessions stay Spring Session JDBC's (Boot configures them from {@code spring.session.jdbc.*});
 * this only puts {@link LeanSessionRepository} in front of the repository, so that a page view
 * does not also write the session row, and reads it once. {@code
 * jotrs.session.last-access-write-interval} (default 1 minute, 0 writes on every request) sets
 * how stale the stored time may get.
 */
@Configuration(proxyBeanMethods = false)
class SessionConfiguration {

    static final String INTERVAL_PROPERTY = "jotrs.session.last-access-write-interval";

    /** Static: a post-processor must exist before the beans it wraps. */
    @Bean
    static BeanPostProcessor throttledLastAccess(Environment environment) {
        Duration interval = Binder.get(environment).bind(INTERVAL_PROPERTY, Duration.class).orElse(Duration.ofMinutes(1));
        if (interval.isNegative()) {
            throw new IllegalStateException(INTERVAL_PROPERTY + " must not be negative, was " + interval);
        }
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                return bean instanceof JdbcIndexedSessionRepository sessions
                        ? new LeanSessionRepository<>(sessions, interval)
                        : bean;
            }
        };
    }

    /** Just before Spring Session's filter, which reads the session. */
    @Bean
    FilterRegistrationBean<Filter> sessionLookupsPerRequest() {
        FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(LeanSessionRepository.lookupsPerRequest());
        registration.setOrder(SessionRepositoryFilter.DEFAULT_ORDER - 1);
        registration.setDispatcherTypes(DispatcherType.REQUEST);
        return registration;
    }

    /**
     * Picked up by Spring Session's JDBC configuration by this name; not a default candidate, so
     * it stays out of everybody else's way (Boot's own {@code TransactionTemplate} remains).
     * Writes run as Spring Session's own configuration would run them: in a new transaction.
     */
    @Bean(defaultCandidate = false)
    TransactionOperations springSessionTransactionOperations(PlatformTransactionManager transactionManager) {
        TransactionTemplate writes = new TransactionTemplate(transactionManager);
        writes.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        writes.afterPropertiesSet();
        return LeanSessionRepository.transactions(writes);
    }
}
