package org.headlesspm.admin;

import static org.headlesspm.api.JsonFactory.JSON;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.headlesspm.api.AgentRole;
import org.headlesspm.api.AgentStatus;
import org.headlesspm.api.ApiError;
import org.headlesspm.api.ConnectionType;
import org.headlesspm.api.DifficultyLevel;
import org.headlesspm.api.DocumentType;
import org.headlesspm.api.ServiceStatus;
import org.headlesspm.api.TaskComplexity;
import org.headlesspm.api.TaskStatus;
import org.headlesspm.api.TaskType;
import org.headlesspm.storage.InstantColumn;
import org.headlesspm.storage.NativeSql;
import org.headlesspm.storage.Writes;

/**
 * Both reference sanity tools in one (OPERATIONS.md 5.3): enumeration values, foreign keys, data
 * quality (warnings) and business rules. {@code fix} maps legacy and mixed-case enumeration values
 * to the current ones. Exit code 0 when no check failed, 1 otherwise.
 */
@ApplicationScoped
@Transactional
public class SanityCheck {

  public static final List<String> CATEGORIES =
      List.of("enums", "foreign-keys", "data-quality", "business-logic");

  /** Legacy values the reference's fixer maps (every other fix is lower-casing). */
  private static final Map<String, String> LEGACY =
      Map.of("pm", "project_pm", "evaluation", "qa_done", "approved", "committed");

  private record EnumColumn(String table, String column, Class<? extends Enum<?>> type) {}

  private static final List<EnumColumn> ENUM_COLUMNS =
      List.of(
          new EnumColumn("agent", "role", AgentRole.class),
          new EnumColumn("agent", "level", DifficultyLevel.class),
          new EnumColumn("agent", "status", AgentStatus.class),
          new EnumColumn("agent", "connection_type", ConnectionType.class),
          new EnumColumn("task", "status", TaskStatus.class),
          new EnumColumn("task", "target_role", AgentRole.class),
          new EnumColumn("task", "difficulty", DifficultyLevel.class),
          new EnumColumn("task", "complexity", TaskComplexity.class),
          new EnumColumn("task", "task_type", TaskType.class),
          new EnumColumn("service", "status", ServiceStatus.class),
          new EnumColumn("document", "doc_type", DocumentType.class),
          new EnumColumn("changelog", "old_status", TaskStatus.class),
          new EnumColumn("changelog", "new_status", TaskStatus.class));

  /** A child row whose parent is missing: child table, its column, parent table. */
  private record Reference(String table, String column, String parent) {}

  private static final List<Reference> REFERENCES =
      List.of(
          new Reference("agent", "project_id", "project"),
          new Reference("epic", "project_id", "project"),
          new Reference("feature", "epic_id", "epic"),
          new Reference("task", "feature_id", "feature"),
          new Reference("service", "project_id", "project"),
          new Reference("document", "project_id", "project"),
          new Reference("changelog", "task_id", "task"),
          new Reference("mention", "project_id", "project"));

  private enum Severity {
    FAIL,
    WARN
  }

  private record Result(
      String category, String check, Severity severity, long checked, List<String> issues) {
    boolean passed() {
      return issues.isEmpty();
    }
  }

  @PersistenceContext EntityManager em;
  @Inject Clock clock;

  /** The categories named in {@code checkOnly} (comma-separated), all when blank. */
  public static Set<String> categories(String checkOnly) {
    if (checkOnly == null || checkOnly.isBlank()) {
      return new LinkedHashSet<>(CATEGORIES);
    }
    Set<String> chosen = new LinkedHashSet<>();
    for (String part : checkOnly.split(",")) {
      String name = part.trim().toLowerCase(Locale.ROOT).replace('_', '-');
      if (!CATEGORIES.contains(name)) {
        throw ApiError.badRequest(
            "Invalid check: "
                + part.trim()
                + " (choose from "
                + String.join(", ", CATEGORIES)
                + ")");
      }
      chosen.add(name);
    }
    return chosen;
  }

