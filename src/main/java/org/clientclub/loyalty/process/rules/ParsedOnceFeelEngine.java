package org.clientclub.loyalty.process.rules;

import camundajar.impl.scala.collection.immutable.Map;
import camundajar.impl.scala.runtime.BoxesRunTime;
import camundajar.impl.scala.util.Either;
import camundajar.impl.scala.util.Left;
import camundajar.impl.scala.util.Right;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.camunda.bpm.dmn.feel.impl.scala.ContextVariableWrapper;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngine;
import org.camunda.bpm.engine.variable.context.VariableContext;
import org.camunda.feel.FeelEngine;
import org.camunda.feel.context.Context;
import org.camunda.feel.context.CustomContext;
import org.camunda.feel.context.VariableProvider;
import org.camunda.feel.syntaxtree.ParsedExpression;

/**
 * Camunda's FEEL engine, parsing each expression once. The stock engine parses a decision table's cells again on every
 * evaluation: a purchase import's 40 rates cost 0.25–0.6 s of parsing for a table of a dozen cells. Here the parsed
 * cell is kept (a failure too, which is raised on every evaluation as before) and evaluated with the same context as
 * the stock engine builds. What is kept is bounded by the expressions of the tables evaluated, and emptied when it
 * grows past {@link #MAX_EXPRESSIONS} (docs/decisions/0015-feel-cells-parsed-once.md).
 */
final class ParsedOnceFeelEngine extends ScalaFeelEngine {

    static final int MAX_EXPRESSIONS = 10_000;

    private final java.util.Map<String, Either<FeelEngine.Failure, ParsedExpression>> unaryTests =
            new ConcurrentHashMap<>();
    private final java.util.Map<String, Either<FeelEngine.Failure, ParsedExpression>> expressions =
            new ConcurrentHashMap<>();

    ParsedOnceFeelEngine() {
        super(List.of());
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T evaluateSimpleExpression(String expression, VariableContext variableContext) {
        CustomContext context = new CustomContext() {
            @Override
            public VariableProvider variableProvider() {
                return new ContextVariableWrapper(variableContext);
            }
        };
        return (T) evaluate(parsed(expressions, expression, feelEngine::parseExpression), context);
    }

    @Override
    public boolean evaluateSimpleUnaryTests(String expression, String inputVariable, VariableContext variableContext) {
        VariableProvider input = new VariableProvider.StaticVariableProvider(
                new Map.Map1<>(FeelEngine.UnaryTests$.MODULE$.inputVariable(), inputVariable));
        VariableProvider variables = new ContextVariableWrapper(variableContext);
        CustomContext context = new CustomContext() {
            @Override
            public VariableProvider variableProvider() {
                return new VariableProvider.CompositeVariableProvider(toScalaList(input, variables));
            }
        };
        return BoxesRunTime.unboxToBoolean(
                evaluate(parsed(unaryTests, expression, feelEngine::parseUnaryTests), context));
    }

    private static Either<FeelEngine.Failure, ParsedExpression> parsed(
            java.util.Map<String, Either<FeelEngine.Failure, ParsedExpression>> cache,
            String expression,
            Function<String, Either<FeelEngine.Failure, ParsedExpression>> parser) {
        if (cache.size() >= MAX_EXPRESSIONS) {
            cache.clear();
        }
        return cache.computeIfAbsent(expression, parser);
    }

    @SuppressWarnings("unchecked")
    private Object evaluate(Either<FeelEngine.Failure, ParsedExpression> parsed, Context context) {
        Either<FeelEngine.Failure, Object> result = parsed instanceof Right<FeelEngine.Failure, ParsedExpression> right
                ? feelEngine.eval(right.value(), context)
                : (Either<FeelEngine.Failure, Object>) (Either<?, ?>) parsed;
        if (result instanceof Left<FeelEngine.Failure, Object> left) {
            throw LOGGER.evaluationException(left.value().message());
        }
        return ((Right<FeelEngine.Failure, Object>) result).value();
    }
}
