package org.clientclub.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The stand-alone DMN engines evaluate FEEL, and refuse a table in JUEL or a script language even when it is parsed. */
class FeelOnlyDecisionEngineTest {

    @TempDir
    Path dir;

    @Test
    void evaluatesATableWithoutLanguagesAsFeel() {
        // An if-then-else and a list filter are FEEL; JUEL would not parse them.
        DmnDecision decision = parse(
                FeelOnlyDecisions.engine(),
                table("", "if activity = \"IDEA_ACCEPTED\" then 50 else 0", "sum([1, 2, 3][item > 1])"));

        assertThat(FeelOnlyDecisions.engine()
                        .evaluateDecision(decision, Map.of("activity", "IDEA_ACCEPTED"))
                        .getSingleResult()
                        .getEntryMap())
                .containsEntry("points", 50L)
                .containsEntry("bonus", 5L);
    }

    @Test
    void refusesToEvaluateJuelThatCamundasDefaultEngineRuns() {
        Path ranOnDefault = dir.resolve("ran-on-default-engine");
        Path ranOnOurs = dir.resolve("ran-on-feel-only-engine");
        DmnEngine camundaDefault =
                DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
        // Proof that the payload is real: Camunda's defaults run the command.
        try {
            camundaDefault.evaluateDecision(
                    parse(camundaDefault, table(" expressionLanguage=\"juel\"", exec(ranOnDefault), "1")),
                    Map.of("activity", "IDEA_ACCEPTED"));
        } catch (RuntimeException e) {
            // the command's Process is no integer; it has run by then
        }
        // The command runs in a process of its own: give it time to create its file.
        await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(ranOnDefault));

        DmnEngine ours = FeelOnlyDecisions.engine();
        DmnDecision hostile = parse(ours, table(" expressionLanguage=\"juel\"", exec(ranOnOurs), "1"));

        assertThatThrownBy(() -> ours.evaluateDecision(hostile, Map.of("activity", "IDEA_ACCEPTED")))
                .hasStackTraceContaining("JUEL is not evaluated");
        assertThat(ranOnOurs).doesNotExist();
    }

    @Test
    void refusesToEvaluateAScriptLanguage() {
        DmnEngine ours = FeelOnlyDecisions.engine();
        DmnDecision hostile = parse(ours, table(" expressionLanguage=\"javascript\"", "1 + 1", "1"));

        assertThatThrownBy(() -> ours.evaluateDecision(hostile, Map.of("activity", "IDEA_ACCEPTED")))
                .hasStackTraceContaining("javascript");
    }

    @Test
    void feelCannotCallJavaMethods() {
        // FEEL's external functions would reach any static method; the FEEL engine leaves them off.
        DmnEngine ours = FeelOnlyDecisions.engine();
        DmnDecision hostile = parse(
                ours,
                table(
                        "",
                        "{ f: function(name) external { java: { class: \"java.lang.System\","
                                + " method signature: \"getProperty(java.lang.String)\" } }, r: f(\"user.home\") }.r",
                        "1"));

        Object points;
        try {
            points = ours.evaluateDecision(hostile, Map.of("activity", "IDEA_ACCEPTED"))
                    .getSingleResult()
                    .getEntry("points");
        } catch (RuntimeException refused) {
            points = null;
        }
        assertThat(points).isNotEqualTo(System.getProperty("user.home"));
    }

    private String exec(Path marker) {
        return "${\"\".getClass().forName(\"java.lang.Runtime\").getMethod(\"getRuntime\").invoke(null).exec(\"touch "
                + marker + "\")}";
    }

    private static DmnDecision parse(DmnEngine engine, String xml) {
        return engine.parseDecision("Points", new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    /** A one-rule table whose first output cell has the given language attribute and text. */
    private static String table(String outputLanguage, String points, String bonus) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" id="D" name="D" namespace="x">
                  <decision id="Points" name="Points">
                    <decisionTable id="Table">
                      <input id="In"><inputExpression id="Expr" typeRef="string"><text>activity</text></inputExpression></input>
                      <output id="Out" name="points"/>
                      <output id="Bonus" name="bonus"/>
                      <rule id="Rule">
                        <inputEntry id="InEntry"><text>"IDEA_ACCEPTED"</text></inputEntry>
                        <outputEntry id="OutEntry"%s><text>%s</text></outputEntry>
                        <outputEntry id="BonusEntry"><text>%s</text></outputEntry>
                      </rule>
                    </decisionTable>
                  </decision>
                </definitions>
                """.formatted(outputLanguage, escape(points), escape(bonus)).strip();
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
