package org.clientclub;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noFields;
import static com.tngtech.archunit.library.GeneralCodingRules.NO_CLASSES_SHOULD_ACCESS_STANDARD_STREAMS;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * House rules the compiler does not check: only workflow, tasks, modeler and each module's process package touch the
 * engine; views touch neither repositories nor the engine; constructor injection only; no System.out or System.err.
 */
class ArchitectureTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.clientclub");
    }

    @Test
    void onlyWorkflowTasksModelerAndProcessPackagesTouchTheEngine() {
        noClasses()
                .that()
                .resideOutsideOfPackages(
                        "org.clientclub.workflow..",
                        "org.clientclub.tasks..",
                        "org.clientclub.modeler..",
                        "org.clientclub.*.process..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("org.camunda..")
                .check(classes);
    }

    @Test
    void viewsNeverTouchRepositoriesOrTheEngine() {
        noClasses()
                .that()
                .resideInAPackage("..ui..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.camunda..", "org.springframework.data.jpa.repository..")
                .orShould()
                .dependOnClassesThat()
                .haveSimpleNameEndingWith("Repository")
                .check(classes);
    }

    @Test
    void noFieldInjection() {
        noFields().should().beAnnotatedWith(Autowired.class).check(classes);
    }

    @Test
    void noSystemOutOrErr() {
        NO_CLASSES_SHOULD_ACCESS_STANDARD_STREAMS.check(classes);
    }
}
