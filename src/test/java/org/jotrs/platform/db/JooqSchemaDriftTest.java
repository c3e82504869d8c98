package org.jotrs.platform.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The committed jOOQ classes must be exactly what the migrations generate. */
class JooqSchemaDriftTest {

    private static final String PACKAGE_PATH = JooqCodegen.PACKAGE.replace('.', '/');

    @Test
    void committedClassesMatchTheMigrations(@TempDir Path temp) throws Exception {
        JooqCodegen.generate(temp);

        Map<String, String> generated = read(temp.resolve(PACKAGE_PATH));
        Map<String, String> committed = read(Path.of("src/main/java").resolve(PACKAGE_PATH));

        assertThat(generated).as("generated jOOQ classes").isNotEmpty();
        assertThat(committed.keySet())
                .as("jOOQ classes are out of date: run ./mvnw -Pjooq-codegen process-test-classes")
                .isEqualTo(generated.keySet());
        generated.forEach((file, content) -> assertThat(committed.get(file))
                .as("%s is out of date: run ./mvnw -Pjooq-codegen process-test-classes", file)
                .isEqualTo(content));
    }

    private static Map<String, String> read(Path root) throws IOException {
        Map<String, String> files = new TreeMap<>();
        if (!Files.isDirectory(root)) {
            return files;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.filter(Files::isRegularFile).toList()) {
                files.put(root.relativize(path).toString(), Files.readString(path));
            }
        }
        return files;
    }
}
