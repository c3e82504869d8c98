package org.jotrs.platform.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decides whether an OTRS sharing the database still serves tickets and articles from its disk
 * cache, and says exactly what to change when it does. OTRS 6 keeps TicketGet and the article
 * lists in {@code var/tmp/CacheFileStorable/Ticket} and {@code .../Article} for up to 20 days and
 * clears an entry only when OTRS itself changes the ticket; changes Jotrs makes are invisible to
 * it until then. OTRS's Kernel::System::Cache reads and writes its backend only while
 * {@code Cache::InBackend} is true (default 1); set to 0 in {@code Kernel/Config.pm} (or, where
 * the installation defines it there, in the system configuration) OTRS reads every ticket from the
 * database and shows what Jotrs wrote. Its per-request memory cache ({@code Cache::InMemory}) lives
 * only for one request and does no harm.
 *
 * <p>Pure logic over what was read, so every case is tested without an OTRS.
 */
final class OtrsCacheCheck {

    /** The line that makes OTRS read through, as the operator adds it to Kernel/Config.pm. */
    static final String CONFIG_LINE = "$Self->{'Cache::InBackend'} = 0;";

    private static final Pattern CONFIG_PM_SETTING = Pattern.compile(
            "^\\s*\\$Self->\\{\\s*['\"]Cache::InBackend['\"]\\s*}\\s*=\\s*(.*?)\\s*;", Pattern.MULTILINE);

    private OtrsCacheCheck() {
    }

    /** A value OTRS's system configuration holds, or why it could not be read. */
    sealed interface SysconfigValue permits Absent, Found, Unreadable {
    }

    /** The installation does not define the setting in its system configuration. */
    record Absent() implements SysconfigValue {
    }

    /** The setting's effective value as stored ({@code effective_value}, YAML). */
    record Found(String effectiveValue) implements SysconfigValue {
    }

    /** The system configuration tables could not be read. */
    record Unreadable(String reason) implements SysconfigValue {
    }

    /**
     * The warnings for an adopted database; empty when OTRS is known to read through.
     *
     * @param inBackend {@code Cache::InBackend} from OTRS's system configuration tables
     * @param otrsHome the OTRS home directory Jotrs was given ({@code jotrs.otrs.home}), if any
     */
    static List<String> warnings(SysconfigValue inBackend, Optional<Path> otrsHome) {
        List<String> warnings = new ArrayList<>();
        Boolean fromSysconfig = switch (inBackend) {
            case Absent absent -> null;
            case Found found -> {
                Optional<Boolean> flag = perlFlag(found.effectiveValue());
                if (flag.isEmpty()) {
                    warnings.add("OTRS's system configuration holds Cache::InBackend in a form Jotrs does not know ("
                            + abbreviate(found.effectiveValue()) + "); set it to 0 (No) in OTRS's System Configuration.");
                }
                yield flag.orElse(null);
            }
            case Unreadable unreadable -> {
                warnings.add("Could not read OTRS's system configuration (sysconfig_default, sysconfig_modified): "
                        + unreadable.reason() + ". Make sure OTRS reads through its cache: add " + CONFIG_LINE
                        + " to Kernel/Config.pm.");
                yield null;
            }
        };
        if (Boolean.FALSE.equals(fromSysconfig)) {
            return warnings;
        }
        if (Boolean.TRUE.equals(fromSysconfig)) {
            warnings.add("OTRS's system configuration sets Cache::InBackend to 1: OTRS keeps showing tickets from its "
                    + "disk cache after Jotrs changed them. Set Cache::InBackend to 0 (No) in OTRS's System "
                    + "Configuration and deploy it.");
            return warnings;
        }
        if (otrsHome.isEmpty()) {
            warnings.add("This database was adopted from OTRS. If an OTRS still runs on it, OTRS shows tickets from "
                    + "its disk cache (var/tmp/CacheFileStorable, up to 20 days) after Jotrs changed them: add "
                    + CONFIG_LINE + " to OTRS's Kernel/Config.pm and set jotrs.otrs.home to the OTRS directory "
                    + "(e.g. /opt/otrs) so Jotrs can check it. See docs/otrs-side-by-side.md.");
            return warnings;
        }
        Path config = otrsHome.get().resolve("Kernel").resolve("Config.pm");
        String text;
        try {
            text = Files.readString(config, StandardCharsets.ISO_8859_1);
        } catch (IOException | SecurityException e) {
            warnings.add("Could not read " + config + " (jotrs.otrs.home): " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ". Give Jotrs read access to it or "
                    + "correct jotrs.otrs.home; OTRS must have " + CONFIG_LINE + " there.");
            return warnings;
        }
        Matcher matcher = CONFIG_PM_SETTING.matcher(text);
        String last = null;
        while (matcher.find()) {
            last = matcher.group(1);
        }
        if (last == null) {
            warnings.add(config + " does not set Cache::InBackend, so OTRS caches tickets and articles on disk and "
                    + "shows stale tickets after Jotrs changed them. Add " + CONFIG_LINE + " to it (inside sub Load).");
            return warnings;
        }
        Optional<Boolean> flag = perlFlag(last);
        if (flag.isEmpty()) {
            warnings.add(config + " sets Cache::InBackend to " + abbreviate(last) + ", which Jotrs cannot judge; use "
                    + CONFIG_LINE);
        } else if (flag.get()) {
            warnings.add(config + " sets Cache::InBackend to " + last + ": OTRS shows stale tickets after Jotrs changed "
                    + "them. Change it to " + CONFIG_LINE);
        }
        return warnings;
    }

    /**
     * A Perl scalar as OTRS reads it for a flag: a YAML document ({@code --- '0'}) or a Config.pm
     * literal ({@code 0}, {@code '1'}); Perl's false values are 0, "0" and "". Empty for anything
     * that is not one plain scalar.
     */
    static Optional<Boolean> perlFlag(String value) {
        if (value == null) {
            return Optional.empty();
        }
        String scalar = value.strip();
        if (scalar.startsWith("---")) {
            scalar = scalar.substring(3).strip();
        }
        if (scalar.contains("\n")) {
            return Optional.empty();
        }
        if (scalar.length() >= 2 && (scalar.startsWith("'") && scalar.endsWith("'")
                || scalar.startsWith("\"") && scalar.endsWith("\""))) {
            scalar = scalar.substring(1, scalar.length() - 1);
        }
        if (scalar.isEmpty() || scalar.equals("0")) {
            return Optional.of(false);
        }
        if (scalar.matches("\\d+")) {
            return Optional.of(true);
        }
        return Optional.empty();
    }

    private static String abbreviate(String value) {
        String oneLine = value.replaceAll("\\s+", " ").strip();
        return oneLine.length() <= 60 ? oneLine : oneLine.substring(0, 60) + "…";
    }
}
