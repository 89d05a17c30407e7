package org.cocrea;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/**
 * The package structure of issue 14: each top-level package under {@code org.cocrea} is a Spring Modulith application
 * module; modules must not depend on each other in a cycle nor on another module's internal sub-packages, and only
 * {@code workflow/} may use the engine's API, so that features stay testable without Camunda and the process owners'
 * models stay the one place where the process lives.
 */
class ModularityTests {

    private static final ApplicationModules MODULES = ApplicationModules.of(CocreaApplication.class);

    @Test
    void modulesFormNoCycleAndUseOnlyEachOthersApi() {
        MODULES.verify();
    }

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("org.cocrea");

    @Test
    void nothingDependsOnTheWebLayer() {
        noClasses().that().resideOutsideOfPackage("org.cocrea.web..")
                .should().dependOnClassesThat().resideInAnyPackage("org.cocrea.web..")
                .because("web/ is the outermost layer (security, home page, navigation, error mapping); what features"
                        + " share lives in kernel/")
                .check(MAIN);
    }

    @Test
    void onlyWorkflowUsesTheEngine() {
        noClasses().that().resideOutsideOfPackage("org.cocrea.workflow..")
                .should().dependOnClassesThat().resideInAnyPackage("org.camunda..")
                .because("Camunda stays in workflow/ (CONVENTIONS.md, issue 14)")
                .check(MAIN);
    }
}
