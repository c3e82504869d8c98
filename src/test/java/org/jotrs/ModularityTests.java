package org.jotrs;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;

/** Keeps the module boundaries of ARCHITECTURE.md: modules use each other's API packages only. */
class ModularityTests {

    private final ApplicationModules modules = ApplicationModules.of(JotrsApplication.class);

    @Test
    void modulesUseOnlyEachOthersApi() {
        modules.verify();
    }

    @Test
    void theModulesAreTheFeaturePackages() {
        assertThat(modules.stream().map(ApplicationModule::getIdentifier).map(Object::toString))
                .contains("access", "platform", "web", "observer", "search");
    }
}
