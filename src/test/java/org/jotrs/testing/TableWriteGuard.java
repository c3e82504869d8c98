package org.jotrs.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jooq.ExecuteContext;
import org.jooq.ExecuteListener;
import org.jooq.ExecuteListenerProvider;
import org.jooq.impl.DefaultExecuteListenerProvider;
import org.springframework.boot.jooq.autoconfigure.DefaultConfigurationCustomizer;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Fails every INSERT, UPDATE, DELETE or MERGE that a module issues on a table another module owns
 * ({@link TableOwners}). The writing module is the innermost production class of {@code org.jotrs.*}
 * on the stack, so a write that the platform does on behalf of a caller (the change feed, the audit
 * log) counts as the platform's. Writes from test code (fixtures) are not checked. Installed in
 * every application {@link RunningJotrs} starts; {@link RunningJotrs#close()} fails on violations
 * that application code may have swallowed.
 */
public final class TableWriteGuard implements ApplicationContextInitializer<ConfigurableApplicationContext>, ExecuteListener {

    /** A data change statement, also inside H2's {@code select … from final table (insert …)} for returned keys. */
    private static final Pattern WRITE = Pattern.compile(
            "(?:^|(?:final|new|old)\\s+table\\s*\\()\\s*(?:insert\\s+(?:ignore\\s+)?into|update|delete\\s+from|delete|merge\\s+into|replace\\s+into)\\s+"
                    + "(?:[\"`]?\\w+[\"`]?\\.)?[\"`]?(\\w+)",
            Pattern.CASE_INSENSITIVE);
    private static final StackWalker STACK = StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE);
    private static final ClassValue<Boolean> PRODUCTION = new ClassValue<>() {
        @Override
        protected Boolean computeValue(Class<?> type) {
            var source = type.getProtectionDomain().getCodeSource();
            return source != null && !source.getLocation().getPath().contains("/test-classes/");
        }
    };

    private final List<String> violations = new CopyOnWriteArrayList<>();
    private final Map<String, AtomicLong> checkedWrites = new ConcurrentHashMap<>();

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        DefaultConfigurationCustomizer customizer = configuration -> {
            List<ExecuteListenerProvider> providers = new ArrayList<>(List.of(configuration.executeListenerProviders()));
            providers.add(new DefaultExecuteListenerProvider(this));
            configuration.set(providers.toArray(ExecuteListenerProvider[]::new));
        };
        context.getBeanFactory().registerSingleton("tableWriteGuard", customizer);
    }

    @Override
    public void executeStart(ExecuteContext ctx) {
        java.util.Set<String> statements = new java.util.LinkedHashSet<>();
        statements.add(ctx.sql());
        statements.addAll(java.util.Arrays.asList(ctx.batchSQL()));
        Optional<String> module = callingModule();
        if (module.isEmpty()) {
            return;
        }
        for (String sql : statements) {
            if (sql == null) {
                continue;
            }
            Optional<String> problem = verdict(sql, module.get());
            if (problem.isPresent()) {
                violations.add(problem.get());
                throw new AssertionError(problem.get());
            }
        }
    }

    /** Why a module must not run a statement, or empty if it may. */
    public Optional<String> verdict(String sql, String module) {
        Matcher write = WRITE.matcher(sql);
        if (!write.find()) {
            return Optional.empty();
        }
        String table = write.group(1).toLowerCase(Locale.ROOT);
        Optional<String> owner = TableOwners.ownerOf(table);
        if (owner.isEmpty()) {
            return Optional.of("Module '" + module + "' writes table " + table
                    + ", which has no owner in TableOwners: register it with the module that writes it");
        }
        if (!owner.get().equals(module)) {
            return Optional.of("Module '" + module + "' writes table " + table + ", which module '" + owner.get()
                    + "' owns: call that module's facade instead. Statement: " + sql);
        }
        checkedWrites.computeIfAbsent(module + ":" + table, k -> new AtomicLong()).incrementAndGet();
        return Optional.empty();
    }

    /** The violations seen so far, also those that application code caught and swallowed. */
    public List<String> violations() {
        return List.copyOf(violations);
    }

    /** How many allowed writes the guard checked, per "module:table". */
    public long checkedWrites(String module, String table) {
        AtomicLong count = checkedWrites.get(module + ":" + table);
        return count == null ? 0 : count.get();
    }

    private static Optional<String> callingModule() {
        return STACK.walk(frames -> frames
                .map(StackWalker.StackFrame::getDeclaringClass)
                .filter(type -> type.getName().startsWith("org.jotrs.") && type != TableWriteGuard.class)
                .findFirst()
                .filter(PRODUCTION::get)
                .map(type -> type.getName().split("\\."))
                .filter(name -> name.length > 3)
                .map(name -> name[2]));
    }
}
