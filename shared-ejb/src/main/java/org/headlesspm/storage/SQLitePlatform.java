package org.headlesspm.storage;

import org.eclipse.persistence.internal.databaseaccess.DatabaseCall;
import org.eclipse.persistence.internal.expressions.ExpressionSQLPrinter;
import org.eclipse.persistence.internal.expressions.SQLSelectStatement;
import org.eclipse.persistence.platform.database.DatabasePlatform;
import org.eclipse.persistence.queries.ValueReadQuery;

/**
 * EclipseLink ships no SQLite platform. Integer primary keys are rowids, so identity generation
 * reads {@code last_insert_rowid()} on the inserting connection; outer joins use ANSI syntax. Row
 * limits are written into the SQL ({@code LIMIT ? OFFSET ?}, as EclipseLink's H2 platform does)
 * rather than left to JDBC max-rows: only then does SQLite keep the 50 newest of 10,000 tasks while
 * sorting instead of sorting them all.
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

  @Override
  public void printSQLSelectStatement(
      DatabaseCall call, ExpressionSQLPrinter printer, SQLSelectStatement statement) {
    int maxRows = statement.getQuery() == null ? 0 : statement.getQuery().getMaxRows();
    if (maxRows <= 0 || !shouldUseRownumFiltering()) {
      super.printSQLSelectStatement(call, printer, statement);
      return;
    }
    statement.setUseUniqueFieldAliases(true);
    call.setFields(statement.printSQL(printer));
    printer.printString(" LIMIT ");
    printer.printParameter(DatabaseCall.MAXROW_FIELD);
    printer.printString(" OFFSET ");
    printer.printParameter(DatabaseCall.FIRSTRESULT_FIELD);
    call.setIgnoreFirstRowSetting(true);
    call.setIgnoreMaxResultsSetting(true);
  }

  /**
   * The row count for {@code LIMIT}: EclipseLink's max rows count from the start, not the offset.
   */
  @Override
  public int computeMaxRowsForSQL(int firstResultIndex, int maxResults) {
    return maxResults - Math.max(firstResultIndex, 0);
  }
}
