package org.jotrs.testing;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

/**
 * Rules the test classes keep so that two of them can run at once (docs/testing.md): a browser
 * test holds the lock "chromium", so no two browsers share the two cores.
 */
class TestConventionsTest {

    private static final JavaClasses TESTS = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.ONLY_INCLUDE_TESTS)
            .importPackages("org.jotrs");

    @Test
    void browserTestsHoldTheChromiumLock() {
        DescribedPredicate<JavaClass> browserTagged = DescribedPredicate.describe("tagged browser",
                type -> type.isAnnotatedWith(Tag.class) && "browser".equals(type.getAnnotationOfType(Tag.class).value()));
        classes().that(browserTagged).should(new ArchCondition<>("hold @ResourceLock(\"chromium\")") {
            @Override
            public void check(JavaClass type, ConditionEvents events) {
                boolean locked = type.isAnnotatedWith(ResourceLock.class)
                        && "chromium".equals(type.getAnnotationOfType(ResourceLock.class).value());
                events.add(new SimpleConditionEvent(type, locked, type.getName() + (locked ? " holds" : " does not hold")
                        + " @ResourceLock(\"chromium\")"));
            }
        }).check(TESTS);
    }
}
