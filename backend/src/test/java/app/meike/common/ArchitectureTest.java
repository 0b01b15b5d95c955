package app.meike.common;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import jakarta.persistence.Entity;
import jakarta.ws.rs.Path;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The shape of the code, as rules: package by feature, thin resources, entities kept home. */
class ArchitectureTest {
    static final JavaClasses CODE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("app.meike");

    @Test
    void commonDependsOnNoFeature() {
        noClasses().that().resideInAPackage("app.meike.common..")
                .should().dependOnClassesThat().resideInAnyPackage("app.meike.tenancy..", "app.meike.identity..",
                        "app.meike.audit..", "app.meike.catalog..", "app.meike.customer..",
                        "app.meike.visit..")
                .check(CODE);
    }

    @Test
    void resourcesNeverTouchEntities() {
        noClasses().that().areAnnotatedWith(Path.class)
                .should().dependOnClassesThat().areAnnotatedWith(Entity.class)
                .check(CODE);
    }

    @Test
    void entitiesAreUsedOnlyInsideTheirFeature() {
        classes().that().areAnnotatedWith(Entity.class)
                .should().onlyHaveDependentClassesThat().resideInAPackage("..")
                .andShould(new com.tngtech.archunit.lang.ArchCondition<>("be used only by their own package") {
                    @Override
                    public void check(com.tngtech.archunit.core.domain.JavaClass entity,
                                      com.tngtech.archunit.lang.ConditionEvents events) {
                        entity.getDirectDependenciesToSelf().stream()
                                .filter(d -> !d.getOriginClass().getPackageName().equals(entity.getPackageName()))
                                .forEach(d -> events.add(com.tngtech.archunit.lang.SimpleConditionEvent.violated(d,
                                        d.getDescription())));
                    }
                })
                .check(CODE);
    }

    @Test
    void resourcesAreNamedAndPlacedAsResources() {
        classes().that().areAnnotatedWith(Path.class).should().haveSimpleNameEndingWith("Resource").check(CODE);
    }
}
