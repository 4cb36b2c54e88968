package org.clientclub.loyalty.process.rules;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.clientclub.workflow.FeelOnlyDecisions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;

/**
 * Points for a purchase from the newest deployed PurchasePoints.dmn: the rate per full 100 roubles of the
 * category, times the multiplier of a campaign running on the purchase date.
 */
@Component
public class PurchasePointsDecision {

    public static final String DECISION_ID = "PurchasePoints";

    private static final Logger log = LoggerFactory.getLogger(PurchasePointsDecision.class);

    private final DecisionService decisions;

    private final RepositoryService repository;
    /**
     * A stand-alone DMN engine that, like the process engine's, evaluates FEEL only, and whose FEEL engine parses each
     * cell of the table once instead of on every evaluation.
     */
    private volatile DmnEngine dmnEngine;

    PurchasePointsDecision(DecisionService decisions, RepositoryService repository) {
        this.decisions = decisions;
        this.repository = repository;
    }

    private DmnEngine dmnEngine() {
        DmnEngine engine = dmnEngine;
        if (engine == null) {
            engine = FeelOnlyDecisions.configuration()
                    .feelEngineFactory(ParsedOnceFeelEngine::new)
                    .buildEngine();
            dmnEngine = engine;
        }
        return engine;
    }

    /** Rates of one version of the table. */
    @FunctionalInterface
    public interface Rates {
        Rate rateFor(String category, LocalDate purchaseDate);
    }

    /**
     * The newest deployed version, parsed once and evaluated in memory by Camunda's DMN engine: for an import
     * that asks for many rates. Unlike {@link #rateFor}, it writes no decision history per evaluation (a commit
     * each, 1 to 3 s per import under load); the ledger entry's reason names the campaign instead. A version
     * deployed later takes effect for the next call.
     */
    public Rates newestVersion() {
        DecisionDefinition definition = repository
                .createDecisionDefinitionQuery()
                .decisionDefinitionKey(DECISION_ID)
                .latestVersion()
                .singleResult();
        if (definition == null) {
            return this::rateFor;
        }
        DmnDecision decision;
        try (InputStream xml = repository.getDecisionModel(definition.getId())) {
            decision = dmnEngine().parseDecision(DECISION_ID, xml);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        DmnEngine engine = dmnEngine();
        return (category, purchaseDate) -> rate(engine.evaluateDecision(
                decision, Map.of("category", category, "purchaseDate", purchaseDate.toString())));
    }

    /**
     * The first evaluation after a start parses the table and starts the FEEL engine: 2 to 4 s on the shared 2-core
     * server, which the first purchase import would otherwise wait for before its first batch. Done once in the
     * background when the application is up.
     */
    @Async
    @EventListener(ApplicationReadyEvent.class)
    public void warmUp() {
        try {
            newestVersion().rateFor("GOODS", LocalDate.now());
        } catch (RuntimeException e) {
            log.debug("Purchase points table not evaluated at start: {}", e.toString());
        }
    }

    /** The rule that applies, for the import to record which campaign earned what. */
    public record Rate(long pointsPer100, long multiplier, String campaign) {

        /** Points for an amount in kopecks: only full hundreds of roubles count, so 199.99 roubles earn as 100. */
        public long pointsFor(long kopecks) {
            return Math.abs(kopecks) / 10_000 * pointsPer100 * multiplier;
        }
    }

    public Rate rateFor(String category, LocalDate purchaseDate) {
        DmnDecisionResult result = decisions
                .evaluateDecisionByKey(DECISION_ID)
                .variables(Map.of("category", category, "purchaseDate", purchaseDate.toString()))
                .evaluate();
        return rate(result);
    }

    private static Rate rate(DmnDecisionResult result) {
        if (result.isEmpty()) {
            return new Rate(0, 1, null);
        }
        // An empty output cell leaves its entry out of the result altogether.
        Map<String, Object> entries = result.getFirstResult().getEntryMap();
        Object points = entries.get("pointsPer100");
        Object multiplier = entries.get("multiplier");
        return new Rate(
                points instanceof Number n ? n.longValue() : 0,
                multiplier instanceof Number n ? n.longValue() : 1,
                (String) entries.get("campaign"));
    }
}
