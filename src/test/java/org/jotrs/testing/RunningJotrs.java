package org.jotrs.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jotrs.JotrsApplication;
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
     * Starts the application with listeners registered before anything else runs, to observe
     * start-up itself (when the port opens, say).
     */
    public static RunningJotrs start(TestDatabase database, List<ApplicationListener<?>> listeners,
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

    private static Path tempFolder() {
        try {
            return Files.createTempDirectory("jotrs-data-");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
