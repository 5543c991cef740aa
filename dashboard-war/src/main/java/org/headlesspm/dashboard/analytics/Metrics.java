package org.headlesspm.dashboard.analytics;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.headlesspm.api.ChangelogResponse;
import org.headlesspm.api.TaskResponse;
import org.headlesspm.api.TaskStatus;
import org.headlesspm.dashboard.web.Charts.Point;
import org.headlesspm.dashboard.web.Format;

/**
 * The metric catalogue of DASHBOARD.md 4, computed from the API's tasks and changelog only (no
 * invented numbers): a pure function of its inputs and the clock.
 */
public final class Metrics {

  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("MM-dd", Locale.ROOT);

  private final List<TaskResponse> tasks;
  private final List<ChangelogResponse> changes;
  private final Instant now;
  private final int days;

  public Metrics(List<TaskResponse> tasks, List<ChangelogResponse> changes, Instant now, int days) {
    Set<Long> ids = tasks.stream().map(TaskResponse::id).collect(Collectors.toSet());
    this.tasks = tasks;
    this.changes = changes.stream().filter(c -> ids.contains(c.taskId())).toList();
    this.now = now;
    this.days = days;
  }

  public int getTotal() {
    return tasks.size();
  }

  public long getCommitted() {
    return tasks.stream().filter(t -> t.status() == TaskStatus.committed).count();
  }

  public long getInProgress() {
    return tasks.stream().filter(t -> t.status().isInProgress()).count();
  }

  /** Committed / total in percent with one decimal, "0.0" without tasks. */
  public String getCompletionRate() {
    return tasks.isEmpty()
        ? "0.0"
        : String.format(Locale.ROOT, "%.1f", 100.0 * getCommitted() / tasks.size());
  }

  private Instant rangeStart() {
    return now.minus(Duration.ofDays(days));
  }

  /** Transitions into committed within the range (velocity). */
  public long getVelocity() {
    Instant start = rangeStart();
    return changes.stream()
        .filter(c -> c.newStatus() == TaskStatus.committed && !Format.isCreation(c))
        .filter(c -> c.changedAt() != null && c.changedAt().isAfter(start))
        .count();
  }

  /** Committed transitions per day of the range, oldest day first. */
  public List<Point> getDailyCommitted() {
    LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
    Map<LocalDate, Long> perDay = new LinkedHashMap<>();
    for (int i = days - 1; i >= 0; i--) {
      perDay.put(today.minusDays(i), 0L);
    }
    for (ChangelogResponse change : changes) {
      if (change.newStatus() == TaskStatus.committed
          && !Format.isCreation(change)
          && change.changedAt() != null) {
        perDay.computeIfPresent(
            LocalDate.ofInstant(change.changedAt(), ZoneOffset.UTC), (d, n) -> n + 1);
      }
    }
    List<Point> points = new ArrayList<>();
    perDay.forEach((day, n) -> points.add(new Point(DAY.format(day), n)));
    return points;
  }

  /** Status changes per agent within the range, busiest first. */
  public List<Point> getAgentActivity() {
    Instant start = rangeStart();
    Map<String, Long> counts =
        changes.stream()
            .filter(c -> c.changedAt() != null && c.changedAt().isAfter(start))
            .collect(Collectors.groupingBy(ChangelogResponse::changedBy, Collectors.counting()));
    return sorted(counts);
  }

  /** Per agent: tasks it holds now plus tasks it moved to committed within the range. */
  public List<Point> getWorkload() {
    Instant start = rangeStart();
    Map<String, Long> counts = new HashMap<>();
    tasks.stream()
        .filter(t -> t.lockedBy() != null)
        .forEach(t -> counts.merge(t.lockedBy(), 1L, Long::sum));
    changes.stream()
        .filter(c -> c.newStatus() == TaskStatus.committed && !Format.isCreation(c))
        .filter(c -> c.changedAt() != null && c.changedAt().isAfter(start))
        .forEach(c -> counts.merge(c.changedBy(), 1L, Long::sum));
    return sorted(counts);
  }

  public List<Point> getByRole() {
    return sorted(
        tasks.stream()
            .collect(
                Collectors.groupingBy(t -> String.valueOf(t.targetRole()), Collectors.counting())));
  }

  public List<Point> getByDifficulty() {
    return sorted(
        tasks.stream()
            .collect(
                Collectors.groupingBy(t -> String.valueOf(t.difficulty()), Collectors.counting())));
  }

  /** Cycle times (creation to first committed) of committed tasks, in hours. */
  List<Double> cycleHours() {
    Map<Long, List<ChangelogResponse>> byTask =
        changes.stream().collect(Collectors.groupingBy(ChangelogResponse::taskId));
    List<Double> hours = new ArrayList<>();
    for (TaskResponse task : tasks) {
      if (task.status() != TaskStatus.committed) {
        continue;
      }
      List<ChangelogResponse> history =
          byTask.getOrDefault(task.id(), List.of()).stream()
              .filter(c -> c.changedAt() != null)
              .sorted(Comparator.comparing(ChangelogResponse::changedAt))
              .toList();
      Instant created =
          history.stream()
              .filter(c -> Format.isCreation(c))
              .map(ChangelogResponse::changedAt)
              .findFirst()
              .orElse(task.createdAt());
      history.stream()
          .filter(c -> c.newStatus() == TaskStatus.committed && !Format.isCreation(c))
          .map(ChangelogResponse::changedAt)
          .findFirst()
          .ifPresent(done -> hours.add(Duration.between(created, done).toMinutes() / 60.0));
    }
    return hours;
  }

  /** Average cycle time as "1.5 d" or "3.2 h"; "—" when no task was committed. */
  public String getAverageCycleTime() {
    List<Double> hours = cycleHours();
    if (hours.isEmpty()) {
      return "—";
    }
    return duration(hours.stream().mapToDouble(Double::doubleValue).average().orElse(0));
  }

  public String getMedianCycleTime() {
    List<Double> hours = cycleHours().stream().sorted().toList();
    if (hours.isEmpty()) {
      return "—";
    }
    int mid = hours.size() / 2;
    return duration(
        hours.size() % 2 == 1 ? hours.get(mid) : (hours.get(mid - 1) + hours.get(mid)) / 2);
  }

  public int getCycleSamples() {
    return cycleHours().size();
  }

  static String duration(double hours) {
    if (hours < 1) {
      return Math.round(hours * 60) + " min";
    }
    return hours >= 24
        ? String.format(Locale.ROOT, "%.1f d", hours / 24)
        : String.format(Locale.ROOT, "%.1f h", hours);
  }

  public int getDays() {
    return days;
  }

  public boolean isNoData() {
    return tasks.isEmpty();
  }

  private static List<Point> sorted(Map<String, Long> counts) {
    return counts.entrySet().stream()
        .sorted(
            Map.Entry.<String, Long>comparingByValue()
                .reversed()
                .thenComparing(Map.Entry.comparingByKey()))
        .map(e -> new Point(e.getKey(), e.getValue()))
        .toList();
  }
}
