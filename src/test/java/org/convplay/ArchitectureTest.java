package org.convplay;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The layering rules (README, "Layout"), written as sentences. */
class ArchitectureTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.convplay");

    @Test
    void theEngineIsPlainJavaWithoutSpringVaadinOrJpa() {
        noClasses().that().resideInAPackage("org.convplay.engine..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "org.springframework..", "com.vaadin..", "jakarta.persistence..", "org.hibernate..",
                        "com.fasterxml.jackson..")
                .check(CLASSES);
    }

    @Test
    void theEngineDoesNotReachIntoTheApplication() {
        noClasses().that().resideInAPackage("org.convplay.engine..")
                .should().dependOnClassesThat().resideInAnyPackage("org.convplay.api..", "org.convplay.ui..",
                        "org.convplay.convolve..")
                .check(CLASSES);
    }

    @Test
    void servicesDoNotDependOnViews() {
        noClasses().that().haveSimpleNameEndingWith("Service")
                .should().dependOnClassesThat().resideInAnyPackage("com.vaadin.flow.component..")
                .check(CLASSES);
    }

    @Test
    void viewsReachDataOnlyThroughServices() {
        noClasses().that().resideInAPackage("..ui..")
                .should().dependOnClassesThat().areAssignableTo(org.springframework.data.repository.Repository.class)
                .check(CLASSES);
    }

    @Test
    void theDefaultBuildNeverNamesTornadoVmTypes() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("uk.ac.manchester.tornado..")
                .check(CLASSES);
    }
}
