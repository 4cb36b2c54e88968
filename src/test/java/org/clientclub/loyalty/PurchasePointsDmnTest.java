package org.clientclub.loyalty;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every row of processes/loyalty/PurchasePoints.dmn, including the campaign's first and last day. */
class PurchasePointsDmnTest {

    private static DmnEngine engine;
    private static DmnDecision decision;

    @BeforeAll
    static void parse() throws IOException {
        engine = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
        try (InputStream in = new FileInputStream("processes/loyalty/PurchasePoints.dmn")) {
            decision = engine.parseDecision("PurchasePoints", in);
        }
    }

    @ParameterizedTest
    @CsvSource(
            nullValues = "none",
            value = {
                "POSTCARDS,       2026-11-30, 5, 1, none",
                "POSTCARDS,       2026-12-01, 5, 3, NEW_YEAR_2027",
                "POSTCARDS,       2027-01-10, 5, 3, NEW_YEAR_2027",
                "POSTCARDS,       2027-01-11, 5, 1, none",
                "POSTAL_SERVICES, 2026-12-15, 2, 1, none",
                "GOODS,           2026-12-15, 3, 1, none",
                "SUBSCRIPTIONS,   2026-06-01, 4, 1, none",
                "LOTTERY,         2026-06-01, 1, 1, none"
            })
    void eachRowGivesItsRate(String category, String date, int pointsPer100, int multiplier, String campaign) {
        DmnDecisionResultEntries result = engine.evaluateDecision(
                        decision, Map.of("category", category, "purchaseDate", date))
                .getFirstResult();
        assertThat(((Number) result.getEntry("pointsPer100")).intValue()).isEqualTo(pointsPer100);
        assertThat(((Number) result.getEntry("multiplier")).intValue()).isEqualTo(multiplier);
        assertThat(result.getEntryMap().get("campaign"))
                .as("an empty cell gives no entry")
                .isEqualTo(campaign);
    }
}
