package org.convplay;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The layering rules (README, "Layout"), written as sentences. */
class ArchitectureTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.convplay");

    /**
     * Each top-level package may use those below it and none above: engine, shared, limits, account, ui, experiment,
     * exercise, convolve, pipeline / image / benchmark, classroom / security (README, "Layout").
     */
    @Test
    void topLevelPackagesHaveNoCycles() {
        slices().matching("org.convplay.(*)..").should().beFreeOfCycles().check(CLASSES);
    }

    @Test
    void theExperimentPackageNamesNoFeature() {
        noClasses().that().resideInAPackage("org.convplay.experiment..")
                .should().dependOnClassesThat().resideInAnyPackage("org.convplay.convolve..", "org.convplay.pipeline..",
                        "org.convplay.image..", "org.convplay.benchmark..", "org.convplay.exercise..", "org.convplay.classroom..")
                .check(CLASSES);
    }

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
