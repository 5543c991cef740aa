package org.headlesspm.dashboard.tasks;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.headlesspm.api.AgentAvailabilityResponse;
import org.headlesspm.api.AgentResponse;
import org.headlesspm.api.AgentRole;
import org.headlesspm.api.AgentStatus;
import org.headlesspm.api.ApiError;
import org.headlesspm.api.ChangelogResponse;
import org.headlesspm.api.EpicResponse;
import org.headlesspm.api.FeatureResponse;
import org.headlesspm.api.TaskComment;
import org.headlesspm.api.TaskResponse;
import org.headlesspm.api.TaskStatus;
import org.headlesspm.api.TaskTimeTrackingResponse;
import org.headlesspm.api.TimeEntryCreate;
import org.headlesspm.dashboard.backend.Backend;
import org.headlesspm.dashboard.web.Forms;
import org.headlesspm.dashboard.web.Preferences;

/**
 * Task detail {@code /tasks/{id}}: facts, Markdown description, comments from the notes, history,
 * time entries, and the actions comment, move, assign and log time (DASHBOARD.md 3.3.5, 3.3.6).
 */
@Named
@RequestScoped
public class TaskPage {

  /** A block of the notes: a comment by an agent ("agent_id: text") or a plain note. */
  public record Comment(String author, String text) {}

  private static final Pattern COMMENT =
      Pattern.compile("^([A-Za-z0-9_.\\-]{1,100}):\\s?(.*)$", Pattern.DOTALL);
  private static final Pattern MENTION = Pattern.compile("@([A-Za-z0-9_\\-]+)");

  @Inject Backend backend;
  @Inject Preferences preferences;
  @Inject HttpServletRequest request;

  private TaskResponse task;
  private boolean notFound;
  private List<ChangelogResponse> history = List.of();
  private EpicResponse epic;
  private FeatureResponse feature;

  private String comment;
  private String assignee;
  private String timeInput;
  private String timeDescription;

  @PostConstruct
  void load() {
    String id = org.headlesspm.dashboard.web.DeepLinkFilter.id(request);
    if (id == null || !id.matches("\\d{1,18}")) {
      notFound = true;
      return;
    }
    long taskId = Long.parseLong(id);
    try {
      task = backend.api().getTask(taskId);
    } catch (ApiError error) {
      notFound = error.status() == 404;
      if (!notFound) {
        backend.read(api -> api.getTask(taskId), null);
      }
      return;
    } catch (RuntimeException unreachable) {
      backend.read(api -> api.getTask(taskId), null);
      return;
    }
    history =
        backend.read(api -> api.changelog(500, null, taskId), List.<ChangelogResponse>of()).stream()
            .sorted(
                Comparator.comparing(
                        ChangelogResponse::changedAt,
                        Comparator.nullsFirst(Comparator.naturalOrder()))
                    .thenComparing(ChangelogResponse::id))
            .toList();
    epic = backend.read(api -> api.getEpic(task.epicId()), null);
    feature =
        backend.read(api -> api.listFeatures(task.epicId()), List.<FeatureResponse>of()).stream()
            .filter(f -> f.id() == task.featureId())
            .findFirst()
            .orElse(null);
  }

  public TaskResponse getTask() {
    return task;
  }

  public boolean isNotFound() {
    return notFound;
  }

  public List<ChangelogResponse> getHistory() {
    return history;
  }

  public EpicResponse getEpic() {
    return epic;
  }

  public FeatureResponse getFeature() {
    return feature;
  }

  public List<Comment> getComments() {
    List<Comment> comments = new ArrayList<>();
    if (task == null || task.notes() == null || task.notes().isBlank()) {
      return comments;
    }
    for (String block : task.notes().split("\\r?\\n\\s*\\r?\\n")) {
      if (block.isBlank()) {
        continue;
      }
      Matcher matcher = COMMENT.matcher(block.strip());
      comments.add(
          matcher.matches()
              ? new Comment(matcher.group(1), matcher.group(2))
              : new Comment(null, block.strip()));
    }
    return comments;
  }

  /** A comment's text as HTML: escaped, with @handles linking to the agent. */
  public String commentHtml(String text) {
    String escaped =
        text.replace("&", "&amp;")
            .replace("<", "&lt;")
            .replace(">", "&gt;")
            .replace("\"", "&quot;");
    return MENTION
        .matcher(escaped)
        .replaceAll(
            m ->
                "<a class=\"mention\" href=\""
                    + request.getContextPath()
                    + "/agents/"
                    + m.group(1)
                    + "\">@"
                    + m.group(1)
                    + "</a>")
        .replace("\n", "<br/>");
  }

