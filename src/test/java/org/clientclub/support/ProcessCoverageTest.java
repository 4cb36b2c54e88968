package org.clientclub.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.Test;

/** The coverage floor's arithmetic: flow nodes of a diagram against the activity ids the history holds. */
class ProcessCoverageTest {

    private static final BpmnModelInstance DIAGRAM = Bpmn.createExecutableProcess("P")
            .startEvent("start")
            .exclusiveGateway("choice")
            .serviceTask("yes")
            .endEvent("endYes")
            .moveToNode("choice")
            .serviceTask("no")
            .endEvent("endNo")
            .done();

    @Test
    void onePathOfTwoReachesFourOfSixNodes() {
        ProcessCoverage coverage = new ProcessCoverage();
        coverage.addDiagram("P", DIAGRAM);
        for (String id : new String[] {"start", "choice", "yes", "endYes", "yes#multiInstanceBody"}) {
            coverage.reached("P", id);
        }

        assertThat(coverage.ratio()).isEqualTo(4.0 / 6);
        assertThat(coverage.missing()).containsEntry("P", Set.of("endNo", "no"));
        assertThat(coverage.report()).contains("P: 4 of 6 nodes, not reached [endNo, no]");
    }

    @Test
    void bothPathsReachEveryNode() {
        ProcessCoverage coverage = new ProcessCoverage();
        coverage.addDiagram("P", DIAGRAM);
        for (String id : new String[] {"start", "choice", "yes", "endYes", "no", "endNo"}) {
            coverage.reached("P", id);
        }

        assertThat(coverage.ratio()).isEqualTo(1.0);
        assertThat(coverage.missing().get("P")).isEmpty();
    }
}
