package org.headlesspm.admin;

import static org.headlesspm.api.JsonFactory.JSON;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.logging.Logger;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.headlesspm.api.ApiError;
import org.headlesspm.api.Timestamps;
import org.headlesspm.config.HeadlessPmConfig;
import org.headlesspm.operations.Bootstrap;
import org.headlesspm.operations.DatabaseProbe;

/**
 * Online backups (OPERATIONS.md 6.7): SQLite's {@code VACUUM INTO} writes a consistent, compacted
 * copy, WAL content included, while writers go on. It reads the database like any query, so it does
 * not take the write gate: writers are not held up for the length of a backup.
 */
@ApplicationScoped
public class OnlineBackup {

  /** UTC, as the seed and the reference name their backups. */
  static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("yyyyMMdd_HHmmss").withZone(ZoneOffset.UTC);

  private static final Logger LOG = Logger.getLogger(OnlineBackup.class.getName());

  @Resource(lookup = "jdbc/headlesspm")
  DataSource dataSource;

  @Inject HeadlessPmConfig config;
  @Inject DatabaseProbe database;
  @Inject Bootstrap bootstrap;
  @Inject Clock clock;

  /** Writes {@code backup_YYYYMMDD_HHMMSS.db} ({@code _2}, {@code _3}... on collision). */
  public synchronized AdminReport backup() {
    if (!"sqlite".equals(database.kind())) {
      throw ApiError.badRequest(
          "Online backup needs SQLite; back up " + database.kind() + " with its own tools");
    }
    Path dir = config.backupDir();
    Instant now = clock.instant();
    Path target;
    try {
      Files.createDirectories(dir);
      target = freeName(dir, "backup_" + STAMP.format(now));
    } catch (IOException e) {
      throw new ApiError(500, "Backup folder " + dir + " is not writable: " + e.getMessage());
    }
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute("VACUUM INTO '" + target.toString().replace("'", "''") + "'");
    } catch (SQLException e) {
      throw new ApiError(500, "Backup failed: " + e.getMessage());
    }
    long size = size(target);
    String schema = bootstrap.schema().map(s -> s.current()).orElse("unknown");
    LOG.info("Online backup written to " + target + " (" + size + " bytes)");
    JsonObject data =
        JSON.createObjectBuilder()
            .add("name", target.getFileName().toString())
            .add("path", target.toString())
            .add("size_bytes", size)
            .add("created_at", Timestamps.format(now))
            .add("schema_version", schema)
            .build();
    return AdminReport.ok(
        "Backup created: "
            + target
            + "\nSize: "
            + size
            + " bytes\nCreated: "
            + TextTable.dayMinute(now, "")
            + " UTC\nSchema version: "
            + schema
            + "\n",
        data);
  }

  /** Every {@code *.db} file in the backup folder, newest first. */
  public AdminReport list() {
    Path dir = config.backupDir();
    TextTable table =
        TextTable.of(
            "name", "Backup", "size_bytes", "Size (bytes)", "modified_at", "Modified (UTC)");
    if (Files.isDirectory(dir)) {
      try (Stream<Path> files = Files.list(dir)) {
        List<Path> backups =
            files
                .filter(f -> f.getFileName().toString().endsWith(".db") && Files.isRegularFile(f))
                .sorted(Comparator.comparing(OnlineBackup::modified).reversed())
                .toList();
        for (Path file : backups) {
          table.row(
              file.getFileName().toString(), size(file), TextTable.dayMinute(modified(file), ""));
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    String text =
        table.isEmpty()
            ? "No backups in " + dir + "\n"
            : "Backups in " + dir + "\n" + table.render();
    return AdminReport.ok(
        text,
        JSON.createObjectBuilder()
            .add("directory", dir.toString())
            .add("backups", table.json())
            .add("count", table.size())
            .build());
  }

  static Path freeName(Path dir, String base) {
    Path candidate = dir.resolve(base + ".db");
    for (int n = 2; Files.exists(candidate); n++) {
      candidate = dir.resolve(base + "_" + n + ".db");
    }
    return candidate;
  }

  private static long size(Path file) {
    try {
      return Files.size(file);
    } catch (IOException e) {
      return 0;
    }
  }

  private static Instant modified(Path file) {
    try {
      return Files.getLastModifiedTime(file).toInstant();
    } catch (IOException e) {
      return Instant.EPOCH;
    }
  }
}
