package org.cocrea.bench;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.StrongUuidGenerator;

/**
 * The baseline: a bare Camunda 7.24 engine ({@link ProcessEngineConfiguration#createStandaloneProcessEngineConfiguration()})
 * on its own scratch PostgreSQL database, with what Cocrea sets on its engine that changes the work per step (history
 * level {@code full}) and the same pool (HikariCP, 20 connections, as {@code spring.datasource.hikari}), the job
 * executor on with Camunda's defaults (as Cocrea's). No authorization checks, listeners, forms or application tables:
 * the engine alone.
 *
 * <p>Ids: the standalone engine's database id generator (blocks of increasing numbers) by default;
 * {@code BENCH_BARE_ID_GENERATOR=strong} gives it the random UUIDs ({@link StrongUuidGenerator}) that the Spring Boot
 * starter, and so Cocrea, uses ({@code camunda.bpm.id-generator} {@code strong}), to tell that difference from
 * Cocrea's own work.
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
        if ("strong".equals(Bench.env("BENCH_BARE_ID_GENERATOR", "db"))) {
            cfg.setIdGenerator(new StrongUuidGenerator());
        }
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
