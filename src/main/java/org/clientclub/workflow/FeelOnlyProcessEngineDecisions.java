package org.clientclub.workflow;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/**
 * The process engine's DMN engine (decision tasks, DecisionService) evaluates FEEL only, as the stand-alone ones do
 * ({@link FeelOnlyDecisions}). Set before the engine builds it: Camunda then adds its history, metrics and FEEL
 * functions but keeps the refusing JUEL provider and script resolver it finds in place. BPMN expressions keep JUEL;
 * diagrams come with a release, not from an upload.
 */
@Component
class FeelOnlyProcessEngineDecisions extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setDmnEngineConfiguration(FeelOnlyDecisions.configuration());
        configuration.setDmnElProvider(FeelOnlyDecisions.NO_JUEL);
    }
}
