package org.jotrs;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.importer.ImportOption;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;

/** Keeps the module boundaries of ARCHITECTURE.md: modules use each other's API packages only. */
class ModularityTests {

    /** Every module of the application; a new module is added here on purpose, not by accident. */
    private static final String[] EXPECTED_MODULES = {
        "access", "api", "article", "customer", "demo", "genericinterface", "live", "mail", "observer", "platform", "portal",
        "postmaster", "queue", "search", "ticket",
        "web", "webhook",
    };

    /**
     * The application's classes without the tests and without the jOOQ classes generated from the
     * schema (about 600 classes, three times the hand-written code): every module may use those
     * (the schema package is a named interface), so leaving them out changes no verdict and saves
     * most of the analysis time.
     */
    private static final ImportOption APPLICATION_CODE = location -> new ImportOption.DoNotIncludeTests().includes(location)
            && !location.contains("/org/jotrs/platform/db/schema/");

    private final ApplicationModules modules = ApplicationModules.of(JotrsApplication.class, APPLICATION_CODE);

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
