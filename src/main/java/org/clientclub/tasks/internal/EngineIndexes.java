package org.clientclub.tasks.internal;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.flywaydb.core.Flyway;
import org.springframework.stereotype.Component;

/**
 * The inbox's indexes on the engine's tables (db/engine-indexes), applied by a Flyway of their own right after the
 * engine has created or checked its schema: the application's Flyway runs before the engine's tables exist on a
 * fresh database (docs/decisions/0034). Its history table is apart, so neither Flyway sees the other's migrations.
 */
@Component
public class EngineIndexes extends AbstractProcessEnginePlugin {

    static final String LOCATION = "classpath:db/engine-indexes";
    static final String HISTORY_TABLE = "flyway_engine_indexes_history";

    @Override
    public void postProcessEngineBuild(ProcessEngine engine) {
        ProcessEngineConfigurationImpl configuration =
                (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        Flyway.configure()
                .dataSource(configuration.getDataSource())
                .locations(LOCATION)
                .table(HISTORY_TABLE)
                // The schema holds the application's and the engine's tables already; start this history at 0.
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .load()
                .migrate();
    }
}
