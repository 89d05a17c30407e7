package org.cocrea.bench;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;

/**
 * The baseline: a bare Camunda 7.24 engine ({@link ProcessEngineConfiguration#createStandaloneProcessEngineConfiguration()})
 * on its own scratch PostgreSQL database, with what Cocrea sets on its engine that changes the work per step (history
 * level {@code full}) and the same pool (HikariCP, 20 connections, as {@code spring.datasource.hikari}), the job
 * executor on with Camunda's defaults (as Cocrea's). No authorization checks, listeners, forms or application tables:
 * the engine alone.
 */
final class BareEngine implements AutoCloseable {

    private final HikariDataSource pool;
    private final ProcessEngine engine;

    BareEngine(String database) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(Bench.url(database));
        config.setUsername(Bench.dbUser());
        config.setPassword(Bench.dbPassword());
        config.setMaximumPoolSize(20);
        config.setMinimumIdle(1); // connections opened as needed: the benchmark's PostgreSQL may be shared
        config.setAutoCommit(true);
        pool = new HikariDataSource(config);
        ProcessEngineConfigurationImpl cfg = (ProcessEngineConfigurationImpl) ProcessEngineConfiguration
                .createStandaloneProcessEngineConfiguration();
        cfg.setDataSource(Bench.counted(pool));
        cfg.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE);
        cfg.setHistory(ProcessEngineConfiguration.HISTORY_FULL);
        cfg.setJobExecutorActivate(true);
        cfg.setProcessEngineName("bare-" + database);
        engine = cfg.buildProcessEngine();
    }

    ProcessEngine engine() {
        return engine;
    }

    @Override
    public void close() {
        engine.close();
        pool.close();
    }
}
