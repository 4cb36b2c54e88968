package org.clientclub.loyalty.process.rules;

import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.engine.DecisionService;
import org.clientclub.loyalty.Activity;
import org.springframework.stereotype.Component;

/**
 * Evaluates the newest deployed version of ActivityPoints.dmn: a manager's change to the table applies to the
 * next evaluation without a release.
 */
@Component
public class ActivityPointsDecision {

    public static final String DECISION_ID = "ActivityPoints";

    private final DecisionService decisions;

    ActivityPointsDecision(DecisionService decisions) {
        this.decisions = decisions;
    }

    /** @return the points, 0 when no rule matches */
    public long pointsFor(Activity activity) {
        DmnDecisionResult result = decisions
                .evaluateDecisionByKey(DECISION_ID)
                .variables(Map.of("activity", activity.name()))
                .evaluate();
        if (result.isEmpty()) {
            return 0;
        }
        Number points = result.getSingleResult().getEntry("points");
        return points == null ? 0 : points.longValue();
    }
}