  /** Time in the current status, total age, and lead time once committed. */
  public String getTimeInStatus() {
    if (history.isEmpty()) {
      return "—";
    }
    return human(Duration.between(history.get(history.size() - 1).changedAt(), Instant.now()));
  }

  public String getAge() {
    return task == null || task.createdAt() == null
        ? "—"
        : human(Duration.between(task.createdAt(), Instant.now()));
  }

  public String getLeadTime() {
    return history.stream()
        .filter(c -> c.newStatus() == TaskStatus.committed && c.oldStatus() != null)
        .findFirst()
        .map(c -> human(Duration.between(task.createdAt(), c.changedAt())))
        .orElse("—");
  }

  static String human(Duration duration) {
    long minutes = Math.max(0, duration.toMinutes());
    if (minutes < 60) {
      return minutes + " min";
    }
    if (minutes < 48 * 60) {
      return (minutes / 60) + " h " + (minutes % 60) + " min";
    }
    return (minutes / 1440) + " d " + (minutes % 1440 / 60) + " h";
  }

  public TaskTimeTrackingResponse getTime() {
    return task == null ? null : backend.read(api -> api.listTimeEntries(task.id()), null);
  }

  // --- Assign ---------------------------------------------------------------------------------

  public boolean isShowAllRoles() {
    return request.getParameter("allRoles") != null;
  }

  /** Idle agents that may take the task: of its role unless "Show all roles"; never ui_admin. */
  public List<AgentAvailabilityResponse> getAssignable() {
    if (task == null) {
      return List.of();
    }
    List<AgentResponse> agents =
        backend.read(api -> api.listAgents(task.projectId()), List.<AgentResponse>of());
    List<AgentAvailabilityResponse> availability =
        backend.read(
            api -> api.listAvailability(task.projectId(), null),
            List.<AgentAvailabilityResponse>of());
    return availability.stream()
        .filter(a -> a.isAvailable() && a.status() == AgentStatus.idle && a.currentTaskId() == null)
        .filter(
            a ->
                agents.stream()
                    .anyMatch(
                        ag ->
                            ag.agentId().equals(a.agentId())
                                && ag.role() != AgentRole.ui_admin
                                && (isShowAllRoles() || ag.role() == task.targetRole())))
        .toList();
  }

  public boolean isAssignAllowed() {
    return task != null && task.lockedBy() == null && task.status().isLockable();
  }

  public void assign() {
    try {
      backend.api().assignTask(task.id(), assignee, preferences.getActor());
      Forms.redirect("/tasks/" + task.id() + "?assigned=" + assignee);
    } catch (RuntimeException failure) {
      Forms.error("assign-form", Backend.describe(failure));
    }
  }

  // --- Comment and time -----------------------------------------------------------------------

  public void addComment() {
    String text = comment == null ? "" : comment.strip();
    if (text.isEmpty()) {
      Forms.error("c-text", "A comment cannot be empty");
      return;
    }
    if (text.length() > 10_000) {
      Forms.error("c-text", "A comment has at most 10 000 characters");
      return;
    }
    try {
      backend.api().commentOnTask(task.id(), preferences.getActor(), new TaskComment(text));
      Forms.redirect("/tasks/" + task.id() + "?commented=1#comments");
    } catch (RuntimeException failure) {
      Forms.error("comment-form", Backend.describe(failure));
    }
  }

  public void addTime() {
    try {
      backend
          .api()
          .addTimeEntry(
              task.id(),
              preferences.getActor(),
              new TimeEntryCreate(timeInput.strip(), Forms.orNull(timeDescription)));
      Forms.redirect("/tasks/" + task.id() + "#time");
    } catch (RuntimeException failure) {
      Forms.error("time-form", Backend.describe(failure));
    }
  }

  public String getBackUrl() {
    return task == null ? "/tasks" : "/tasks/" + task.id();
  }

  public TaskStatus[] getStatuses() {
    return TaskStatus.values();
  }

  public String getComment() {
    return comment;
  }

  public void setComment(String comment) {
    this.comment = comment;
  }

  public String getAssignee() {
    return assignee;
  }

  public void setAssignee(String assignee) {
    this.assignee = assignee;
  }

  public String getTimeInput() {
    return timeInput;
  }

  public void setTimeInput(String timeInput) {
    this.timeInput = timeInput;
  }

  public String getTimeDescription() {
    return timeDescription;
  }

  public void setTimeDescription(String timeDescription) {
    this.timeDescription = timeDescription;
  }

  public String getId() {
    return org.headlesspm.dashboard.web.DeepLinkFilter.id(request);
  }
}
