package io.qspace.kernel;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The layering holds across every module (this one sees them all): no package cycle, and nothing below the DSL
 * reaches back up to the Study, so plans, runners, results and the grid work from a plan value alone.
 */
class ArchitectureTest {
    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.qspace");
    }

    @Test
    void noPackageImportsAnotherThatImportsItBack() {
        slices().matching("io.qspace.(**)").should().beFreeOfCycles().check(classes);
    }

    @Test
    void onlyTheFrontEndsKnowTheStudy() {
        noClasses().that().resideOutsideOfPackages("io.qspace", "io.qspace.cli..", "io.qspace.kernel..")
                .should().dependOnClassesThat().resideInAPackage("io.qspace")
                .because("a plan is a value: runners, results and the grid must work without the Study that made it")
                .check(classes);
    }
}
