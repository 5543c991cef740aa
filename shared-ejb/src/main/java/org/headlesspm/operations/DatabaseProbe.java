package org.headlesspm.operations;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import javax.sql.DataSource;

/** Asks the database whether it answers, and what it is, outside any transaction. */
@ApplicationScoped
public class DatabaseProbe {

  @Resource(lookup = "jdbc/headlesspm")
  DataSource dataSource;

  private volatile String kind;

  /** What a probe saw: {@code error} is null when the database answered. */
  public record Result(String kind, String location, String journalMode, String error) {
    public boolean healthy() {
      return error == null;
    }
  }

  public Result probe() {
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement()) {
      statement.setQueryTimeout(2);
      String url = connection.getMetaData().getURL();
      String kind = kindOf(connection.getMetaData().getDatabaseProductName());
      String journal = null;
      if ("sqlite".equals(kind)) {
        try (ResultSet rs = statement.executeQuery("PRAGMA journal_mode")) {
          journal = rs.next() ? rs.getString(1) : null;
        }
        // A file that is not a database opens fine and fails on its first real read.
        try (ResultSet rs = statement.executeQuery("SELECT count(*) FROM sqlite_master")) {
          rs.next();
        }
        // An open connection keeps working on a deleted or read-only file; the next one would not.
        String problem = fileProblem(location(url));
        if (problem != null) {
          return new Result(kind, location(url), journal, problem);
        }
      } else {
        statement.execute("SELECT 1");
      }
      return new Result(kind, location(url), journal, null);
    } catch (SQLException | RuntimeException e) {
      return new Result(
          "sqlite", null, null, e.getMessage() == null ? e.toString() : e.getMessage());
    }
  }

  /**
   * Lower-case name of the database in use ({@code sqlite}, {@code mysql}, ...); asked once, since
   * it cannot change while the server runs.
   */
  public String kind() {
    if (kind == null) {
      try (Connection connection = dataSource.getConnection()) {
        kind = kindOf(connection.getMetaData().getDatabaseProductName());
      } catch (SQLException e) {
        return "sqlite";
      }
    }
    return kind;
  }

  private static String kindOf(String product) {
    String name = product == null ? "" : product.toLowerCase(Locale.ROOT);
    return name.contains("sqlite") ? "sqlite" : name.contains("mysql") ? "mysql" : name;
  }

  /** Why the SQLite file at {@code location} cannot be (re)opened for writing, or null. */
  static String fileProblem(String location) {
    if (location == null || location.isBlank() || location.startsWith(":memory:")) {
      return null;
    }
    Path file = Path.of(location).toAbsolutePath();
    if (!Files.exists(file)) {
      return "The database file " + file + " is gone";
    }
    if (!Files.isWritable(file)) {
      return "The database file " + file + " is not writable";
    }
    Path folder = file.getParent();
    if (folder != null && !Files.isWritable(folder)) {
      return "The database folder " + folder + " is not writable (SQLite keeps its journal there)";
    }
    return null;
  }

  private static String location(String url) {
    return url != null && url.startsWith("jdbc:sqlite:")
        ? url.substring("jdbc:sqlite:".length())
        : url;
  }
}
