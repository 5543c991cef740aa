package org.headlesspm.api;

import java.time.Instant;

/** {@code GET /status} when the database answers. */
public record ServerStatus(String service, String version, Metrics metrics, Instant timestamp) {

  /**
   * Counts over all projects; active agents were seen in the last five minutes; {@code
   * waiting_for_tasks} counts the next-task requests parked right now (an addition to the
   * reference's counters).
   */
  public record Metrics(
      long totalProjects,
      long totalAgents,
      long activeAgents,
      long totalTasks,
      long totalDocuments,
      long totalServices,
      long waitingForTasks) {}
}
