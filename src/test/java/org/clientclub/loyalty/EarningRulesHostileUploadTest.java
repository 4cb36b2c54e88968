package org.clientclub.loyalty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Deployment;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.test.context.support.WithMockUser;

/**
 * What a manager's account, or whoever holds it, tries with an earning-table upload: make the server run a command,
 * read its files, or smuggle in code the engine would call. Each is refused before the engine parses the file, with a
 * reason the manager can act on, and nothing is deployed; the command never runs.
 */
@SpringBootTest
@WithMockUser(username = "olga", roles = "CLUB_MANAGER")
class EarningRulesHostileUploadTest {

    private static final String CELL = "<outputEntry id=\"OutputEntry_IdeaAccepted\"><text>50</text>";

    @Autowired
    EarningRulesService rulesService;

    @Autowired
    RepositoryService repository;

    @Autowired
    DecisionService decisions;

    @TempDir
    Path dir;

    Path marker;
    int version;

    @BeforeEach
    void markerNotThere() {
        marker = dir.resolve("exec-ran");
        version = version();
    }

    @AfterEach
    void commandNeverRanAndNothingWasDeployed() {
        assertThat(marker).as("the command of the upload ran").doesNotExist();
        assertThat(version()).isEqualTo(version);
    }

    @Test
    void aJuelCellThatRunsAnOperatingSystemCommand() {
        assertRefused(
                table().replace(
                                CELL,
                                "<outputEntry id=\"OutputEntry_IdeaAccepted\" expressionLanguage=\"juel\"><text>"
                                        + exec() + "</text>"),
                "decision.refused.language",
                "<outputEntry expressionLanguage=\"juel\">");
    }

    @Test
    void aJuelCellWrittenInCapitals() {
        assertRefused(
                table().replace(
                                CELL,
                                "<outputEntry id=\"OutputEntry_IdeaAccepted\" expressionLanguage=\" JUEL \"><text>"
                                        + exec() + "</text>"),
                "decision.refused.language",
                "expressionLanguage=\"JUEL\"");
    }

    @Test
    void aScriptCell() {
        assertRefused(
                table().replace(
                                CELL,
                                "<outputEntry id=\"OutputEntry_IdeaAccepted\" expressionLanguage=\"javascript\">"
                                        + "<text>java.lang.Runtime.getRuntime().exec('touch " + marker + "')</text>"),
                "decision.refused.language",
                "expressionLanguage=\"javascript\"");
    }

    @Test
    void aScriptInputExpression() {
        assertRefused(
                table().replace(
                                "<inputExpression id=\"InputExpression_Activity\" typeRef=\"string\">",
                                "<inputExpression id=\"InputExpression_Activity\" typeRef=\"string\" expressionLanguage=\"groovy\">"),
                "decision.refused.language",
                "<inputExpression expressionLanguage=\"groovy\">");
    }

    @Test
    void juelAsTheDefaultLanguageOfTheWholeFile() {
        assertRefused(
                table().replace(
                                "namespace=\"http://clientclub.org/dmn/loyalty\"",
                                "namespace=\"http://clientclub.org/dmn/loyalty\" expressionLanguage=\"juel\"")
                        .replace(CELL, "<outputEntry id=\"OutputEntry_IdeaAccepted\"><text>" + exec() + "</text>"),
                "decision.refused.language",
                "<definitions expressionLanguage=\"juel\">");
    }

    @Test
    void aTypeLanguageOtherThanFeel() {
        assertRefused(
                table().replace(
                                "namespace=\"http://clientclub.org/dmn/loyalty\"",
                                "namespace=\"http://clientclub.org/dmn/loyalty\" typeLanguage=\"http://www.w3.org/2001/XMLSchema\""),
                "decision.refused.language",
                "typeLanguage=");
    }

    @Test
    void anExtensionWithAScript() {
        assertRefused(
                table().replace(
                                "<decisionTable id=\"DecisionTable_ActivityPoints\" hitPolicy=\"UNIQUE\">",
                                "<extensionElements><camunda:script scriptFormat=\"javascript\">java.lang.Runtime.getRuntime()"
                                        + ".exec('touch " + marker + "')</camunda:script></extensionElements>"
                                        + "<decisionTable id=\"DecisionTable_ActivityPoints\" hitPolicy=\"UNIQUE\">"),
                "decision.refused.extension",
                "<camunda:script>");
    }

