package org.clientclub.workflow;

import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.spi.el.DmnScriptEngineResolver;
import org.camunda.bpm.dmn.engine.impl.spi.el.ElProvider;

/**
 * DMN engines that evaluate FEEL and nothing else. Camunda's DMN engine evaluates a cell in whatever language its
 * {@code expressionLanguage} names: JUEL, which reaches any Java method, or any JSR-223 script engine on the class path.
 * A decision table is data a manager edits (docs/decisions/0018-what-managers-deploy-is-data.md), so every engine of
 * the application, the process engine's ({@link FeelOnlyProcessEngineDecisions}) and the stand-alone ones that check
 * and rate uploads, takes FEEL as the default language and refuses JUEL and scripts outright, also for a table that
 * reached the database some other way than through {@link UploadedDecisions}.
 */
public final class FeelOnlyDecisions {

    /** Refuses every JUEL expression; the DMN engine reports it as a cell it could not evaluate. */
    static final ElProvider NO_JUEL = expression -> {
        throw new UnsupportedOperationException("JUEL is not evaluated in decision tables, only FEEL");
    };

    /** Finds no script engine for any language; the DMN engine reports the cell as one it has no engine for. */
    static final DmnScriptEngineResolver NO_SCRIPTS = language -> null;

    private FeelOnlyDecisions() {}

    /** A configuration to build a stand-alone engine from; callers may still set a FEEL engine of their own. */
    public static DefaultDmnEngineConfiguration configuration() {
        DefaultDmnEngineConfiguration configuration =
                (DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration();
        return restrict(configuration);
    }

    public static DmnEngine engine() {
        return configuration().buildEngine();
    }

    static DefaultDmnEngineConfiguration restrict(DefaultDmnEngineConfiguration configuration) {
        String feel = DefaultDmnEngineConfiguration.FEEL_EXPRESSION_LANGUAGE;
        return configuration
                .enableFeelLegacyBehavior(false)
                .defaultInputExpressionExpressionLanguage(feel)
                .defaultInputEntryExpressionLanguage(feel)
                .defaultOutputEntryExpressionLanguage(feel)
                .defaultLiteralExpressionLanguage(feel)
                .elProvider(NO_JUEL)
                .scriptEngineResolver(NO_SCRIPTS);
    }
}
