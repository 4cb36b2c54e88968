package org.clientclub;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.properties.CanBeAnnotated.Predicates.annotatedWith;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noFields;
import static com.tngtech.archunit.library.GeneralCodingRules.NO_CLASSES_SHOULD_ACCESS_STANDARD_STREAMS;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import jakarta.persistence.Entity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.jspecify.annotations.NullMarked;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.repository.Repository;

/**
 * The module anatomy (decision 0028), one rule per layer: the module root is the API (no SQL, no engine outside
 * workflow and tasks, no Spring configuration); {@code process/} is BPMN constants and glue (engine yes, SQL no);
 * {@code ui/} and {@code web/} touch neither the engine nor persistence; every package is {@code @NullMarked}; no
 * class grows past {@value #MAX_LINES} lines. That {@code internal/} is not used from other modules is not repeated here: Spring
 * Modulith's {@code ModularityTests} fails on any such use, together with the {@code allowedDependencies} each module
 * root declares. Besides the anatomy: constructor injection only, no System.out or System.err.
 */
class ArchitectureTest {

    static final int MAX_LINES = 400;

    private static final String MODULE_ROOT = "org.clientclub.*";
    private static final String[] ENGINE_MODULES = {"org.clientclub.workflow..", "org.clientclub.tasks.."};

    private static final DescribedPredicate<JavaClass> PERSISTENCE = resideInAnyPackage(
                    "org.springframework.jdbc..",
                    "javax.sql..",
                    "jakarta.persistence..",
                    "org.hibernate..",
                    "org.springframework.data.jpa..",
                    "org.springframework.data.repository..")
            .or(assignableTo(Repository.class))
            .or(annotatedWith(Entity.class))
            .as("are SQL, JPA or repository types, or entities");

    private static final DescribedPredicate<JavaClass> ENGINE =
            resideInAnyPackage("org.camunda..").as("belong to the process engine");

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.clientclub");
    }

    @Test
    void moduleRootIsApiWithoutSql() {
        noClasses()
                .that()
                .resideInAPackage(MODULE_ROOT)
                .should()
                .dependOnClassesThat(PERSISTENCE)
                .because("a module root is its API; SQL belongs in internal/")
                .check(classes);
    }

    @Test
    void moduleRootIsApiWithoutEngineTypesOutsideWorkflowAndTasks() {
        noClasses()
                .that()
                .resideInAPackage(MODULE_ROOT)
                .and()
                .resideOutsideOfPackages(ENGINE_MODULES)
                .should()
                .dependOnClassesThat(ENGINE)
                .because("only workflow and tasks wrap the engine in their API; other modules keep it in process/")
                .check(classes);
    }

    @Test
    void moduleRootHoldsNoSpringConfiguration() {
        noClasses()
                .that()
                .resideInAPackage(MODULE_ROOT)
                .should()
                .beMetaAnnotatedWith(Configuration.class)
                .because("configuration is how a module is built, not what it offers; it lives in internal/")
                .check(classes);
    }

    @Test
    void onlyWorkflowTasksAndProcessPackagesTouchTheEngine() {
        noClasses()
                .that()
                .resideOutsideOfPackages(
                        "org.clientclub.workflow..", "org.clientclub.tasks..", "org.clientclub.*.process..")
                .should()
                .dependOnClassesThat(ENGINE)
                .check(classes);
    }

    @Test
    void processPackagesAreConstantsAndGlueWithoutSql() {
        noClasses()
                .that()
                .resideInAPackage("org.clientclub.*.process..")
                .should()
                .dependOnClassesThat(PERSISTENCE)
                .because("process/ calls the module's services; the services own the data")
                .check(classes);
    }

    @Test
    void viewsTouchNeitherTheEngineNorPersistence() {
        noClasses()
                .that()
                .resideInAPackage("org.clientclub.*.ui..")
                .should()
                .dependOnClassesThat(ENGINE.or(PERSISTENCE))
                .because("views call services that check roles (@PreAuthorize)")
                .check(classes);
    }

    @Test
    void controllersTouchNeitherTheEngineNorPersistence() {
        noClasses()
                .that()
                .resideInAPackage("org.clientclub.*.web..")
                .should()
                .dependOnClassesThat(ENGINE.or(PERSISTENCE))
                .because("controllers call services like views do")
                .check(classes);
    }

    @Test
    void everyPackageIsNullMarked() {
        var packages = new TreeSet<String>();
        classes.forEach(c -> packages.add(c.getPackageName()));
        var unmarked = packages.stream()
                .filter(name -> !classes.getPackage(name).isAnnotatedWith(NullMarked.class))
                .toList();
        assertThat(unmarked)
                .as("packages without a package-info.java annotated @org.jspecify.annotations.NullMarked")
                .isEmpty();
    }

    @Test
    void noClassOverFourHundredLines() throws IOException {
        var root = Path.of("src/main/java");
        var tooLong = new ArrayList<String>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                var name = root.relativize(file).toString().replace('\\', '/');
                long lines = lineCount(file);
                if (lines > MAX_LINES) {
                    tooLong.add(name + ": " + lines + " lines");
                }
            }
        }
        assertThat(tooLong).as("source files over " + MAX_LINES + " lines").isEmpty();
    }

    @Test
    void noFieldInjection() {
        noFields().should().beAnnotatedWith(Autowired.class).check(classes);
    }

    @Test
    void noSystemOutOrErr() {
        NO_CLASSES_SHOULD_ACCESS_STANDARD_STREAMS.check(classes);
    }

    private static long lineCount(Path file) throws IOException {
        try (Stream<String> lines = Files.lines(file)) {
            return lines.count();
        }
    }
}
