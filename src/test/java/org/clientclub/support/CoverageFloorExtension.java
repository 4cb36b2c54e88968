package org.clientclub.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.annotation.Testable;
import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.commons.support.HierarchyTraversalMode;

/**
 * The process tests' engine extension with a coverage floor: after each test it reads from the history which flow
 * nodes of the test's deployed diagrams ran (before the deployment and its history are deleted), and after the
 * class it fails the class when the share of nodes reached is under the floor. A run of only some of a class's
 * tests ({@code -Dtest=Class#method}) reports without failing. Each class writes its report to
 * {@code target/process-test-coverage/}.
 */
final class CoverageFloorExtension extends ProcessEngineExtension {

    private static final Path REPORTS = Path.of("target", "process-test-coverage");

    private final double floor;
    private final ProcessCoverage coverage = new ProcessCoverage();
    private final Set<Method> ran = new HashSet<>();

    CoverageFloorExtension(double floor) {
        this.floor = floor;
    }

    @Override
    public void afterTestExecution(ExtensionContext context) {
        ran.add(context.getRequiredTestMethod());
        if (deploymentId != null) {
            for (ProcessDefinition definition : repositoryService
                    .createProcessDefinitionQuery()
                    .deploymentId(deploymentId)
                    .list()) {
                coverage.addDiagram(definition.getKey(), repositoryService.getBpmnModelInstance(definition.getId()));
                for (HistoricActivityInstance activity : historyService
                        .createHistoricActivityInstanceQuery()
                        .processDefinitionId(definition.getId())
                        .list()) {
                    coverage.reached(definition.getKey(), activity.getActivityId());
                }
            }
        }
        super.afterTestExecution(context);
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        try {
            Class<?> testClass = context.getRequiredTestClass();
            String name = testClass.getSimpleName();
            String report = coverage.report();
            write(name, report);
            boolean allRan = ran.containsAll(
                    AnnotationSupport.findAnnotatedMethods(testClass, Testable.class, HierarchyTraversalMode.TOP_DOWN));
            if (allRan && coverage.ratio() < floor) {
                throw new AssertionError(String.format(
                        Locale.ROOT,
                        "%s reaches %.3f of its diagrams' flow nodes, under its floor of %.3f:%n%s",
                        name,
                        coverage.ratio(),
                        floor,
                        report));
            }
        } finally {
            super.afterAll(context);
        }
    }

    private static void write(String testClass, String report) {
        try {
            Files.createDirectories(REPORTS);
            Files.writeString(REPORTS.resolve(testClass + ".txt"), report, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
