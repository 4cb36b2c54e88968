package org.clientclub.workflow.internal;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.spring.SpringProcessEngineConfiguration;
import org.springframework.stereotype.Component;

/**
 * A start deploys only the diagrams and tables under processes/ and forms/ that changed since the last start, not all
 * of them whenever one changed. A version a manager deployed since (an earning table uploaded in the app) so stays in
 * force until a release changes that same file (docs/decisions/0016-earning-tables-uploaded-by-managers.md).
 */
@Component
class ChangedResourcesOnlyDeployment extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (configuration instanceof SpringProcessEngineConfiguration spring) {
            spring.setDeployChangedOnly(true);
        }
    }
}
