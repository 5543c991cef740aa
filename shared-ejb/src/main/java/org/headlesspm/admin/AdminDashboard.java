package org.headlesspm.admin;

import static org.headlesspm.api.JsonFactory.JSON;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObjectBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.headlesspm.agent.Agent;
import org.headlesspm.api.ServiceStatus;
import org.headlesspm.api.TaskStatus;
import org.headlesspm.document.Document;
import org.headlesspm.planning.Epic;
import org.headlesspm.registry.RegisteredService;
import org.headlesspm.task.Changelog;
import org.headlesspm.task.Task;

/**
 * One frame of the reference's terminal dashboard (OPERATIONS.md 5.1): task overview, agents,
 * epics, services, recent activity and a footer. The calling script redraws it every 2 seconds.
 */
@ApplicationScoped
@Transactional
public class AdminDashboard {

  private static final Map<TaskStatus, String> DISPLAY =
      Map.of(
          TaskStatus.created, "Ready for Pickup",
          TaskStatus.under_work, "In Progress",
          TaskStatus.documentation_done, "Docs Done");

  @PersistenceContext EntityManager em;
  @Inject Clock clock;

  public AdminReport snapshot() {
    Instant now = clock.instant();
    StringBuilder text = new StringBuilder();
    text.append("Headless PM Dashboard — ").append(TextTable.dayMinute(now, "")).append(" UTC\n\n");
    JsonObjectBuilder data = JSON.createObjectBuilder().add("generated_at", now.toString());

    List<Task> tasks =
        em.createQuery("SELECT t FROM Task t ORDER BY t.updatedAt DESC, t.id DESC", Task.class)
            .getResultList();
    List<Agent> agents =
        em.createQuery("SELECT a FROM Agent a ORDER BY a.lastSeen DESC, a.id DESC", Agent.class)
            .getResultList();
    Map<Long, String> handles = new HashMap<>();
    agents.forEach(a -> handles.put(a.getId(), a.getAgentId()));

    TextTable overview =
        TextTable.of("status", "Status", "count", "Count", "latest", "Latest", "who", "Who");
    for (TaskStatus status : TaskStatus.values()) {
      List<Task> inStatus = tasks.stream().filter(t -> t.getStatus() == status).toList();
      Task latest = inStatus.isEmpty() ? null : inStatus.get(0);
      overview.row(
          DISPLAY.getOrDefault(status, TextTable.titleCase(status.name())),
          (long) inStatus.size(),
          latest == null ? "-" : TextTable.truncate(latest.getTitle(), 30),
          latest == null
              ? "-"
              : latest.getLockedById() != null
                  ? handles.getOrDefault(latest.getLockedById(), "-")
                  : latest.getTargetRole().name());
    }
    text.append("TASKS\n").append(overview.render()).append('\n');
    data.add("tasks", overview.json());

    TextTable agentPanel =
        TextTable.of(
            "agent_id",
            "Agent",
            "role",
            "Role",
            "activity",
            "Activity",
            "connection",
            "Connection",
            "locked_tasks",
            "Locked tasks");
    for (Agent a : agents.subList(0, Math.min(10, agents.size()))) {
      Duration idle = Duration.between(a.getLastSeen(), now);
      String activity =
          idle.compareTo(Duration.ofMinutes(5)) < 0
              ? "Active"
              : idle.compareTo(Duration.ofMinutes(30)) < 0 ? "Recent" : "Idle";
      long locked =
          tasks.stream()
              .filter(
                  t -> a.getId().equals(t.getLockedById()) && t.getStatus() != TaskStatus.committed)
              .count();
      agentPanel.row(
          a.getAgentId(), a.getRole().name(), activity, a.getConnectionType().name(), locked);
    }
    text.append("AGENTS\n")
        .append(agentPanel.isEmpty() ? "No agents registered\n" : agentPanel.render())
        .append('\n');
    data.add("agents", agentPanel.json());

    TextTable epicPanel =
        TextTable.of("epic", "Epic", "features", "Features", "progress", "Progress");
    for (Epic e :
        em.createQuery("SELECT e FROM Epic e ORDER BY e.createdAt DESC, e.id DESC", Epic.class)
            .setMaxResults(6)
            .getResultList()) {
      long features =
          em.createQuery("SELECT COUNT(f) FROM Feature f WHERE f.epicId = :e", Long.class)
              .setParameter("e", e.getId())
              .getSingleResult();
      List<TaskStatus> statuses =
          em.createQuery(
                  "SELECT t.status FROM Task t, Feature f WHERE t.featureId = f.id AND f.epicId = :e",
                  TaskStatus.class)
              .setParameter("e", e.getId())
              .getResultList();
      long done = statuses.stream().filter(s -> s == TaskStatus.committed).count();
      int cells = statuses.isEmpty() ? 0 : (int) (10 * done / statuses.size());
      epicPanel.row(
          TextTable.truncate(e.getName(), 30),
          features,
          "█".repeat(cells) + "░".repeat(10 - cells) + " " + done + "/" + statuses.size());
    }
    text.append("EPICS\n")
        .append(epicPanel.isEmpty() ? "No epics\n" : epicPanel.render())
        .append('\n');
    data.add("epics", epicPanel.json());

    TextTable servicePanel =
        TextTable.of("service", "Service", "status", "Status", "health", "Health");
    List<RegisteredService> services =
        em.createQuery(
                "SELECT s FROM Service s ORDER BY s.updatedAt DESC, s.id DESC",
                RegisteredService.class)
            .getResultList();
    for (RegisteredService s : services.subList(0, Math.min(8, services.size()))) {
      String health =
          s.getLastPingAt() == null
              ? "Never"
              : Duration.between(s.getLastPingAt(), now).compareTo(Duration.ofMinutes(2)) < 0
                  ? (Boolean.TRUE.equals(s.getLastPingSuccess()) ? "Healthy" : "Failed")
                  : "Stale";
      servicePanel.row(
          s.getServiceName(),
          (s.getStatus() == ServiceStatus.up ? "● " : "○ ") + s.getStatus(),
          health);
    }
    text.append("SERVICES\n")
        .append(servicePanel.isEmpty() ? "No services registered\n" : servicePanel.render())
        .append('\n');
    data.add("services", servicePanel.json());

    record Activity(Instant at, String what) {}
    List<Activity> activity = new ArrayList<>();
    em.createQuery("SELECT d FROM Document d ORDER BY d.createdAt DESC, d.id DESC", Document.class)
        .setMaxResults(5)
        .getResultList()
        .forEach(
            d ->
                activity.add(
                    new Activity(
                        d.getCreatedAt(),
                        d.getAuthorId()
                            + " posted "
                            + d.getDocType()
                            + ": "
                            + TextTable.truncate(d.getTitle(), 40))));
    em.createQuery(
            "SELECT c FROM Changelog c ORDER BY c.changedAt DESC, c.id DESC", Changelog.class)
        .setMaxResults(5)
        .getResultList()
        .forEach(
            c ->
                activity.add(
                    new Activity(
                        c.getChangedAt(),
                        c.getOldStatus() == c.getNewStatus()
                            ? c.getChangedBy() + " created task " + c.getTaskId()
                            : c.getChangedBy()
                                + " moved task "
                                + c.getTaskId()
                                + " "
                                + c.getOldStatus()
                                + " → "
                                + c.getNewStatus())));
    activity.sort(Comparator.comparing(Activity::at).reversed());
    TextTable activityPanel = TextTable.of("at", "When", "what", "What");
    activity.stream()
        .limit(10)
        .forEach(a -> activityPanel.row(TextTable.monthMinute(a.at()), a.what()));
    text.append("ACTIVITY\n")
        .append(activityPanel.isEmpty() ? "No activity yet\n" : activityPanel.render())
        .append('\n');
    data.add("activity", activityPanel.json());

    long seenLastHour =
        agents.stream()
            .filter(a -> Duration.between(a.getLastSeen(), now).compareTo(Duration.ofHours(1)) < 0)
            .count();
    long up = services.stream().filter(s -> s.getStatus() == ServiceStatus.up).count();
    text.append("Total tasks: ")
        .append(tasks.size())
        .append(" | Agents seen in the last hour: ")
        .append(seenLastHour)
        .append(" | Services up: ")
        .append(up)
        .append('\n');
    data.add("total_tasks", tasks.size())
        .add("agents_last_hour", seenLastHour)
        .add("services_up", up);
    return AdminReport.ok(text.toString(), data.build());
  }
}
