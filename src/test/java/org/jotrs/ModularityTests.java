package org.jotrs;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;

/** Keeps the module boundaries of ARCHITECTURE.md: modules use each other's API packages only. */
class ModularityTests {

    /** Every module of the application; a new module is added here on purpose, not by accident. */
    private static final String[] EXPECTED_MODULES = {
        "access", "api", "article", "customer", "genericinterface", "live", "mail", "observer", "platform", "portal",
        "postmaster", "queue", "search", "ticket",
        "web", "webhook",
    };

    private final ApplicationModules modules = ApplicationModules.of(JotrsApplication.class);

    @Test
    void modulesUseOnlyEachOthersApi() {
        modules.verify();
    }

    @Test
    void theModulesAreTheFeaturePackages() {
        assertThat(modules.stream().map(ApplicationModule::getIdentifier).map(Object::toString))
                .containsExactlyInAnyOrder(EXPECTED_MODULES);
    }
}
