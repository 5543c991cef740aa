package org.headlesspm.dashboard.analytics;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.headlesspm.api.ChangelogResponse;
import org.headlesspm.api.DocumentResponse;
import org.headlesspm.api.EpicResponse;
import org.headlesspm.api.TaskComplexity;
import org.headlesspm.dashboard.backend.Backend;
import org.headlesspm.dashboard.web.Charts;
import org.headlesspm.dashboard.web.Charts.Point;
import org.headlesspm.dashboard.web.CurrentProject;
import org.headlesspm.dashboard.web.ProjectData;

/** Analytics {@code /analytics}: project metrics from real data (DASHBOARD.md 3.6, 4). */
@Named
@RequestScoped
public class AnalyticsPage {

  @Inject Backend backend;
  @Inject CurrentProject current;
  @Inject ProjectData data;
  @Inject HttpServletRequest request;

  private Metrics metrics;
  private List<DocumentResponse> documents = List.of();

  @PostConstruct
  void load() {
    List<ChangelogResponse> changelog =
        current.isSelected()
            ? backend.read(
                api -> api.changelog(5000, current.getId(), null), List.<ChangelogResponse>of())
            : List.of();
    metrics = new Metrics(data.tasks(), changelog, Instant.now(), getDays());
    if (current.isSelected()) {
      documents =
          backend.read(api -> api.listDocuments(current.getId(), null, null, 1000), List.of());
    }
  }

  public String getRange() {
    String range = request.getParameter("range");
    return range != null && List.of("7d", "30d", "90d").contains(range) ? range : "7d";
  }

  public int getDays() {
    return Integer.parseInt(getRange().replace("d", ""));
  }

  public Metrics getMetrics() {
    return metrics;
  }

  public String getAveragePerAgent() {
    int agents = data.agents().size();
    return agents == 0
        ? "0.0"
        : String.format(java.util.Locale.ROOT, "%.1f", (double) data.tasks().size() / agents);
  }

  public int getAgentCount() {
    return data.agents().size();
  }

  public long getDocumentsInRange() {
    Instant since = Instant.now().minus(Duration.ofDays(getDays()));
    return documents.stream()
        .filter(d -> d.createdAt() != null && d.createdAt().isAfter(since))
        .count();
  }

  public long getNewTasksInRange() {
    Instant since = Instant.now().minus(Duration.ofDays(getDays()));
    return data.tasks().stream()
        .filter(t -> t.createdAt() != null && t.createdAt().isAfter(since))
        .count();
  }

  public String getDailyChart() {
    return Charts.columns(
        "Tasks committed per day", metrics.getDailyCommitted(), "status-committed");
  }

  public String getAgentChart() {
    return Charts.bars("Status changes per agent", metrics.getAgentActivity(), "status-under_work");
  }

  public String getStatusChart() {
    return Charts.statusBar(data.tasks());
  }

  public String getBestDay() {
    return metrics.getDailyCommitted().stream()
        .filter(p -> p.value() > 0)
        .max(java.util.Comparator.comparingLong(Point::value))
        .map(p -> p.label() + " (" + p.value() + ")")
        .orElse("—");
  }

  public String getAveragePerDay() {
    return String.format(java.util.Locale.ROOT, "%.2f", (double) metrics.getVelocity() / getDays());
  }

  public long count(String complexity) {
    return data.tasks().stream()
        .filter(t -> t.complexity() == TaskComplexity.parse(complexity))
        .count();
  }

  public List<EpicResponse> getEpics() {
    return data.epics();
  }

  public long statusCount(Object status) {
    return Charts.countByColumn(data.tasks())
        .get(org.headlesspm.api.TaskStatus.parse(status.toString()));
  }
}
