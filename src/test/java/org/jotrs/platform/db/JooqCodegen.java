package org.jotrs.platform.db;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.UUID;

import org.flywaydb.core.Flyway;
import org.jooq.codegen.GenerationTool;
import org.jooq.meta.jaxb.Configuration;
import org.jooq.meta.jaxb.Database;
import org.jooq.meta.jaxb.Generate;
import org.jooq.meta.jaxb.Generator;
import org.jooq.meta.jaxb.Jdbc;
import org.jooq.meta.jaxb.Target;

/**
 * Generates the jOOQ classes of {@code org.jotrs.platform.db.schema} from the Flyway migrations,
 * run on an in-memory H2 database (the same scripts every database's scripts mirror).
 *
 * <p>Run with {@code ./mvnw -Pjooq-codegen process-test-classes}; the argument is the source root
 * to write into. It runs on the JDK 25 toolchain because jOOQ 3.20+ needs Java 21 or newer.
 */
public final class JooqCodegen {

    public static final String PACKAGE = "org.jotrs.platform.db.schema";

    private JooqCodegen() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: JooqCodegen <source root>");
        }
        generate(Path.of(args[0]));
    }

    public static void generate(Path sourceRoot) throws Exception {
        String url = "jdbc:h2:mem:jooq_codegen_" + UUID.randomUUID() + ";DATABASE_TO_LOWER=TRUE";
        // Keeps the in-memory database alive between Flyway and the generator.
        try (Connection keepAlive = DriverManager.getConnection(url, "sa", "")) {
            Flyway.configure()
                    .dataSource(url, "sa", "")
                    .locations("classpath:db/migration/h2")
                    .table("jotrs_schema_history")
                    .load()
                    .migrate();
            GenerationTool.generate(new Configuration()
                    .withJdbc(new Jdbc().withDriver("org.h2.Driver").withUrl(url).withUser("sa").withPassword(""))
                    .withGenerator(new Generator()
                            .withDatabase(new Database()
                                    .withName("org.jooq.meta.h2.H2Database")
                                    .withInputSchema("public")
                                    .withOutputSchemaToDefault(true)
                                    .withIncludes(".*")
                                    // Spring Session owns its attribute table (and spells it differently on MySQL).
                                    .withExcludes("jotrs_schema_history|jotrs_session_attributes"))
                            .withGenerate(new Generate()
                                    .withGeneratedAnnotation(false)
                                    .withComments(false)
                                    .withJavadoc(false)
                                    .withIndexes(false)
                                    .withSequences(false)
                                    .withPojos(false)
                                    .withDaos(false)
                                    .withRecords(true)
                                    .withJavaTimeTypes(true)
                                    .withFluentSetters(true))
                            .withTarget(new Target()
                                    .withPackageName(PACKAGE)
                                    .withDirectory(sourceRoot.toAbsolutePath().toString())
                                    .withClean(true))));
        }
        writeNamedInterfaces(sourceRoot);
    }

    /**
     * Declares the generated packages as the platform module's named interfaces, so other modules
     * may query through them (Spring Modulith keeps every other platform sub-package internal).
     */
    private static void writeNamedInterfaces(Path sourceRoot) throws java.io.IOException {
        String[][] packages = {
            {"", "schema", "The database schema as jOOQ classes, generated from the migrations by JooqCodegen."},
            {".tables", "schema-tables", "Generated jOOQ tables."},
            {".tables.records", "schema-records", "Generated jOOQ records."}};
        for (String[] pkg : packages) {
            String name = PACKAGE + pkg[0];
            java.nio.file.Path file = sourceRoot.resolve(name.replace('.', '/')).resolve("package-info.java");
            java.nio.file.Files.writeString(file, """
                    /**
                     * %s
                     * Regenerate with {@code ./mvnw -Pjooq-codegen process-test-classes}; do not edit.
                     */
                    @org.springframework.modulith.NamedInterface("%s")
                    package %s;
                    """.formatted(pkg[2], pkg[1], name));
        }
    }
}
