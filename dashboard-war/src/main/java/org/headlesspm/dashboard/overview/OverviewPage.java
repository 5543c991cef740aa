package org.headlesspm.dashboard.overview;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.headlesspm.api.ChangelogResponse;
import org.headlesspm.api.DocumentResponse;
import org.headlesspm.api.EpicResponse;
import org.headlesspm.api.ServiceStatus;
import org.headlesspm.api.TaskResponse;
import org.headlesspm.api.TaskStatus;
import org.headlesspm.dashboard.backend.Backend;
import org.headlesspm.dashboard.web.Charts;
import org.headlesspm.dashboard.web.CurrentProject;
import org.headlesspm.dashboard.web.Format;
import org.headlesspm.dashboard.web.Page;
import org.headlesspm.dashboard.web.Presence;
import org.headlesspm.dashboard.web.ProjectData;

/** Overview {@code /}: one-glance state of the selected project (DASHBOARD.md 3.1). */
@Named
@RequestScoped
public class OverviewPage {

  /** A line of Recent Activity: a status change or a new document, with where it links to. */
  public record Activity(Instant at, String text, String href, String kind) {}

  static final Duration STALE_LOCK = Duration.ofHours(4);

  @Inject Backend backend;
  @Inject CurrentProject current;
  @Inject ProjectData data;
  @Inject Page page;

  private List<Activity> activity = List.of();
  private List<TaskResponse> staleLocks = List.of();

  @PostConstruct
  void load() {
    if (!current.isSelected()) {
      return;
    }
    long project = current.getId();
    Map<Long, TaskResponse> byId =
        data.tasks().stream().collect(Collectors.toMap(TaskResponse::id, Function.identity()));
    List<Activity> events = new ArrayList<>();
    for (ChangelogResponse change :
        backend.read(api -> api.changelog(20, project, null), List.<ChangelogResponse>of())) {
      TaskResponse task = byId.get(change.taskId());
      String title = task == null ? "" : " " + task.title();
      String text =
          Format.isCreation(change)
              ? "#" + change.taskId() + title + " — created by " + change.changedBy()
              : "#"
                  + change.taskId()
                  + title
                  + " — "
                  + change.oldStatus()
                  + " → "
                  + change.newStatus()
                  + " by "
                  + change.changedBy();
      events.add(new Activity(change.changedAt(), text, "/tasks/" + change.taskId(), "task"));
    }
    for (DocumentResponse doc :
        backend.read(
            api -> api.listDocuments(project, null, null, 10), List.<DocumentResponse>of())) {
      events.add(
          new Activity(
              doc.createdAt(),
              "New " + doc.docType() + ": " + doc.title() + " by " + doc.authorId(),
              "/documents/" + doc.id(),
              "document"));
    }
    events.sort(
        Comparator.comparing(Activity::at, Comparator.nullsLast(Comparator.reverseOrder())));
    activity = events.stream().limit(10).toList();
    Instant now = Instant.now();
    staleLocks =
        data.tasks().stream()
            .filter(t -> t.lockedBy() != null && t.lockedAt() != null)
            .filter(t -> t.lockedAt().plus(STALE_LOCK).isBefore(now))
            .filter(t -> t.updatedAt() == null || t.updatedAt().plus(STALE_LOCK).isBefore(now))
            .toList();
  }

  public int getTotalTasks() {
    return data.tasks().size();
  }

  public long getInProgress() {
    return data.tasks().stream().filter(t -> t.status().isInProgress()).count();
  }

  public long getCompleted() {
    return data.tasks().stream().filter(t -> t.status() == TaskStatus.committed).count();
  }

  public String getActiveAgents() {
    Instant now = Instant.now();
    long online =
        data.agents().stream()
            .filter(a -> Presence.of(a.lastSeen(), now) == Presence.ONLINE)
            .count();
    return online + "/" + data.agents().size();
  }

  public String getServicesUp() {
    long up = data.services().stream().filter(s -> s.status() == ServiceStatus.up).count();
    return up + "/" + data.services().size();
  }

  public List<EpicResponse> getEpics() {
    return data.epics();
  }

  public List<Activity> getActivity() {
    return activity;
  }

  public long getServicesDown() {
    return data.services().stream().filter(s -> s.status() == ServiceStatus.down).count();
  }

  public List<TaskResponse> getStaleLocks() {
    return staleLocks;
  }

  public boolean isAttentionNeeded() {
    return getServicesDown() > 0 || !staleLocks.isEmpty() || page.getUnreadMentions() > 0;
  }

  public long count(TaskStatus column) {
    return Charts.countByColumn(data.tasks()).get(column);
  }

  public String getStatusChart() {
    return Charts.statusBar(data.tasks());
  }

  /** Number colour of an epic's percentage (DASHBOARD.md 3.1). */
  public String progressClass(EpicResponse epic) {
    long pct =
        epic.taskCount() == 0
            ? 0
            : Math.round(100.0 * epic.completedTaskCount() / epic.taskCount());
    return pct == 100
        ? "status-committed"
        : pct > 75 ? "status-under_work" : pct > 50 ? "level-senior" : "";
  }
}
