package org.jotrs.access.internal;

import java.time.Duration;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;

/**
 * Sessions stay Spring Session JDBC's (Boot configures them from {@code spring.session.jdbc.*});
 * this only puts {@link ThrottledLastAccess} in front of the repository, so that a page view
 * does not also write the session row. {@code jotrs.session.last-access-write-interval}
 * (default 1 minute, 0 writes on every request) sets how stale the stored time may get.
 */
@Configuration(proxyBeanMethods = false)
class SessionConfiguration {

    static final String INTERVAL_PROPERTY = "jotrs.session.last-access-write-interval";

    /** Static: a post-processor must exist before the beans it wraps. */
    @Bean
    static BeanPostProcessor throttledLastAccess(Environment environment) {
        Duration interval = Binder.get(environment).bind(INTERVAL_PROPERTY, Duration.class).orElse(Duration.ofMinutes(1));
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                return bean instanceof JdbcIndexedSessionRepository sessions && !interval.isZero()
                        ? new ThrottledLastAccess<>(sessions, interval)
                        : bean;
            }
        };
    }
}
