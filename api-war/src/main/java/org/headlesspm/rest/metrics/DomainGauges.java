package org.headlesspm.rest.metrics;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.function.Supplier;
import java.util.logging.Logger;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;
import org.eclipse.microprofile.metrics.Tag;
import org.headlesspm.api.TaskStatus;
import org.headlesspm.operations.DatabaseProbe;
import org.headlesspm.operations.ServerCounts;
import org.headlesspm.registry.ServiceRegistry;
import org.headlesspm.storage.WriteGate;

/**
 * The API's domain gauges (OPERATIONS.md 8.5): tasks per status, active agents, services up and the
 * size of the database file and its WAL. The counts are read at most every 5 seconds, however often
 * Prometheus scrapes.
 */
@ApplicationScoped
public class DomainGauges {

  private static final Logger LOG = Logger.getLogger(DomainGauges.class.getName());
  private static final long FRESH_NANOS = Duration.ofSeconds(5).toNanos();

  @Inject MetricRegistry metrics;
  @Inject ServerCounts counts;
  @Inject DatabaseProbe database;

  private record Snapshot(long at, Map<String, Long> tasks, long activeAgents, long servicesUp) {}

  private volatile Snapshot snapshot;
  private volatile Path databaseFile;

  void register(@Observes @Initialized(ApplicationScoped.class) Object started) {
    // Counters incremented elsewhere, registered now so that they read 0 rather than being absent.
    metrics.counter(WriteGate.BUSY_RETRIES);
    metrics.counter(ServiceRegistry.PINGS, new Tag("result", "up"));
    metrics.counter(ServiceRegistry.PINGS, new Tag("result", "down"));
    for (TaskStatus status : TaskStatus.values()) {
      gauge(
          "headless_pm_tasks",
          "Tasks by status",
          MetricUnits.NONE,
          () -> fresh().tasks().getOrDefault(status.name(), 0L),
          new Tag("status", status.name()));
    }
    gauge(
        "headless_pm_agents_active",
        "Agents seen in the last 5 minutes",
        MetricUnits.NONE,
        () -> fresh().activeAgents());
    gauge(
        "headless_pm_services_up",
        "Registered services up",
        MetricUnits.NONE,
        () -> fresh().servicesUp());
    gauge("headless_pm_db_file", "Size of the SQLite file", MetricUnits.BYTES, () -> size(""));
    gauge(
        "headless_pm_db_wal", "Size of the SQLite WAL file", MetricUnits.BYTES, () -> size("-wal"));
  }

  private void gauge(
      String name, String description, String unit, Supplier<Long> value, Tag... tags) {
    metrics.gauge(
        Metadata.builder().withName(name).withDescription(description).withUnit(unit).build(),
        value,
        tags);
  }

  private Snapshot fresh() {
    Snapshot current = snapshot;
    long now = System.nanoTime();
    if (current == null || now - current.at() > FRESH_NANOS) {
      try {
        current =
            new Snapshot(
                now, counts.tasksByStatus(), counts.count().activeAgents(), counts.servicesUp());
      } catch (RuntimeException e) {
        LOG.fine("Metrics could not read the database: " + e);
        current = new Snapshot(now, Map.of(), 0, 0);
      }
      snapshot = current;
    }
    return current;
  }

  private long size(String suffix) {
    if (databaseFile == null) {
      DatabaseProbe.Result probe = database.probe();
      if (!"sqlite".equals(probe.kind()) || probe.location() == null) {
        return 0;
      }
      databaseFile = Path.of(probe.location().replaceFirst("\\?.*$", ""));
    }
    try {
      Path file = Path.of(databaseFile + suffix);
      return Files.exists(file) ? Files.size(file) : 0;
    } catch (IOException e) {
      return 0;
    }
  }
}
