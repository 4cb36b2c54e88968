package org.clientclub.loyalty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.spring.SpringProcessEngineConfiguration;
import org.clientclub.loyalty.process.rules.ActivityPointsDecision;
import org.clientclub.loyalty.process.rules.PurchasePointsDecision;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.test.context.support.WithMockUser;

/**
 * A manager changes an earning table without a release: the uploaded version applies to the next evaluation, and a
 * file the code cannot use is refused without deploying anything.
 */
@SpringBootTest
@WithMockUser(username = "olga", roles = "CLUB_MANAGER")
class EarningRulesTest {

    @Autowired
    EarningRulesService rulesService;

    @Autowired
    ActivityPointsDecision activityPoints;

    @Autowired
    PurchasePointsDecision purchasePoints;

    @Autowired
    ProcessEngine engine;

    @Test
    void anUploadedTableIsTheNextVersionAndAppliesAtOnce() {
        String current = xml("ActivityPoints");
        int version = version("ActivityPoints");
        assertThat(rulesService.earningRules())
                .extracting(EarningRule::decisionId)
                .containsExactly("ActivityPoints", "PurchasePoints");
        String changed = current.replace(
                "<outputEntry id=\"OutputEntry_IdeaAccepted\"><text>50</text>",
                "<outputEntry id=\"OutputEntry_IdeaAccepted\"><text>75</text>");
        assertThat(changed).isNotEqualTo(current);
        try {
            EarningRule deployed = rulesService.deployEarningRule(changed.getBytes(StandardCharsets.UTF_8));

            assertThat(deployed.version()).isEqualTo(version + 1);
            assertThat(deployed.deployedBy()).isEqualTo("olga");
            assertThat(activityPoints.pointsFor(Activity.IDEA_ACCEPTED)).isEqualTo(75);
            assertThat(xml("ActivityPoints")).contains("<text>75</text>");
        } finally {
            rulesService.deployEarningRule(current.getBytes(StandardCharsets.UTF_8));
        }
        assertThat(activityPoints.pointsFor(Activity.IDEA_ACCEPTED)).isEqualTo(50);
    }

    @Test
    void aPurchaseTableThatDoesNotEvaluateIsRefused() {
        int version = version("PurchasePoints");
        String broken = xml("PurchasePoints").replaceFirst("<text>\"GOODS\"</text>", "<text>\"GOODS\" or or</text>");

        assertThatThrownBy(() -> rulesService.deployEarningRule(broken.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(
                        InvalidEarningRule.class, e -> assertThat(e.reason()).isEqualTo("rules.invalid.evaluation"));
        assertThat(version("PurchasePoints")).isEqualTo(version);
        assertThat(purchasePoints
                        .newestVersion()
                        .rateFor("GOODS", LocalDate.now())
                        .pointsPer100())
                .isPositive();
    }

    @Test
    void filesThatAreNotOurTablesAreRefused() {
        assertReason("not xml at all", "decision.refused.unreadable");
        assertReason(
                xml("ActivityPoints").replace("id=\"ActivityPoints\"", "id=\"SomethingElse\""),
                "rules.invalid.unknownDecision");
        assertReason(xml("ActivityPoints").replace("name=\"points\"", "name=\"score\""), "rules.invalid.outputs");
        assertReason("""
                <?xml version="1.0" encoding="UTF-8"?>
                <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" id="Two" name="Two" namespace="x">
                  <decision id="ActivityPoints" name="A">
                    <decisionTable id="TableA">
                      <input id="InA"><inputExpression id="ExprA" typeRef="string"><text>activity</text></inputExpression></input>
                      <output id="OutA" name="points" typeRef="integer"/>
                    </decisionTable>
                  </decision>
                  <decision id="Other" name="B">
                    <decisionTable id="TableB">
                      <input id="InB"><inputExpression id="ExprB" typeRef="string"><text>activity</text></inputExpression></input>
                      <output id="OutB" name="points" typeRef="integer"/>
                    </decisionTable>
                  </decision>
                </definitions>
                """, "rules.invalid.unknownDecision");
        assertReason("""
                <?xml version="1.0"?>
                <!DOCTYPE definitions [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
                <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" id="D" name="&secret;" namespace="x"/>
                """, "decision.refused.dtd");
        assertThatThrownBy(() -> rulesService.deployEarningRule(new byte[EarningRulesService.MAX_RULE_BYTES + 1]))
                .isInstanceOfSatisfying(
                        InvalidEarningRule.class, e -> assertThat(e.reason()).isEqualTo("rules.invalid.size"));
    }

    @Test
    @WithMockUser(username = "irina", roles = "CLUB_STAFF")
    void staffWhoAreNotManagersCannotChangeTheRules() {
        assertThatThrownBy(() -> rulesService.deployEarningRule("<x/>".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void aStartDeploysOnlyTheProcessFilesThatChanged() {
        // Otherwise any release would deploy every table again, over a version a manager uploaded since.
        assertThat(((SpringProcessEngineConfiguration) engine.getProcessEngineConfiguration()).isDeployChangedOnly())
                .isTrue();
    }

    private void assertReason(String xml, String reason) {
        assertThatThrownBy(() -> rulesService.deployEarningRule(xml.getBytes(StandardCharsets.UTF_8)))
                .as(reason)
                .isInstanceOfSatisfying(
                        InvalidEarningRule.class, e -> assertThat(e.reason()).isEqualTo(reason));
    }

    private String xml(String decisionId) {
        return new String(rulesService.earningRuleXml(decisionId).orElseThrow(), StandardCharsets.UTF_8);
    }

    private int version(String decisionId) {
        return rulesService.earningRules().stream()
                .filter(r -> r.decisionId().equals(decisionId))
                .findFirst()
                .orElseThrow()
                .version();
    }
}
