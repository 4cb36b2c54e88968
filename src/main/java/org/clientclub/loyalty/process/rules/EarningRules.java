package org.clientclub.loyalty.process.rules;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Output;
import org.clientclub.loyalty.Activity;
import org.clientclub.loyalty.EarningRule;
import org.clientclub.loyalty.InvalidEarningRule;
import org.clientclub.workflow.FeelOnlyDecisions;
import org.clientclub.workflow.RefusedDecision;
import org.clientclub.workflow.UploadedDecisions;
import org.springframework.stereotype.Component;

/**
 * The two earning tables, ActivityPoints.dmn and PurchasePoints.dmn: which version is in force, its XML, and a new
 * version a manager uploads. An upload is parsed and evaluated before it is deployed, so a table the code cannot use
 * never becomes the newest version. Deployed under a name of its own, a manager's version stays in force until a
 * release changes that same table (the auto-deployment deploys changed resources only, see decision 0016).
 */
@Component
public class EarningRules {

    /** The deployments of uploaded tables are named so; a release's are the engine's auto-deployment. */
    static final String DEPLOYMENT_NAME = "earning-rules";

    private static final String SOURCE_PREFIX = "staff:";

    /** The outputs the code reads from each table. */
    private static final Map<String, Set<String>> OUTPUTS = Map.of(
            ActivityPointsDecision.DECISION_ID, Set.of("points"),
            PurchasePointsDecision.DECISION_ID, Set.of("pointsPer100", "multiplier"));

    private final RepositoryService repository;
    /** Evaluates FEEL only: an upload is checked by evaluating it, so a JUEL cell would run right here. */
    private final DmnEngine dmnEngine = FeelOnlyDecisions.engine();

    EarningRules(RepositoryService repository) {
        this.repository = repository;
    }

    public List<EarningRule> current() {
        return OUTPUTS.keySet().stream()
                .sorted()
                .map(this::current)
                .flatMap(Optional::stream)
                .toList();
    }

    private Optional<EarningRule> current(String decisionId) {
        return Optional.ofNullable(latest(decisionId)).map(definition -> {
            Deployment deployment = repository
                    .createDeploymentQuery()
                    .deploymentId(definition.getDeploymentId())
                    .singleResult();
            String source = deployment.getSource();
            String by =
                    DEPLOYMENT_NAME.equals(deployment.getName()) && source != null && source.startsWith(SOURCE_PREFIX)
                            ? source.substring(SOURCE_PREFIX.length())
                            : null;
            return new EarningRule(
                    decisionId,
                    definition.getVersion(),
                    deployment.getDeploymentTime().toInstant(),
                    by);
        });
    }

    /** The XML of the version in force, to edit in Camunda Modeler. */
    public Optional<byte[]> xml(String decisionId) {
        if (!OUTPUTS.containsKey(decisionId)) {
            return Optional.empty();
        }
        return Optional.ofNullable(latest(decisionId)).map(definition -> {
            try (InputStream in = repository.getDecisionModel(definition.getId())) {
                return in.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /**
     * Deploys an uploaded table as the next version of the earning rule whose decision it holds; the next evaluation
     * uses it.
     *
     * @throws InvalidEarningRule when it is more than FEEL-only data ({@link UploadedDecisions}), not one of the two
     *         tables, does not parse, lacks an output the code reads or fails to evaluate; nothing is deployed then
     */
    public EarningRule deploy(byte[] xml, String username) {
        String decisionId = check(xml);
        repository
                .createDeployment()
                .name(DEPLOYMENT_NAME)
                .source(SOURCE_PREFIX + username)
                .addInputStream("processes/loyalty/" + decisionId + ".dmn", new ByteArrayInputStream(xml))
                .deploy();
        return current(decisionId).orElseThrow();
    }

    private String check(byte[] xml) {
        try {
            UploadedDecisions.check(xml);
        } catch (RefusedDecision e) {
            throw new InvalidEarningRule(e.reason(), e.detail());
        }
        DmnModelInstance model;
        List<DmnDecision> decisions;
        try {
            model = Dmn.readModelFromStream(new ByteArrayInputStream(xml));
            decisions = dmnEngine.parseDecisions(model);
        } catch (RuntimeException e) {
            throw new InvalidEarningRule("rules.invalid.unreadable", String.valueOf(e.getMessage()));
        }
        // Exactly one of ours: the file is deployed whole, and nothing else is to become a decision of the engine.
        DmnDecision decision =
                decisions.size() == 1 && OUTPUTS.containsKey(decisions.get(0).getKey()) ? decisions.get(0) : null;
        if (decision == null) {
            throw new InvalidEarningRule(
                    "rules.invalid.unknownDecision",
                    decisions.stream().map(DmnDecision::getKey).collect(Collectors.joining(", ")));
        }
        Decision element = model.getModelElementById(decision.getKey());
        if (!(element.getExpression() instanceof DecisionTable table)) {
            throw new InvalidEarningRule("rules.invalid.notATable", "");
        }
        Set<String> outputs = table.getOutputs().stream().map(Output::getName).collect(Collectors.toSet());
        Set<String> missing = OUTPUTS.get(decision.getKey()).stream()
                .filter(o -> !outputs.contains(o))
                .collect(Collectors.toCollection(TreeSet::new));
        if (!missing.isEmpty()) {
            throw new InvalidEarningRule("rules.invalid.outputs", String.join(", ", missing));
        }
        try {
            if (decision.getKey().equals(ActivityPointsDecision.DECISION_ID)) {
                for (Activity activity : Activity.values()) {
                    dmnEngine.evaluateDecision(decision, Map.of("activity", activity.name()));
                }
            } else {
                for (String category : List.of("GOODS", "POSTCARDS", "POSTAL_SERVICES", "SUBSCRIPTIONS", "OTHER")) {
                    dmnEngine.evaluateDecision(
                            decision,
                            Map.of(
                                    "category",
                                    category,
                                    "purchaseDate",
                                    LocalDate.now().toString()));
                }
            }
        } catch (RuntimeException e) {
            throw new InvalidEarningRule("rules.invalid.evaluation", String.valueOf(e.getMessage()));
        }
        return decision.getKey();
    }

    private DecisionDefinition latest(String decisionId) {
        return repository
                .createDecisionDefinitionQuery()
                .decisionDefinitionKey(decisionId)
                .latestVersion()
                .singleResult();
    }
}
