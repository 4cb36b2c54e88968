package org.clientclub.loyalty.process.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.camunda.bpm.dmn.feel.impl.FeelException;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngine;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.context.VariableContext;
import org.junit.jupiter.api.Test;

/** The FEEL engine that keeps parsed cells answers as Camunda's own does, for every input, every time. */
class ParsedOnceFeelEngineTest {

    private final ParsedOnceFeelEngine parsedOnce = new ParsedOnceFeelEngine();
    private final ScalaFeelEngine stock = new ScalaFeelEngine(java.util.List.of());

    @Test
    void unaryTestsAnswerForEachInputAsTheStockEngine() {
        String[] cells = {
            "\"POSTCARDS\"",
            "\"GOODS\",\"POSTCARDS\"",
            "not(\"GOODS\")",
            "-",
            "[date(\"2026-12-01\")..date(\"2027-01-10\")]",
            "< date(\"2026-12-01\")",
            "> 100",
            "[10..20)"
        };
        Object[] inputs = {
            "POSTCARDS",
            "GOODS",
            "OTHER",
            LocalDate.of(2026, 11, 30),
            LocalDate.of(2026, 12, 1),
            LocalDate.of(2027, 1, 10),
            LocalDate.of(2027, 1, 11),
            10,
            20,
            150
        };
        int matched = 0;
        for (int round = 0; round < 2; round++) {
            for (String cell : cells) {
                for (Object input : inputs) {
                    VariableContext context = Variables.createVariables()
                            .putValue("cellInput", input)
                            .asVariableContext();
                    Boolean expected;
                    try {
                        expected = stock.evaluateSimpleUnaryTests(cell, "cellInput", context);
                    } catch (FeelException e) {
                        expected = null;
                    }
                    if (expected == null) {
                        assertThatThrownBy(() -> parsedOnce.evaluateSimpleUnaryTests(cell, "cellInput", context))
                                .as(cell + " with " + input)
                                .isInstanceOf(FeelException.class);
                    } else {
                        assertThat(parsedOnce.evaluateSimpleUnaryTests(cell, "cellInput", context))
                                .as(cell + " with " + input)
                                .isEqualTo(expected);
                        matched += expected ? 1 : 0;
                    }
                }
            }
        }
        assertThat(matched).as("cells that matched their input, in two rounds").isEqualTo(2 * 20);
    }

    @Test
    void expressionsSeeTheirVariablesEachTime() {
        for (String day : new String[] {"2026-11-26", "2027-01-10"}) {
            VariableContext context =
                    Variables.createVariables().putValue("purchaseDate", day).asVariableContext();
            assertThat((Object) parsedOnce.evaluateSimpleExpression("date(purchaseDate)", context))
                    .isEqualTo(LocalDate.parse(day));
        }
    }

    @Test
    void aCellThatDoesNotParseFailsOnEveryEvaluation() {
        VariableContext context =
                Variables.createVariables().putValue("cellInput", 1).asVariableContext();
        for (int round = 0; round < 2; round++) {
            assertThatThrownBy(() -> parsedOnce.evaluateSimpleUnaryTests("[1..", "cellInput", context))
                    .isInstanceOf(FeelException.class)
                    .hasMessageContaining("[1..");
            assertThatThrownBy(() -> parsedOnce.evaluateSimpleExpression("date(", context))
                    .isInstanceOf(FeelException.class);
        }
    }
}
