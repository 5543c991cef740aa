package org.headlesspm.operations;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.headlesspm.config.HeadlessPmConfig;
import org.headlesspm.operations.SchemaMigrations.SchemaState;
import org.headlesspm.registry.ServicePinger;

/**
 * Runs once when the API starts, before it serves requests: schema migrations, default data, then
 * the service pinger. A failure is recorded rather than thrown, so that the API still answers its
 * health endpoints and says what is wrong (readiness stays down).
 */
@Startup
@Singleton
@TransactionManagement(TransactionManagementType.BEAN)
public class Bootstrap {

  private static final Logger LOG = Logger.getLogger(Bootstrap.class.getName());

  @Resource(lookup = "jdbc/headlesspm")
  DataSource dataSource;

  @Inject HeadlessPmConfig config;
  @Inject DefaultData defaults;
  @Inject ServicePinger pinger;

  private volatile SchemaState schema;
  private volatile String failure;
  private volatile boolean started;

  @PostConstruct
  void start() {
    config.logResolvedSettings();
    try {
      schema = SchemaMigrations.apply(dataSource, config.migrateOnStart());
      LOG.info("Database schema at version " + schema.current());
      if (!schema.upToDate()) {
        throw new IllegalStateException(
            "Database schema is at version "
                + schema.current()
                + " but this build needs "
                + schema.latest()
                + " (HEADLESS_PM_DATABASE_MIGRATE=false)");
      }
      defaults.ensure();
      pinger.start();
      started = true;
    } catch (RuntimeException e) {
      failure = e.getMessage() == null ? e.toString() : e.getMessage();
      LOG.log(Level.SEVERE, "Headless PM could not start: " + failure, e);
    }
  }

  /** Migrations done and default data ensured. */
  public boolean isStarted() {
    return started;
  }

  public Optional<String> failure() {
    return Optional.ofNullable(failure);
  }

  public Optional<SchemaState> schema() {
    return Optional.ofNullable(schema);
  }
}