  @Writes
  public AdminReport run(Set<String> categories, boolean fix, boolean verbose) {
    Instant started = clock.instant();
    List<String> fixes = new ArrayList<>();
    if (fix && categories.contains("enums")) {
      fixes.addAll(fixEnums());
    }
    List<Result> results = new ArrayList<>();
    if (categories.contains("enums")) {
      ENUM_COLUMNS.forEach(column -> results.add(checkEnum(column)));
    }
    if (categories.contains("foreign-keys")) {
      REFERENCES.forEach(reference -> results.add(checkReference(reference)));
    }
    if (categories.contains("data-quality")) {
      results.add(staleAgents());
      results.add(forgottenTasks());
    }
    if (categories.contains("business-logic")) {
      results.add(
          rows(
              "business-logic",
              "locked tasks have locked_at",
              Severity.FAIL,
              "SELECT COUNT(*) FROM task",
              "SELECT id FROM task WHERE locked_by_id IS NOT NULL AND locked_at IS NULL",
              "task %s is locked without locked_at"));
      results.add(
          rows(
              "business-logic",
              "working agents have a task",
              Severity.FAIL,
              "SELECT COUNT(*) FROM agent",
              "SELECT agent_id FROM agent WHERE status = 'working' AND current_task_id IS NULL",
              "agent %s is working without a current task"));
    }
    return report(started, results, fixes, verbose);
  }

  private List<String> fixEnums() {
    List<String> fixes = new ArrayList<>();
    for (EnumColumn c : ENUM_COLUMNS) {
      Set<String> allowed = names(c.type());
      for (var legacy : LEGACY.entrySet()) {
        if (allowed.contains(legacy.getValue())) {
          int changed =
              NativeSql.update(
                  em,
                  "UPDATE "
                      + c.table()
                      + " SET "
                      + c.column()
                      + " = ?1 WHERE lower("
                      + c.column()
                      + ") = ?2",
                  legacy.getValue(),
                  legacy.getKey());
          if (changed > 0) {
            fixes.add(
                c.table()
                    + "."
                    + c.column()
                    + ": "
                    + changed
                    + " × "
                    + legacy.getKey()
                    + " → "
                    + legacy.getValue());
          }
        }
      }
      int lowered =
          NativeSql.update(
              em,
              "UPDATE "
                  + c.table()
                  + " SET "
                  + c.column()
                  + " = lower("
                  + c.column()
                  + ") WHERE "
                  + c.column()
                  + " <> lower("
                  + c.column()
                  + ") AND lower("
                  + c.column()
                  + ") IN ("
                  + quoted(allowed)
                  + ")");
      if (lowered > 0) {
        fixes.add(c.table() + "." + c.column() + ": " + lowered + " value(s) lower-cased");
      }
    }
    em.flush();
    em.clear();
    return fixes;
  }

  private Result checkEnum(EnumColumn c) {
    return rows(
        "enums",
        c.table() + "." + c.column(),
        Severity.FAIL,
        "SELECT COUNT(*) FROM " + c.table(),
        "SELECT id, "
            + c.column()
            + " FROM "
            + c.table()
            + " WHERE "
            + c.column()
            + " NOT IN ("
            + quoted(names(c.type()))
            + ")",
        c.table() + " %s has invalid " + c.column() + " '%s'");
  }

  private Result checkReference(Reference r) {
    return rows(
        "foreign-keys",
        r.table() + "." + r.column() + " → " + r.parent(),
        Severity.FAIL,
        "SELECT COUNT(*) FROM " + r.table(),
        "SELECT c.id, c."
            + r.column()
            + " FROM "
            + r.table()
            + " c LEFT JOIN "
            + r.parent()
            + " p ON p.id = c."
            + r.column()
            + " WHERE c."
            + r.column()
            + " IS NOT NULL AND p.id IS NULL",
        r.table() + " %s points to missing " + r.parent() + " %s");
  }

  private Result staleAgents() {
    return rows(
        "data-quality",
        "agents seen in the last 30 days",
        Severity.WARN,
        "SELECT COUNT(*) FROM agent",
        "SELECT agent_id FROM agent WHERE last_seen < '"
            + InstantColumn.write(clock.instant().minus(Duration.ofDays(30)))
            + "'",
        "agent %s not seen for 30 days");
  }

