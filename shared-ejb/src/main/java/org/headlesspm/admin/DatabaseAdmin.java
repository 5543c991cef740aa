package org.headlesspm.admin;

import static org.headlesspm.api.JsonFactory.JSON;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObjectBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.headlesspm.agent.DashboardIdentity;
import org.headlesspm.api.ApiError;
import org.headlesspm.api.ServiceStatus;
import org.headlesspm.api.TaskStatus;
import org.headlesspm.config.HeadlessPmConfig;
import org.headlesspm.operations.DefaultData;
import org.headlesspm.project.ProjectService;
import org.headlesspm.storage.InstantColumn;
import org.headlesspm.storage.NativeSql;
import org.headlesspm.storage.Writes;

/** The reference's {@code init}, {@code reset} and {@code status} commands (OPERATIONS.md 5.3). */
@ApplicationScoped
@Transactional
public class DatabaseAdmin {

  /** Children before parents, so foreign keys hold at every step. */
  private static final List<String> TABLES =
      List.of(
          "mention",
          "timeentry",
          "taskevaluation",
          "changelog",
          "task",
          "feature",
          "epic",
          "document",
          "service",
          "agent",
          "project");

  /** Statuses older databases may still hold; shown only when present. */
  private static final List<String> LEGACY_STATUSES = List.of("evaluation", "approved");

  @PersistenceContext EntityManager em;
  @Inject Clock clock;
  @Inject HeadlessPmConfig config;
  @Inject DefaultData defaults;
  @Inject ProjectService projects;

  /** Ensures the default project, its folders and every project's dashboard user. */
  @Writes
  public AdminReport init() {
    boolean hadProject = projects.findByName(ProjectService.DEFAULT_PROJECT_NAME).isPresent();
    boolean hadDashboardUser = dashboardUsers() > 0;
    defaults.ensure();
    StringBuilder text = new StringBuilder();
    text.append("✓ ")
        .append(
            hadProject
                ? "Default Headless-PM project already exists"
                : "Created default Headless-PM project")
        .append('\n');
    text.append("✓ ")
        .append(hadDashboardUser ? "Dashboard user already exists" : "Created dashboard user")
        .append('\n');
    text.append("Database initialized successfully\n");
    return AdminReport.ok(
        text.toString(),
        JSON.createObjectBuilder()
            .add("default_project_created", !hadProject)
            .add("dashboard_user_created", !hadDashboardUser)
            .build());
  }

  /**
   * Deletes every row but keeps the schema and its migration history, then runs {@link #init()}.
   * Files under {@code projects/} stay.
   */
  @Writes
  public AdminReport reset(String confirmation) {
    if (!"DELETE".equals(confirmation)) {
      throw ApiError.badRequest("Reset deletes ALL data: repeat the request with confirm=DELETE");
    }
    if (config.isProduction() && !config.adminResetAllowed()) {
      throw ApiError.forbidden(
          "Reset is disabled when ENVIRONMENT=production (set headless-pm.admin.allow-reset=true)");
    }
    NativeSql.update(em, "UPDATE agent SET current_task_id = NULL");
    JsonObjectBuilder deleted = JSON.createObjectBuilder();
    for (String table : TABLES) {
      deleted.add(table, NativeSql.update(em, "DELETE FROM " + table));
    }
    em.flush();
    em.clear();
    AdminReport init = init();
    return AdminReport.ok(
        "Database reset successfully\n" + init.text(),
        JSON.createObjectBuilder().add("deleted", deleted).add("init", init.data()).build());
  }

  /** Counts of agents, services up, today's documents and tasks per status. */
  public AdminReport status() {
    Instant midnight = clock.instant().truncatedTo(ChronoUnit.DAYS);
    long agents = NativeSql.number(em, "SELECT COUNT(*) FROM agent");
    long servicesUp =
        NativeSql.number(
            em, "SELECT COUNT(*) FROM service WHERE status = ?1", ServiceStatus.up.name());
    long documentsToday =
        NativeSql.number(
            em,
            "SELECT COUNT(*) FROM document WHERE created_at >= ?1",
            InstantColumn.write(midnight));
    Map<String, Long> byStatus = new LinkedHashMap<>();
    for (TaskStatus status : TaskStatus.values()) {
      byStatus.put(status.name(), countTasks(status.name()));
    }
    for (String legacy : LEGACY_STATUSES) {
      long count = countTasks(legacy);
      if (count > 0) {
        byStatus.put(legacy, count);
      }
    }
    StringBuilder text = new StringBuilder("Headless PM Status\n");
    text.append("=".repeat(50)).append('\n');
    text.append("Registered Agents: ").append(agents).append('\n');
    text.append("Active Services: ").append(servicesUp).append('\n');
    text.append("Documents Today: ")
        .append(documentsToday)
        .append(" (since ")
        .append(midnight.atOffset(ZoneOffset.UTC).toLocalDate())
        .append(" 00:00 UTC)\n");
    text.append("\nTask Breakdown:\n");
    JsonObjectBuilder tasks = JSON.createObjectBuilder();
    byStatus.forEach(
        (status, count) -> {
          text.append("  ").append(TextTable.titleCase(status)).append(": ").append(count);
          text.append('\n');
          tasks.add(status, count);
        });
    return AdminReport.ok(
        text.toString(),
        JSON.createObjectBuilder()
            .add("agents", agents)
            .add("services_up", servicesUp)
            .add("documents_today", documentsToday)
            .add("documents_since", InstantColumn.write(midnight))
            .add("tasks", tasks)
            .build());
  }

  private long countTasks(String status) {
    return NativeSql.number(em, "SELECT COUNT(*) FROM task WHERE status = ?1", status);
  }

  private long dashboardUsers() {
    return NativeSql.number(
        em, "SELECT COUNT(*) FROM agent WHERE agent_id = ?1", DashboardIdentity.HANDLE);
  }
}
