package org.jotrs.platform.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.jotrs.platform.internal.OtrsCacheCheck.Absent;
import org.jotrs.platform.internal.OtrsCacheCheck.Found;
import org.jotrs.platform.internal.OtrsCacheCheck.Unreadable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every answer of the side-by-side cache check names the exact setting to change, and none crashes. */
class OtrsCacheCheckTest {

    @TempDir
    Path otrsHome;

    @Test
    void readThroughInTheSystemConfigurationNeedsNothingElse() {
        assertThat(OtrsCacheCheck.warnings(new Found("--- '0'\n"), Optional.empty())).isEmpty();
        assertThat(OtrsCacheCheck.warnings(new Found("--- 0\n"), Optional.empty())).isEmpty();
        assertThat(OtrsCacheCheck.warnings(new Found("---\n''\n"), Optional.empty())).as("Perl's empty string is false").isEmpty();
    }

    @Test
    void cachingInTheSystemConfigurationIsReportedWithTheSetting() {
        assertThat(OtrsCacheCheck.warnings(new Found("--- '1'\n"), Optional.of(otrsHome))).singleElement().asString()
                .contains("Cache::InBackend to 1").contains("Set Cache::InBackend to 0");
        assertThat(OtrsCacheCheck.warnings(new Found("--- {a: b}\n"), Optional.empty())).hasSize(2)
                .first().asString().contains("form Jotrs does not know");
    }

    @Test
    void withoutTheHomeDirectoryTheOperatorIsToldWhatToAddAndWhereToPointJotrs() {
        List<String> warnings = OtrsCacheCheck.warnings(new Absent(), Optional.empty());
        assertThat(warnings).singleElement().asString().contains(OtrsCacheCheck.CONFIG_LINE).contains("jotrs.otrs.home")
                .contains("CacheFileStorable");
    }

    @Test
    void configPmDecidesWhenTheSystemConfigurationDoesNotDefineIt() throws Exception {
        Files.createDirectories(otrsHome.resolve("Kernel"));
        Path config = otrsHome.resolve("Kernel/Config.pm");

        Files.writeString(config, "sub Load {\n    my $Self = shift;\n    $Self->{DatabaseHost} = 'db';\n}\n");
        assertThat(OtrsCacheCheck.warnings(new Absent(), Optional.of(otrsHome))).singleElement().asString()
                .contains("does not set Cache::InBackend").contains(OtrsCacheCheck.CONFIG_LINE);

        Files.writeString(config, "sub Load {\n    $Self->{'Cache::InBackend'} = 1;\n    $Self->{\"Cache::InBackend\"} = 0;\n}\n");
        assertThat(OtrsCacheCheck.warnings(new Absent(), Optional.of(otrsHome))).as("the last assignment counts").isEmpty();

        Files.writeString(config, "    $Self->{'Cache::InBackend'} = '1';\n");
        assertThat(OtrsCacheCheck.warnings(new Absent(), Optional.of(otrsHome))).singleElement().asString()
                .contains("sets Cache::InBackend to '1'").contains("Change it to");

        Files.writeString(config, "    $Self->{'Cache::InBackend'} = $ENV{CACHE};\n");
        assertThat(OtrsCacheCheck.warnings(new Absent(), Optional.of(otrsHome))).singleElement().asString()
                .contains("cannot judge");
    }

    @Test
    void anUnreadableHomeOrSystemConfigurationIsAWarningNotACrash() {
        assertThat(OtrsCacheCheck.warnings(new Absent(), Optional.of(otrsHome.resolve("missing")))).singleElement()
                .asString().contains("Could not read").contains("Kernel/Config.pm").contains("jotrs.otrs.home");
        assertThat(OtrsCacheCheck.warnings(new Unreadable("relation \"sysconfig_modified\" does not exist"),
                Optional.empty())).hasSize(2).first().asString().contains("sysconfig_modified")
                .contains(OtrsCacheCheck.CONFIG_LINE);
    }
}
