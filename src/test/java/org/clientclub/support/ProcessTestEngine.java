package org.clientclub.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.MockExpressionManager;
import org.clientclub.workflow.internal.FourEyesPlugin;
import org.clientclub.workflow.internal.StaffPasswordHashing;

/**
 * The engine of the process tests: the real Camunda engine on an embedded PostgreSQL, without Spring and
 * without the job executor, so a test moves the process with camunda-bpm-assert's {@code execute(job())}. Glue
 * beans are Mockito mocks registered with {@code Mocks.register}. One engine serves every process test of a JVM;
 * each test class sets its coverage floor ({@link #coveringAtLeast}).
 */
public final class ProcessTestEngine {

    private static ProcessEngine engine;

    private ProcessTestEngine() {}

    /**
     * The engine for one test class, which fails when its tests reach less than {@code floor} of the flow nodes of
     * the diagrams they deploy: set it just under what the class reaches, so a lost path fails the build.
     */
    public static synchronized ProcessEngineExtension coveringAtLeast(double floor) {
        if (engine == null) {
            engine = start();
        }
        return new CoverageFloorExtension(floor).useProcessEngine(engine);
    }

    /** The same engine without a coverage floor, for tests of engine plugins rather than of diagrams. */
    public static synchronized ProcessEngine engine() {
        if (engine == null) {
            engine = start();
        }
        return engine;
    }

    private static ProcessEngine start() {
        try {
            EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    postgres.close();
                } catch (IOException ignored) {
                    // the JVM is ending; the temporary cluster goes with it
                }
            }));
            StandaloneProcessEngineConfiguration config = new StandaloneProcessEngineConfiguration();
            config.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
            config.setJdbcDriver("org.postgresql.Driver");
            config.setJdbcUsername("postgres");
            config.setJdbcPassword("");
            config.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE);
            config.setJobExecutorActivate(false);
            config.setHistory(ProcessEngineConfiguration.HISTORY_FULL);
            config.setExpressionManager(new MockExpressionManager());
            config.setProcessEngineName("process-tests");
            // as in the application: four-eyes tasks refuse a completion by the requester or without an assignee
            config.getProcessEnginePlugins().add(new FourEyesPlugin());
            // and staff accounts as in application.yaml: role ids with an underscore, passwords hashed with bcrypt
            config.setGeneralResourceWhitelistPattern("[a-zA-Z0-9_-]+|camunda-admin");
            config.setLoginMaxAttempts(Integer.MAX_VALUE);
            config.setLoginDelayBase(0);
            config.getProcessEnginePlugins().add(new StaffPasswordHashing());
            return config.buildProcessEngine();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
