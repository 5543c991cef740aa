package org.headlesspm.dashboard.tasks;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import org.headlesspm.api.TaskResponse;

/**
 * The Tasks page's filters, read from and written back to the URL (DASHBOARD.md 3.3.1); the same
 * filters apply to the board, the timeline and the analytics view.
 */
public record TaskFilter(
    String epic,
    String feature,
    String role,
    String difficulty,
    String complexity,
    String status,
    String assignee,
    String q,
    String sort) {

  static final List<String> NAMES =
      List.of(
          "epic", "feature", "role", "difficulty", "complexity", "status", "assignee", "q", "sort");

  public static TaskFilter from(HttpServletRequest request) {
    return new TaskFilter(
        param(request, "epic"),
        param(request, "feature"),
        param(request, "role"),
        param(request, "difficulty"),
        param(request, "complexity"),
        param(request, "status"),
        param(request, "assignee"),
        param(request, "q"),
        param(request, "sort"));
  }

  private static String param(HttpServletRequest request, String name) {
    String value = request.getParameter(name);
    return value == null || value.isBlank() ? null : value.strip();
  }

  public boolean isActive() {
    return epic != null
        || feature != null
        || role != null
        || difficulty != null
        || complexity != null
        || status != null
        || assignee != null
        || q != null;
  }

  public Predicate<TaskResponse> predicate() {
    return task ->
        matches(epic, Long.toString(task.epicId()))
            && matches(feature, Long.toString(task.featureId()))
            && matches(role, String.valueOf(task.targetRole()))
            && matches(difficulty, String.valueOf(task.difficulty()))
            && matches(complexity, String.valueOf(task.complexity()))
            && matches(status, String.valueOf(task.status()))
            && assigneeMatches(task)
            && searchMatches(task);
  }

  private static boolean matches(String wanted, String actual) {
    return wanted == null || wanted.equals(actual);
  }

  private boolean assigneeMatches(TaskResponse task) {
    if (assignee == null) {
      return true;
    }
    return "none".equals(assignee) ? task.lockedBy() == null : assignee.equals(task.lockedBy());
  }

  private boolean searchMatches(TaskResponse task) {
    if (q == null) {
      return true;
    }
    String needle = q.toLowerCase(Locale.ROOT);
    if (needle.matches("#\\d+")) {
      return Long.toString(task.id()).equals(needle.substring(1));
    }
    return contains(task.title(), needle)
        || contains(task.description(), needle)
        || contains(task.branch(), needle);
  }

  private static boolean contains(String text, String needle) {
    return text != null && text.toLowerCase(Locale.ROOT).contains(needle);
  }

  public Comparator<TaskResponse> order() {
    String key = sort == null ? "updated" : sort;
    return switch (key) {
      case "created" ->
          Comparator.comparing(
              TaskResponse::createdAt, Comparator.nullsLast(Comparator.reverseOrder()));
      case "id" -> Comparator.comparingLong(TaskResponse::id);
      case "difficulty" ->
          Comparator.comparing(t -> t.difficulty() == null ? 9 : t.difficulty().ordinal());
      default ->
          Comparator.comparing(
              TaskResponse::updatedAt, Comparator.nullsLast(Comparator.reverseOrder()));
    };
  }

  /** The filters as query parameters (without the leading '?'), for links that keep them. */
  public String query() {
    Map<String, String> values = new LinkedHashMap<>();
    values.put("epic", epic);
    values.put("feature", feature);
    values.put("role", role);
    values.put("difficulty", difficulty);
    values.put("complexity", complexity);
    values.put("status", status);
    values.put("assignee", assignee);
    values.put("q", q);
    values.put("sort", sort);
    StringBuilder query = new StringBuilder();
    values.forEach(
        (name, value) -> {
          if (value != null) {
            query
                .append('&')
                .append(name)
                .append('=')
                .append(URLEncoder.encode(value, StandardCharsets.UTF_8));
          }
        });
    return query.length() == 0 ? "" : query.substring(1);
  }
}
