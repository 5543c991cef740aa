package org.headlesspm.dashboard.web;

import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.headlesspm.api.TaskResponse;
import org.headlesspm.api.TaskStatus;

/**
 * Dependency-free charts as inline SVG, drawn on the server from real numbers. Colours come from
 * the stylesheet's status palette ({@code currentColor}); every chart has a title and every page
 * shows the same numbers as a table next to it.
 */
public final class Charts {

  /** A labelled number of a chart. */
  public record Point(String label, long value) {}

  private Charts() {}

  /** Tasks per board column (pending counted under CREATED). */
  public static Map<TaskStatus, Long> countByColumn(List<TaskResponse> tasks) {
    Map<TaskStatus, Long> counts = new EnumMap<>(TaskStatus.class);
    Board.COLUMNS.forEach(s -> counts.put(s, 0L));
    for (TaskResponse task : tasks) {
      counts.merge(Board.columnOf(task.status()), 1L, Long::sum);
    }
    return counts;
  }

  /** One stacked bar of the status distribution. */
  public static String statusBar(List<TaskResponse> tasks) {
    Map<TaskStatus, Long> counts = countByColumn(tasks);
    long total = tasks.size();
    StringBuilder svg = new StringBuilder();
    svg.append("<svg viewBox=\"0 0 600 28\" role=\"img\" aria-label=\"Status distribution: ");
    counts.forEach((s, n) -> svg.append(s).append(' ').append(n).append(", "));
    svg.append("\"><title>Status distribution</title>");
    if (total == 0) {
      svg.append(
          "<rect x=\"0\" y=\"4\" width=\"600\" height=\"20\" rx=\"6\" fill=\"currentColor\" opacity=\".12\"/>");
    }
    double x = 0;
    for (var entry : counts.entrySet()) {
      if (entry.getValue() == 0) {
        continue;
      }
      double width = 600.0 * entry.getValue() / total;
      svg.append(
          String.format(
              Locale.ROOT,
              "<rect class=\"status-%s\" fill=\"currentColor\" x=\"%.1f\" y=\"4\" width=\"%.1f\" height=\"20\"><title>%s: %d</title></rect>",
              entry.getKey(),
              x,
              Math.max(0, width - 1),
              entry.getKey(),
              entry.getValue()));
      x += width;
    }
    return svg.append("</svg>").toString();
  }

  /** Vertical bars (for example committed tasks per day); {@code cssClass} colours the bars. */
  public static String columns(String title, List<Point> points, String cssClass) {
    int width = 400;
    int height = 200;
    int bottom = 170;
    long max = Math.max(1, points.stream().mapToLong(Point::value).max().orElse(1));
    double slot = points.isEmpty() ? width : (double) width / points.size();
    StringBuilder svg = new StringBuilder();
    svg.append(
        String.format(
            Locale.ROOT,
            "<svg viewBox=\"0 0 %d %d\" role=\"img\" aria-label=\"%s\"><title>%s</title>",
            width,
            height,
            escape(title),
            escape(title)));
    svg.append(
        String.format(
            Locale.ROOT,
            "<line x1=\"0\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"currentColor\" opacity=\".25\"/>",
            bottom,
            width,
            bottom));
    int labelEvery = Math.max(1, points.size() / 10);
    for (int i = 0; i < points.size(); i++) {
      Point point = points.get(i);
      double barHeight = 150.0 * point.value() / max;
      double x = i * slot + slot * 0.15;
      svg.append(
          String.format(
              Locale.ROOT,
              "<rect class=\"%s\" fill=\"currentColor\" x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" rx=\"2\"><title>%s: %d</title></rect>",
              cssClass,
              x,
              bottom - barHeight,
              slot * 0.7,
              barHeight,
              escape(point.label()),
              point.value()));
      if (point.value() > 0) {
        svg.append(
            String.format(
                Locale.ROOT,
                "<text class=\"bar-label\" x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\">%d</text>",
                x + slot * 0.35,
                bottom - barHeight - 4,
                point.value()));
      }
      if (i % labelEvery == 0) {
        svg.append(
            String.format(
                Locale.ROOT,
                "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s</text>",
                x + slot * 0.35,
                bottom + 18,
                escape(point.label())));
      }
    }
    return svg.append("</svg>").toString();
  }

  /** Horizontal bars with their labels (for example per-agent activity). */
  public static String bars(String title, List<Point> points, String cssClass) {
    int row = 24;
    int height = Math.max(row, points.size() * row);
    long max = Math.max(1, points.stream().mapToLong(Point::value).max().orElse(1));
    StringBuilder svg = new StringBuilder();
    svg.append(
        String.format(
            Locale.ROOT,
            "<svg viewBox=\"0 0 380 %d\" role=\"img\" aria-label=\"%s\"><title>%s</title>",
            height,
            escape(title),
            escape(title)));
    for (int i = 0; i < points.size(); i++) {
      Point point = points.get(i);
      double width = 190.0 * point.value() / max;
      int y = i * row;
      svg.append(
          String.format(
              Locale.ROOT,
              "<text class=\"bar-label\" x=\"0\" y=\"%d\">%s</text>"
                  + "<rect class=\"%s\" fill=\"currentColor\" x=\"150\" y=\"%d\" width=\"%.1f\" height=\"14\" rx=\"3\"/>"
                  + "<text x=\"%.1f\" y=\"%d\">%d</text>",
              y + 15,
              escape(truncate(point.label(), 22)),
              cssClass,
              y + 4,
              width,
              156 + width,
              y + 15,
              point.value()));
    }
    return svg.append("</svg>").toString();
  }

  private static String truncate(String text, int max) {
    return text.length() <= max ? text : text.substring(0, max - 1) + "…";
  }

  static String escape(String text) {
    return text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;");
  }
}
