package org.headlesspm.storage;

import org.eclipse.persistence.platform.database.DatabasePlatform;
import org.eclipse.persistence.queries.ValueReadQuery;

/**
 * EclipseLink ships no SQLite platform. Integer primary keys are rowids, so identity generation
 * reads {@code last_insert_rowid()} on the inserting connection; outer joins use ANSI syntax.
 * Limits use JDBC max-rows, which the generic platform already does.
 */
public class SQLitePlatform extends DatabasePlatform {

  @Override
  public boolean supportsIdentity() {
    return true;
  }

  @Override
  public ValueReadQuery buildSelectQueryForIdentity() {
    return new ValueReadQuery("SELECT last_insert_rowid()");
  }

  @Override
  public boolean shouldUseJDBCOuterJoinSyntax() {
    return false;
  }

  @Override
  public boolean supportsForeignKeyConstraints() {
    return true;
  }

  @Override
  public boolean supportsGlobalTempTables() {
    return false;
  }

  @Override
  public boolean supportsLocalTempTables() {
    return false;
  }
}
