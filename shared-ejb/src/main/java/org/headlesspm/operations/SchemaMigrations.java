package org.headlesspm.operations;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;

/** The schema is Flyway's: versioned scripts in {@code db/migration/sqlite}, applied at start. */
public final class SchemaMigrations {

  private static final String LOCATION = "classpath:db/migration/sqlite";

  /** The version the database is at, and the newest version this build carries. */
  public record SchemaState(String current, String latest) {
    public boolean upToDate() {
      return current != null && current.equals(latest);
    }
  }

  private SchemaMigrations() {}

  /** Migrates (or, when {@code migrate} is false, only validates) and reports the state. */
  public static SchemaState apply(DataSource dataSource, boolean migrate) {
    Flyway flyway =
        Flyway.configure(SchemaMigrations.class.getClassLoader())
            .dataSource(dataSource)
            .locations(LOCATION)
            .load();
    if (migrate) {
      flyway.migrate();
    } else {
      flyway.validate();
    }
    MigrationInfo current = flyway.info().current();
    MigrationVersion latest = MigrationVersion.EMPTY;
    for (MigrationInfo info : flyway.info().all()) {
      if (info.getVersion() != null && info.getVersion().compareTo(latest) > 0) {
        latest = info.getVersion();
      }
    }
    return new SchemaState(
        current == null ? null : current.getVersion().getVersion(), latest.getVersion());
  }
}
