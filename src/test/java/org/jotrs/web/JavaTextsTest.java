package org.jotrs.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The refusals the services build (validation messages, not-found and permission refusals) name
 * keys that exist: a key missing from the bundles would show its last words instead of a sentence.
 * Keys built from a kind ({@code "not-found." + kind.key()}) are listed here with every kind.
 */
class JavaTextsTest {

    private static final Path SOURCES = Path.of("src/main/java");

    /** A string literal that is a whole key of the refusal families. */
    private static final Pattern KEY = Pattern.compile(
            "\"((?:validation|not-found|permission|ticket\\.error|search\\.error|api\\.error|error|postmaster\\.check|settings)(?:\\.[a-z0-9-]*[a-z0-9])+)\"");

    /** Any key passed to {@code Messages.t} directly. */
    private static final Pattern LOOKUP = Pattern.compile("\\bt\\(\"([a-z][a-z0-9-]*(?:\\.[a-z0-9-]*[a-z0-9])+)\"");

    private static final List<String> BUILT_KEYS = List.of(
            "not-found.access.agent", "not-found.access.group", "not-found.access.role",
            "not-found.salutation", "not-found.signature",
            "not-found.ticket-state", "not-found.ticket-priority", "not-found.ticket-type",
            "validation.access.name-taken.group", "validation.access.name-taken.role",
            "validation.salutation.name-taken", "validation.signature.name-taken",
            "validation.no-such-queue-id", "validation.no-such-template-id",
            "validation.ticket-settings.state.name-taken", "validation.ticket-settings.priority.name-taken",
            "validation.ticket-settings.type.name-taken",
            "validation.ticket-settings.state.protected-name", "validation.ticket-settings.state.protected-valid",
            "validation.ticket-settings.state.protected-type",
            "validation.ticket-settings.priority.protected-name", "validation.ticket-settings.priority.protected-valid",
            "validation.ticket-settings.type.protected-name", "validation.ticket-settings.type.protected-valid",
            "validation.ticket-settings.state.last-valid", "validation.ticket-settings.priority.last-valid",
            "validation.ticket-settings.type.last-valid",
            "validation.notification.unknown-agent", "validation.notification.unknown-group",
            "validation.notification.unknown-role", "validation.notification.unknown-queue",
            "validation.notification.unknown-state", "validation.notification.unknown-priority",
            "validation.notification.unknown-type", "validation.notification.unknown-lock",
            "search.error.no-queue", "search.error.no-priority", "search.error.no-type", "search.error.no-agent");

    @Test
    void everyRefusalKeyTheServicesNameIsInTheEnglishBundle() throws IOException {
        Map<String, String> english = MessageBundlesTest.bundle("en");
        Set<String> named = new TreeSet<>(BUILT_KEYS);
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String source = Files.readString(file);
                Matcher matcher = KEY.matcher(source);
                while (matcher.find()) {
                    if (!matcher.group(1).endsWith(".jte")) { // a template's name
                        named.add(matcher.group(1));
                    }
                }
                Matcher lookup = LOOKUP.matcher(source);
                while (lookup.find()) {
                    named.add(lookup.group(1));
                }
            }
        }
        assertThat(named).as("keys found in the sources").hasSizeGreaterThan(200);
        assertThat(named.stream().filter(key -> !english.containsKey(key)).toList())
                .as("keys the Java sources name that the English bundle lacks").isEmpty();
    }
}