  private Result forgottenTasks() {
    return rows(
        "data-quality",
        "tasks picked up within 7 days",
        Severity.WARN,
        "SELECT COUNT(*) FROM task",
        "SELECT id FROM task WHERE status = 'created' AND created_at < '"
            + InstantColumn.write(clock.instant().minus(Duration.ofDays(7)))
            + "'",
        "task %s still created after 7 days");
  }

  private Result rows(
      String category,
      String check,
      Severity severity,
      String countSql,
      String issueSql,
      String issueFormat) {
    long checked = NativeSql.number(em, countSql);
    List<String> issues = new ArrayList<>();
    for (Object row : em.createNativeQuery(issueSql).getResultList()) {
      Object[] cells = row instanceof Object[] array ? array : new Object[] {row};
      issues.add(String.format(issueFormat, cells));
    }
    return new Result(category, check, severity, checked, issues);
  }

  private AdminReport report(
      Instant started, List<Result> results, List<String> fixes, boolean verbose) {
    TextTable table =
        TextTable.of(
            "category", "Category", "check", "Check", "checked", "Rows", "result", "Result");
    List<String> failures = new ArrayList<>();
    List<String> warnings = new ArrayList<>();
    JsonArrayBuilder issues = JSON.createArrayBuilder();
    for (Result r : results) {
      String verdict =
          r.passed()
              ? "PASS"
              : (r.severity() == Severity.FAIL ? "FAIL" : "WARN") + " (" + r.issues().size() + ")";
      table.row(r.category(), r.check(), r.checked(), verdict);
      for (String issue : r.issues()) {
        (r.severity() == Severity.FAIL ? failures : warnings).add(issue);
        issues.add(
            JSON.createObjectBuilder()
                .add("category", r.category())
                .add("check", r.check())
                .add("severity", r.severity().name().toLowerCase(Locale.ROOT))
                .add("message", issue));
      }
    }
    long passed = results.stream().filter(Result::passed).count();
    StringBuilder text = new StringBuilder();
    text.append("Headless PM sanity check, started ")
        .append(TextTable.dayMinute(started, ""))
        .append(" UTC\n");
    fixes.forEach(f -> text.append("Fixed ").append(f).append('\n'));
    text.append(table.render());
    text.append("Total checks: ").append(results.size()).append('\n');
    text.append("Passed: ").append(passed).append('\n');
    text.append("Failures: ").append(failures.size()).append('\n');
    text.append("Warnings: ").append(warnings.size()).append('\n');
    text.append(
        String.format(
            Locale.ROOT,
            "Success rate: %.1f%%%n",
            results.isEmpty() ? 100.0 : 100.0 * passed / results.size()));
    List<String> all = new ArrayList<>(failures);
    all.addAll(warnings);
    int shown = verbose ? all.size() : Math.min(10, all.size());
    all.subList(0, shown).forEach(issue -> text.append("  - ").append(issue).append('\n'));
    if (all.size() > shown) {
      text.append("  ... and ").append(all.size() - shown).append(" more\n");
    }
    text.append(
        failures.isEmpty()
            ? "All checks passed! Database is healthy.\n"
            : failures.size() + " issue(s) detected.\n");
    return new AdminReport(
        failures.isEmpty() ? 0 : 1,
        text.toString(),
        JSON.createObjectBuilder()
            .add("checks", table.json())
            .add("total", results.size())
            .add("passed", passed)
            .add("failures", failures.size())
            .add("warnings", warnings.size())
            .add("issues", issues)
            .add("fixed", JSON.createArrayBuilder(fixes))
            .build());
  }

  private static Set<String> names(Class<? extends Enum<?>> type) {
    return Arrays.stream(type.getEnumConstants())
        .map(Enum::name)
        .collect(Collectors.toCollection(LinkedHashSet::new));
  }

  private static String quoted(Set<String> values) {
    return values.stream().map(v -> "'" + v + "'").collect(Collectors.joining(", "));
  }
}
