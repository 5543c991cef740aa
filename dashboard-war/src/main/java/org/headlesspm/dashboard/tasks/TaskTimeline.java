package org.headlesspm.dashboard.tasks;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.headlesspm.api.ChangelogResponse;
import org.headlesspm.api.TaskResponse;
import org.headlesspm.api.TaskStatus;

/**
 * The timeline view (DASHBOARD.md 3.3.3): per task, bar segments from one status change to the
 * next, taken from the changelog, drawn as SVG; the transitions also as text.
 */
public final class TaskTimeline {

  /** A task's row: its segments as SVG and its transitions in the range, oldest first. */
  public record Row(
      TaskResponse task, String svg, List<ChangelogResponse> transitions, Instant lastActivity) {}

  private static final int WIDTH = 600;
  private static final DateTimeFormatter LABEL =
      DateTimeFormatter.ofPattern("MM-dd HH:mm", Locale.ROOT).withZone(ZoneOffset.UTC);

  private TaskTimeline() {}

  static Duration duration(String range) {
    return switch (range) {
      case "12h" -> Duration.ofHours(12);
      case "24h" -> Duration.ofHours(24);
      case "30d" -> Duration.ofDays(30);
      default -> Duration.ofDays(7);
    };
  }

  static List<Row> rows(
      List<TaskResponse> tasks, List<ChangelogResponse> changelog, Instant now, Duration range) {
    Instant start = now.minus(range);
    Map<Long, List<ChangelogResponse>> byTask =
        changelog.stream()
            .filter(c -> c.changedAt() != null)
            .collect(Collectors.groupingBy(ChangelogResponse::taskId));
    List<Row> rows = new ArrayList<>();
    for (TaskResponse task : tasks) {
      List<ChangelogResponse> history =
          byTask.getOrDefault(task.id(), List.of()).stream()
              .sorted(Comparator.comparing(ChangelogResponse::changedAt))
              .toList();
      List<ChangelogResponse> inRange =
          history.stream().filter(c -> !c.changedAt().isBefore(start)).toList();
      if (inRange.isEmpty()) {
        continue;
      }
      rows.add(
          new Row(
              task,
              svg(history, start, now),
              inRange,
              inRange.get(inRange.size() - 1).changedAt()));
    }
    rows.sort(Comparator.comparing(Row::lastActivity).reversed());
    return rows;
  }

  private static String svg(List<ChangelogResponse> history, Instant start, Instant now) {
    double span = Math.max(1, Duration.between(start, now).toSeconds());
    StringBuilder svg =
        new StringBuilder("<svg viewBox=\"0 0 600 18\" role=\"img\" aria-hidden=\"true\">");
    svg.append(
        "<rect x=\"0\" y=\"2\" width=\"600\" height=\"14\" rx=\"3\" fill=\"currentColor\" opacity=\".08\"/>");
    for (int i = 0; i < history.size(); i++) {
      ChangelogResponse change = history.get(i);
      Instant from = change.changedAt().isBefore(start) ? start : change.changedAt();
      Instant to = i + 1 < history.size() ? history.get(i + 1).changedAt() : now;
      if (to.isBefore(start)) {
        continue;
      }
      double x = WIDTH * Duration.between(start, from).toSeconds() / span;
      double w = Math.max(2, WIDTH * Duration.between(from, to).toSeconds() / span);
      TaskStatus status = change.newStatus();
      svg.append(
          String.format(
              Locale.ROOT,
              "<rect class=\"status-%s\" fill=\"currentColor\" x=\"%.1f\" y=\"2\" width=\"%.1f\" height=\"14\"><title>%s from %s</title></rect>",
              status,
              x,
              Math.min(w, WIDTH - x),
              status,
              LABEL.format(from)));
    }
    return svg.append("</svg>").toString();
  }

  static String axis(Instant now, Duration range) {
    Instant start = now.minus(range);
    return LABEL.format(start) + " → " + LABEL.format(now) + " UTC";
  }
}