    @Test
    void aCamundaAttributeThatNamesAClass() {
        assertRefused(
                table().replace(
                                "camunda:historyTimeToLive=\"P180D\"",
                                "camunda:historyTimeToLive=\"P180D\" camunda:class=\"java.lang.Runtime\""),
                "decision.refused.attribute",
                "camunda:class");
    }

    @Test
    void anExternalEntityThatReadsAServerFile() {
        assertRefused(
                table().replace(
                                "<definitions ",
                                "<!DOCTYPE definitions [<!ENTITY secret SYSTEM \"file:///etc/passwd\">]>\n<definitions ")
                        .replace(
                                "<description>Участник предложил идею</description>",
                                "<description>&secret;</description>"),
                "decision.refused.dtd",
                "<!DOCTYPE>");
    }

    @Test
    void entitiesThatExpandToGigabytes() {
        assertRefused(
                table().replace(
                                "<definitions ",
                                "<!DOCTYPE definitions [<!ENTITY a \"aaaaaaaaaa\">"
                                        + "<!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\"><!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\">]>\n<definitions ")
                        .replace(
                                "<description>Участник предложил идею</description>", "<description>&c;</description>"),
                "decision.refused.dtd",
                "<!DOCTYPE>");
    }

    @Test
    void aJuelTableDeployedPastTheUploadIsNotEvaluatedByTheProcessEngine() {
        // Tables that reached the engine before this check existed, or some other way: the engine itself refuses.
        String hostile = table().replace("id=\"ActivityPoints\"", "id=\"HostileActivityPoints\"")
                .replace(
                        CELL,
                        "<outputEntry id=\"OutputEntry_IdeaAccepted\" expressionLanguage=\"juel\"><text>" + exec()
                                + "</text>");
        Deployment deployment = repository
                .createDeployment()
                .name("hostile")
                .addInputStream("Hostile.dmn", new ByteArrayInputStream(hostile.getBytes(StandardCharsets.UTF_8)))
                .deploy();
        try {
            assertThatThrownBy(() -> decisions
                            .evaluateDecisionByKey("HostileActivityPoints")
                            .variables(Map.of("activity", "IDEA_ACCEPTED"))
                            .evaluate())
                    .hasStackTraceContaining("JUEL is not evaluated");
        } finally {
            repository.deleteDeployment(deployment.getId(), true);
        }
    }

    @Test
    void aRefusedUploadIsKeptWithItsReasonForManagersToSee() {
        byte[] hostile = table().replace(
                        CELL,
                        "<outputEntry id=\"OutputEntry_IdeaAccepted\" expressionLanguage=\"juel\">" + "<text>" + exec()
                                + "</text>")
                .getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> rulesService.deployEarningRule(hostile)).isInstanceOf(InvalidEarningRule.class);

        RefusedEarningRule kept = rulesService.refusedEarningRules().get(0);
        assertThat(kept.uploadedBy()).isEqualTo("olga");
        assertThat(kept.reason()).isEqualTo("decision.refused.language");
        assertThat(kept.detail()).contains("<outputEntry expressionLanguage=\"juel\">");
        assertThat(rulesService.refusedEarningRuleXml(kept.id())).hasValue(hostile);
    }

    @Test
    void theTableAsDownloadedStillPasses() {
        assertThat(rulesService
                        .deployEarningRule(table().getBytes(StandardCharsets.UTF_8))
                        .version())
                .isEqualTo(version + 1);
        version = version();
    }

    private String exec() {
        return "${\"\".getClass().forName(\"java.lang.Runtime\").getMethod(\"getRuntime\").invoke(null).exec(\"touch "
                + marker + "\")}";
    }

    private void assertRefused(String xml, String reason, String detail) {
        assertThatThrownBy(() -> rulesService.deployEarningRule(xml.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(InvalidEarningRule.class, e -> {
                    assertThat(e.reason()).isEqualTo(reason);
                    assertThat(e.detail()).contains(detail);
                });
    }

    private String table() {
        return new String(rulesService.earningRuleXml("ActivityPoints").orElseThrow(), StandardCharsets.UTF_8);
    }

    private int version() {
        return rulesService.earningRules().stream()
                .filter(r -> r.decisionId().equals("ActivityPoints"))
                .findFirst()
                .orElseThrow()
                .version();
    }
}
