package org.clientclub.loyalty;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.clientclub.loyalty.process.rules.PurchasePointsDecision;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/** The deployed purchase table, as the engine evaluates it, and what a rate makes of an amount. */
@SpringBootTest
class PurchasePointsDecisionTest {

    @Autowired
    PurchasePointsDecision purchasePoints;

    @Test
    void theDeployedTableAppliesTheCampaignOnItsDates() {
        assertThat(purchasePoints.rateFor("POSTCARDS", LocalDate.of(2026, 12, 15)))
                .isEqualTo(new PurchasePointsDecision.Rate(5, 3, "NEW_YEAR_2027"));
        assertThat(purchasePoints.rateFor("POSTCARDS", LocalDate.of(2026, 11, 15)))
                .isEqualTo(new PurchasePointsDecision.Rate(5, 1, null));
        assertThat(purchasePoints.rateFor("UNKNOWN", LocalDate.of(2026, 11, 15)))
                .isEqualTo(new PurchasePointsDecision.Rate(1, 1, null));
    }

    @Test
    void theNewestVersionEvaluatedInMemoryRatesAsTheEngineDoes() {
        PurchasePointsDecision.Rates newest = purchasePoints.newestVersion();
        for (String category : new String[] {"POSTCARDS", "GOODS", "POSTAL_SERVICES", "SUBSCRIPTIONS", "UNKNOWN"}) {
            for (LocalDate day = LocalDate.of(2026, 11, 1);
                    day.isBefore(LocalDate.of(2027, 2, 1));
                    day = day.plusDays(5)) {
                assertThat(newest.rateFor(category, day))
                        .as(category + " " + day)
                        .isEqualTo(purchasePoints.rateFor(category, day));
            }
        }
    }

    @Test
    void onlyFullHundredsOfRoublesEarn() {
        PurchasePointsDecision.Rate campaign = new PurchasePointsDecision.Rate(5, 3, "NEW_YEAR_2027");
        assertThat(campaign.pointsFor(99_99)).isZero();
        assertThat(campaign.pointsFor(199_99)).isEqualTo(15);
        assertThat(campaign.pointsFor(1234_50)).isEqualTo(180);
        assertThat(campaign.pointsFor(-250_00)).as("a refund reverses as much").isEqualTo(30);
    }
}
