import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

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
 * <p>The build runs it at {@code generate-sources} as a single-file program on the JDK 25
 * toolchain ({@code java -cp <test classpath> src/build/java/JooqCodegen.java <out> <migrations>}),
 * because jOOQ 3.20+ needs Java 21 and Maven itself may run on an older Java. The classes are
 * never committed, so they cannot drift from the migrations. A stamp of the migrations' and this
 * file's digest skips the work when nothing changed.
 */
public final class JooqCodegen {

    static final String PACKAGE = "org.jotrs.platform.db.schema";

    private JooqCodegen() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            throw new IllegalArgumentException("usage: JooqCodegen <output source root> <h2 migrations folder>");
        }
        Path out = Path.of(args[0]).toAbsolutePath();
        Path migrations = Path.of(args[1]).toAbsolutePath();
        Path stamp = out.resolve(".jotrs-codegen-stamp");
        String digest = digest(migrations);
        if (Files.exists(stamp) && Files.readString(stamp).equals(digest)) {
            System.out.println("jOOQ classes are up to date with " + migrations);
            return;
        }
        generate(out, migrations);
        Files.writeString(stamp, digest);
        System.out.println("jOOQ classes generated from " + migrations + " into " + out);
    }

    static void generate(Path sourceRoot, Path migrations) throws Exception {
        String url = "jdbc:h2:mem:jooq_codegen_" + UUID.randomUUID() + ";DATABASE_TO_LOWER=TRUE";
        // Keeps the in-memory database alive between Flyway and the generator.
        try (Connection keepAlive = DriverManager.getConnection(url, "sa", "")) {
            Flyway.configure()
                    .dataSource(url, "sa", "")
                    .locations("filesystem:" + migrations)
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
                                    // Spring Session owns its attribute table (and spells it differently on MySQL), db-scheduler its task table.
                                    .withExcludes("jotrs_schema_history|jotrs_session_attributes|jotrs_scheduled_tasks"))
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
                                    .withFluentSetters(true)
                                    // Self-referencing audit keys (create_by, change_by) would clash as to-many paths.
                                    .withImplicitJoinPathsToMany(false))
                            .withTarget(new Target()
                                    .withPackageName(PACKAGE)
                                    .withDirectory(sourceRoot.toString())
                                    .withClean(true))));
        }
        writeNamedInterfaces(sourceRoot);
    }

    /** SHA-256 over the migration files (names and contents) and this generator's own source. */
    private static String digest(Path migrations) throws Exception {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        List<Path> files;
        try (Stream<Path> walk = Files.list(migrations)) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        }
        for (Path file : files) {
            sha.update(file.getFileName().toString().getBytes(StandardCharsets.UTF_8));
            sha.update(Files.readAllBytes(file));
        }
        Path self = Path.of("src/build/java/JooqCodegen.java");
        if (Files.exists(self)) {
            sha.update(Files.readAllBytes(self));
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    /**
     * Declares the generated packages as the platform module's named interfaces, so other modules
     * may query through them (Spring Modulith keeps every other platform sub-package internal).
     * Which module may write which table is checked separately, by {@code TableOwnershipTest}.
     */
    private static void writeNamedInterfaces(Path sourceRoot) throws IOException {
        String[][] packages = {
            {"", "schema", "The database schema as jOOQ classes, generated from the migrations at build time."},
            {".tables", "schema-tables", "Generated jOOQ tables."},
            {".tables.records", "schema-records", "Generated jOOQ records."}};
        for (String[] pkg : packages) {
            String name = PACKAGE + pkg[0];
            Path file = sourceRoot.resolve(name.replace('.', '/')).resolve("package-info.java");
            Files.writeString(file, """
                    /**
                     * %s
                     * Generated by src/build/java/JooqCodegen.java from the migrations; do not edit.
                     */
                    @org.springframework.modulith.NamedInterface("%s")
                    package %s;
                    """.formatted(pkg[2], pkg[1], name));
        }
    }
}
