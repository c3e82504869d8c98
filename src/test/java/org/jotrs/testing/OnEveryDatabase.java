package org.jotrs.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Arrays;
import java.util.stream.Stream;

import org.jotrs.platform.DatabaseKind;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.ArgumentsProvider;
import org.junit.jupiter.params.provider.ArgumentsSource;
import org.junit.jupiter.params.support.ParameterDeclarations;

/**
 * A test that runs once per database (its parameter is the {@link DatabaseKind}). Which databases
 * a run covers is the test tier's choice (docs/testing.md): {@code ./mvnw test} runs H2 only, and
 * the second pass of {@code ./mvnw verify} runs PostgreSQL and MariaDB, so that every case runs
 * exactly once and none is skipped. The system property {@code jotrs.test.databases} (a comma
 * list of {@code H2}, {@code POSTGRESQL}, {@code MYSQL}) sets it; without it, all three run.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@ParameterizedTest(name = "{0}")
@Tag(OnEveryDatabase.TAG)
@ArgumentsSource(OnEveryDatabase.Databases.class)
public @interface OnEveryDatabase {

    String TAG = "every-database";

    /** Tags tests that run on PostgreSQL and MariaDB only: they belong to the second pass as well. */
    String OTHER_DATABASES_TAG = "other-databases";

    /** The databases of this run. */
    final class Databases implements ArgumentsProvider {

        @Override
        public Stream<? extends Arguments> provideArguments(ParameterDeclarations parameters, ExtensionContext context) {
            String chosen = System.getProperty("jotrs.test.databases", "");
            Stream<DatabaseKind> kinds = chosen.isBlank() ? Arrays.stream(DatabaseKind.values())
                    : Arrays.stream(chosen.split(",")).map(String::strip).filter(s -> !s.isEmpty()).map(DatabaseKind::valueOf);
            return kinds.map(Arguments::of);
        }
    }
}
