package org.jotrs.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jotrs.JotrsApplication;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;

/** Jotrs started as the README starts it, on a test database and a random port. */
public final class RunningJotrs implements AutoCloseable {

    private static final Pattern PASSWORD_LINE = Pattern.compile("password: (\\S+)");

    private final ConfigurableApplicationContext context;
    private final String consoleOutput;
    private final TableWriteGuard writeGuard;

    private RunningJotrs(ConfigurableApplicationContext context, String consoleOutput, TableWriteGuard writeGuard) {
        this.context = context;
        this.consoleOutput = consoleOutput;
        this.writeGuard = writeGuard;
    }

    public static RunningJotrs start(TestDatabase database, String... extraArguments) {
        return start(database, List.of(), extraArguments);
    }

    /**
     * Starts the application with this clock in place of its own {@code Clock} bean (the system
     * clock), so that the test can move time forward instead of waiting for it.
     */
    public static RunningJotrs start(TestDatabase database, Clock clock, String... extraArguments) {
        return start(database, List.of(), clock, extraArguments);
    }

    /**
     * Starts the application with listeners registered before anything else runs, to observe
     * start-up itself (when the port opens, say).
     */
    public static RunningJotrs start(TestDatabase database, List<ApplicationListener<?>> listeners,
            String... extraArguments) {
        return start(database, listeners, null, extraArguments);
    }

    private static RunningJotrs start(TestDatabase database, List<ApplicationListener<?>> listeners, Clock clock,
            String... extraArguments) {
        List<String> arguments = new ArrayList<>();
        for (String argument : database.jotrsArguments()) {
            String name = argument.substring(0, argument.indexOf('=') + 1);
            // An extra argument of the same name replaces the database's (a proxy in front of it, say).
            if (java.util.Arrays.stream(extraArguments).noneMatch(extra -> extra.startsWith(name))) {
                arguments.add(argument);
            }
        }
        arguments.add("--server.port=0");
        arguments.add("--jotrs.data-dir=" + tempFolder());
        arguments.addAll(List.of(extraArguments));
        TableWriteGuard writeGuard = new TableWriteGuard();
        ConsoleCapture.Captured<ConfigurableApplicationContext> started = ConsoleCapture.during(
                () -> new SpringApplicationBuilder(JotrsApplication.class)
                        .initializers(writeGuard)
                        .initializers(context -> {
                            if (clock != null) {
                                context.addBeanFactoryPostProcessor(replaceClock(clock));
                            }
                        })
                        .listeners(StartupLock.listeners().toArray(ApplicationListener<?>[]::new))
                        .listeners(listeners.toArray(ApplicationListener<?>[]::new))
                        .run(arguments.toArray(String[]::new)));
        return new RunningJotrs(started.result(), started.printed(), writeGuard);
    }

    public String baseUrl() {
        return "http://localhost:" + context.getEnvironment().getProperty("local.server.port");
    }

    public AgentHttp agent() {
        return new AgentHttp(baseUrl(), new java.net.CookieManager());
    }

    /** A client that carries the cookies of an earlier one, like a browser kept open across a restart. */
    public AgentHttp agent(AgentHttp earlier) {
        return new AgentHttp(baseUrl(), earlier.cookies());
    }

    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    /** A bean by name, where several share a type. */
    public <T> T bean(String name, Class<T> type) {
        return context.getBean(name, type);
    }

    /** What Jotrs printed to the console while starting. */
    public String consoleOutput() {
        return consoleOutput;
    }

    /** The administrator password printed on a first start, if this start printed one. */
    public Optional<String> firstStartPassword() {
        Matcher matcher = PASSWORD_LINE.matcher(consoleOutput);
        return matcher.find() ? Optional.of(matcher.group(1)) : Optional.empty();
    }

    /** The guard that checks which module writes which table in this application. */
    public TableWriteGuard writeGuard() {
        return writeGuard;
    }

    @Override
    public void close() {
        StartupLock.during(context::close);
        if (!writeGuard.violations().isEmpty()) {
            throw new AssertionError("Writes across module boundaries: " + writeGuard.violations());
        }
    }

    /**
     * Replaces the bean definition of the application's {@code Clock} (named {@code clock}). A
     * plain post-processor added to the context runs after the configuration classes registered
     * their beans, and before any bean is made.
     */
    private static BeanFactoryPostProcessor replaceClock(Clock clock) {
        return beanFactory -> {
            BeanDefinitionRegistry registry = (BeanDefinitionRegistry) beanFactory;
            if (!registry.containsBeanDefinition("clock")) {
                throw new IllegalStateException("The application has no bean named clock to replace");
            }
            registry.removeBeanDefinition("clock");
            registry.registerBeanDefinition("clock", new RootBeanDefinition(Clock.class, () -> clock));
        };
    }

    private static Path tempFolder() {
        try {
            return Files.createTempDirectory("jotrs-data-");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
