package org.jotrs.testing;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.jotrs.platform.DatabaseKind;

/**
 * One running application per database kind, shared by the methods of an {@link OnEveryDatabase}
 * test class whose methods do not depend on each other's data (each makes its own agents, keys,
 * tickets). Started on first use, so a run that covers H2 only starts H2 only; close it in
 * {@code @AfterAll}:
 *
 * <pre>{@code
 * private static final AppPerDatabase APPS = new AppPerDatabase();
 *
 * @AfterAll
 * static void stop() {
 *     APPS.close();
 * }
 *
 * @OnEveryDatabase
 * void something(DatabaseKind kind) {
 *     RunningJotrs jotrs = APPS.on(kind);
 * }
 * }</pre>
 */
public final class AppPerDatabase implements AutoCloseable {

    private record Started(TestDatabase database, RunningJotrs jotrs) {
    }

    private final String[] arguments;
    private final Map<DatabaseKind, Started> started = new EnumMap<>(DatabaseKind.class);

    /** @param arguments extra command-line arguments of every application ({@code --jotrs.x=y}) */
    public AppPerDatabase(String... arguments) {
        this.arguments = arguments.clone();
    }

    /** The application on a database of this kind, started on first use. */
    public synchronized RunningJotrs on(DatabaseKind kind) {
        return started.computeIfAbsent(kind, k -> {
            TestDatabase database = TestDatabase.create(k);
            try {
                return new Started(database, RunningJotrs.start(database, arguments));
            } catch (RuntimeException | Error e) {
                database.close();
                throw e;
            }
        }).jotrs();
    }

    /** Stops every application and drops its database; a write across module boundaries fails here. */
    @Override
    public synchronized void close() {
        List<Throwable> problems = new ArrayList<>();
        for (Started s : started.values()) {
            try (TestDatabase database = s.database()) {
                s.jotrs().close();
            } catch (RuntimeException | AssertionError e) {
                problems.add(e);
            }
        }
        started.clear();
        if (!problems.isEmpty()) {
            AssertionError failure = new AssertionError("Stopping the shared applications failed: " + problems.getFirst());
            problems.forEach(failure::addSuppressed);
            throw failure;
        }
    }
}
