package org.clientclub;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;
import org.springframework.modulith.docs.Documenter.Options;

/**
 * The module diagrams in docs/modules/ (PlantUML component diagrams of all modules and of each, and each module's
 * canvas) are committed so that a clone shows them without a build. This test writes them afresh from the code and
 * fails when the committed copies differ; {@code -Ddocs.modules.write=true} replaces the committed copies instead.
 */
class ModuleDocumentationTest {

    private static final Path COMMITTED = Path.of("docs/modules");
    private static final Path GENERATED = Path.of("target/docs-modules");
    private static final String REGENERATE =
            "./mvnw -o -B test -Dtest=ModuleDocumentationTest -Ddocs.modules.write=true";

    @Test
    void committedModuleDiagramsAreWhatTheCodeGivesNow() throws IOException {
        try {
            new Documenter(
                            ApplicationModules.of(ClientClubApplication.class),
                            Options.defaults().withOutputFolder(GENERATED.toString()))
                    .writeModulesAsPlantUml()
                    .writeIndividualModulesAsPlantUml()
                    .writeModuleCanvases();
        } catch (ExceptionInInitializerError | NoClassDefFoundError e) {
            // The canvases carry the Javadoc that spring-modulith-apt collects at compile time; Spring Modulith 1.4
            // reads it with a simple JSON parser that breaks on a comma between escaped double quotes.
            throw new AssertionError(
                    "Spring Modulith could not read target/generated-spring-modulith/javadoc.json: a Javadoc comment"
                            + " probably has a comma inside double quotes; write {@code ...} or &quot; there instead",
                    e);
        }
        var generated = contents(GENERATED);
        assertThat(generated).as("files the Documenter wrote").isNotEmpty();

        if (Boolean.getBoolean("docs.modules.write")) {
            replaceCommitted(generated);
        }

        var differing = new ArrayList<String>();
        var committed = contents(COMMITTED);
        generated.forEach((name, text) -> {
            if (!sameLines(text, committed.get(name))) {
                differing.add(committed.containsKey(name) ? name + " differs" : name + " is missing");
            }
        });
        committed.keySet().stream()
                .filter(name -> !generated.containsKey(name))
                .forEach(name -> differing.add(name + " is no longer generated"));
        assertThat(differing)
                .as("docs/modules/ is out of step with the code; regenerate it with " + REGENERATE)
                .isEmpty();
    }

    /** Writes only what changed, so a regeneration that merely reorders lines leaves the committed copy alone. */
    private static void replaceCommitted(Map<String, String> generated) throws IOException {
        Files.createDirectories(COMMITTED);
        var committed = contents(COMMITTED);
        for (String stale : committed.keySet()) {
            if (!generated.containsKey(stale)) {
                Files.delete(COMMITTED.resolve(stale));
            }
        }
        for (var file : generated.entrySet()) {
            if (!sameLines(file.getValue(), committed.get(file.getKey()))) {
                Files.writeString(COMMITTED.resolve(file.getKey()), file.getValue());
            }
        }
    }

    /**
     * The Documenter lists a diagram's relationships in no fixed order from one run to the next, so two files are
     * the same when they have the same lines.
     */
    private static boolean sameLines(String generated, @Nullable String committed) {
        return committed != null && sortedLines(generated).equals(sortedLines(committed));
    }

    private static List<String> sortedLines(String text) {
        return text.lines().sorted().toList();
    }

    /** As .editorconfig wants text files: no trailing spaces, a final newline. */
    private static String tidy(String text) {
        return text.lines().map(String::stripTrailing).collect(Collectors.joining("\n", "", "\n"));
    }

    /** File name to tidied content; the Documenter writes a flat folder. */
    private static Map<String, String> contents(Path folder) throws IOException {
        var files = new TreeMap<String, String>();
        if (!Files.isDirectory(folder)) {
            return files;
        }
        try (Stream<Path> list = Files.list(folder)) {
            for (Path file : list.filter(Files::isRegularFile).toList()) {
                files.put(file.getFileName().toString(), tidy(Files.readString(file)));
            }
        }
        return files;
    }
}
