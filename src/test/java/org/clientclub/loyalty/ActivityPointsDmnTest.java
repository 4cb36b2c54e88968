package org.clientclub.loyalty;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionTableResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/** Every row of processes/loyalty/ActivityPoints.dmn, evaluated by the Camunda DMN engine. */
class ActivityPointsDmnTest {

    private static DmnEngine engine;
    private static DmnDecision decision;

    @BeforeAll
    static void parse() throws IOException {
        engine = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
        try (InputStream in = new FileInputStream("processes/loyalty/ActivityPoints.dmn")) {
            decision = engine.parseDecision("ActivityPoints", in);
        }
    }

    @ParameterizedTest
    @CsvSource({
        "WELCOME_BONUS, 100",
        "IDEA_SUBMITTED, 10",
        "IDEA_ACCEPTED, 50",
        "SURVEY_COMPLETED, 20",
        "FOCUS_GROUP_ATTENDED, 100",
        "MEETING_ATTENDED, 50"
    })
    void eachRowGivesItsPoints(String activity, int points) {
        DmnDecisionTableResult result = engine.evaluateDecisionTable(decision, Map.of("activity", activity));
        assertThat(result).hasSize(1);
        assertThat(((Number) result.getSingleResult().getEntry("points")).intValue())
                .isEqualTo(points);
    }

    @ParameterizedTest
    @EnumSource(Activity.class)
    void everyActivityTheCodeKnowsHasARow(Activity activity) {
        assertThat(engine.evaluateDecisionTable(decision, Map.of("activity", activity.name())))
                .hasSize(1);
    }

    @Test
    void anUnknownActivityEarnsNothing() {
        assertThat(engine.evaluateDecisionTable(decision, Map.of("activity", "SPAM")))
                .isEmpty();
    }
}
