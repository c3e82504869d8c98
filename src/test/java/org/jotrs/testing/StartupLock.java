package org.jotrs.testing;

import java.util.List;
import java.util.concurrent.locks.ReentrantLock;

import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.event.ApplicationFailedEvent;
import org.springframework.boot.context.event.ApplicationStartingEvent;
import org.springframework.boot.context.logging.LoggingApplicationListener;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.event.SmartApplicationListener;
import org.springframework.core.Ordered;

/**
 * Lets only one application at a time set up or tear down logging, the one part of a start that
 * is shared by the whole JVM.
 *
 * <p>Test classes run two at a time (docs/testing.md), so two applications can start in one JVM at
 * the same moment, which never happens in production. Spring Boot configures Logback, a single
 * per-JVM context, while it prepares the environment and cleans it up when the context closes; two
 * of these at once corrupted it (a {@code ConcurrentModificationException} that failed a start in
 * CI, and console appenders attached twice so that every line was printed twice). The lock is
 * held from the first start-up event until logging is initialised (or the start failed), and while
 * an application closes; everything else of a start still runs beside the other class.
 */
public final class StartupLock {

    private static final ReentrantLock LOCK = new ReentrantLock();

    private StartupLock() {
    }

    /** The listeners to register on a {@code SpringApplication} before it runs. */
    public static List<ApplicationListener<?>> listeners() {
        return List.of(new Acquire(), new Release());
    }

    /** Runs {@code work} (an application's close, say) while no other application sets up logging. */
    public static void during(Runnable work) {
        LOCK.lock();
        try {
            work.run();
        } finally {
            LOCK.unlock();
        }
    }

    private static final class Acquire implements ApplicationListener<ApplicationStartingEvent>, Ordered {
        @Override
        public void onApplicationEvent(ApplicationStartingEvent event) {
            LOCK.lock();
        }

        @Override
        public int getOrder() {
            return Ordered.HIGHEST_PRECEDENCE;
        }
    }

    /** Right after Spring Boot's logging listener has initialised logging, or when the start failed. */
    private static final class Release implements SmartApplicationListener {
        @Override
        public boolean supportsEventType(Class<? extends ApplicationEvent> eventType) {
            return ApplicationEnvironmentPreparedEvent.class.isAssignableFrom(eventType)
                    || ApplicationFailedEvent.class.isAssignableFrom(eventType);
        }

        @Override
        public void onApplicationEvent(ApplicationEvent event) {
            while (LOCK.isHeldByCurrentThread()) {
                LOCK.unlock();
            }
        }

        @Override
        public int getOrder() {
            return LoggingApplicationListener.DEFAULT_ORDER + 1;
        }
    }
}
