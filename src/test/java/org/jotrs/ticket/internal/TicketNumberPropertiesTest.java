package org.jotrs.ticket.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.jotrs.ticket.internal.TicketNumberGenerator.AutoIncrement;
import org.jotrs.ticket.internal.TicketNumberGenerator.Date;
import org.jotrs.ticket.internal.TicketNumberGenerator.DateChecksum;
import org.jotrs.ticket.internal.TicketNumberGenerator.Random;
import org.jotrs.ticket.internal.TicketNumberProperties.Generator;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** {@code jotrs.ticket.number.*} binds as Spring Boot binds it at start-up, with OTRS 6's defaults. */
class TicketNumberPropertiesTest {

    @Test
    void defaultsAreOtrsDefaults() {
        TicketNumberProperties properties = bind(Map.of());
        assertThat(properties).isEqualTo(new TicketNumberProperties(
                Generator.DATE_CHECKSUM, "10", 5, "Ticket#", "", true, false));
        assertThat(TicketNumberGenerator.of(properties)).isInstanceOf(DateChecksum.class);
    }

    @Test
    void generatorNamesAreOtrsModuleNamesInAnySpelling() {
        assertThat(bind(Map.of("generator", "AutoIncrement")).generator()).isEqualTo(Generator.AUTO_INCREMENT);
        assertThat(bind(Map.of("generator", "date-checksum")).generator()).isEqualTo(Generator.DATE_CHECKSUM);
        assertThat(bind(Map.of("generator", "Date")).generator()).isEqualTo(Generator.DATE);
        assertThat(bind(Map.of("generator", "RANDOM")).generator()).isEqualTo(Generator.RANDOM);
    }

    @Test
    void settingsReachTheGenerator() {
        TicketNumberProperties properties = bind(Map.of(
                "generator", "AutoIncrement", "system-id", "42", "min-counter-size", "7",
                "hook", "Call#", "hook-divider", ": ", "check-system-id", "false"));
        assertThat(TicketNumberGenerator.of(properties)).isEqualTo(new AutoIncrement(
                "42", 7, new TicketNumberGenerator.Hook("Call#", ": ", false)));
        assertThat(TicketNumberGenerator.of(bind(Map.of("generator", "Random")))).isInstanceOf(Random.class);
    }

    @Test
    void dateCounterIsPaddedOnlyWithFormattedCounter() {
        assertThat(TicketNumberGenerator.of(bind(Map.of("generator", "Date"))))
                .isInstanceOfSatisfying(Date.class, date -> assertThat(date.counterSize()).isEqualTo(1));
        assertThat(TicketNumberGenerator.of(bind(Map.of("generator", "Date", "date-formatted-counter", "true",
                "min-counter-size", "6"))))
                .isInstanceOfSatisfying(Date.class, date -> assertThat(date.counterSize()).isEqualTo(6));
    }

    @Test
    void wrongValuesAreRefusedWithTheSettingsName() {
        assertThatThrownBy(() -> bind(Map.of("system-id", "1a")))
                .isInstanceOf(BindException.class)
                .rootCause().hasMessageContaining("jotrs.ticket.number.system-id");
        assertThatThrownBy(() -> bind(Map.of("min-counter-size", "0")))
                .rootCause().hasMessageContaining("jotrs.ticket.number.min-counter-size");
        assertThatThrownBy(() -> bind(Map.of("hook", " ")))
                .rootCause().hasMessageContaining("jotrs.ticket.number.hook");
        assertThatThrownBy(() -> bind(Map.of("generator", "Kernel::System::Ticket::Number::Nope")))
                .isInstanceOf(BindException.class);
    }

    private static TicketNumberProperties bind(Map<String, String> settings) {
        Map<String, String> prefixed = new java.util.HashMap<>();
        settings.forEach((key, value) -> prefixed.put("jotrs.ticket.number." + key, value));
        return new Binder(new MapConfigurationPropertySource(prefixed))
                .bindOrCreate("jotrs.ticket.number", TicketNumberProperties.class);
    }
}
