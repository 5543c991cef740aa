package org.headlesspm.dashboard.tasks;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.model.SelectItem;
import jakarta.faces.model.SelectItemGroup;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.headlesspm.api.AgentResponse;
import org.headlesspm.api.AgentRole;
import org.headlesspm.api.ChangelogResponse;
import org.headlesspm.api.DifficultyLevel;
import org.headlesspm.api.EpicCreate;
import org.headlesspm.api.EpicResponse;
import org.headlesspm.api.FeatureCreate;
import org.headlesspm.api.FeatureResponse;
import org.headlesspm.api.TaskComplexity;
import org.headlesspm.api.TaskCreate;
import org.headlesspm.api.TaskResponse;
import org.headlesspm.api.TaskStatus;
import org.headlesspm.api.TaskType;
import org.headlesspm.dashboard.analytics.Metrics;
import org.headlesspm.dashboard.backend.Backend;
import org.headlesspm.dashboard.web.Board;
import org.headlesspm.dashboard.web.Charts;
import org.headlesspm.dashboard.web.CurrentProject;
import org.headlesspm.dashboard.web.Forms;
import org.headlesspm.dashboard.web.Preferences;
import org.headlesspm.dashboard.web.ProjectData;

/**
 * Tasks {@code /tasks}: the Kanban board, the timeline and the task analytics of the selected
 * project with filters in the URL, plus the create dialogs for epics, features and tasks
 * (DASHBOARD.md 3.3).
 */
@Named
@RequestScoped
public class TasksPage {

  /** A board column: its status, its (filtered, sorted) cards. */
  public record Column(TaskStatus status, List<TaskResponse> tasks) {}

  @Inject Backend backend;
  @Inject CurrentProject current;
  @Inject ProjectData data;
  @Inject Preferences preferences;
  @Inject HttpServletRequest request;

  private TaskFilter filter;
  private List<TaskResponse> visible = List.of();
  private Map<Long, EpicResponse> epics = new LinkedHashMap<>();
  private Map<Long, List<FeatureResponse>> features = new LinkedHashMap<>();
  private List<ChangelogResponse> changelog;

  // New task form
  private String title;
  private String description;
  private String epicId;
  private String featureId;
  private String role;
  private String difficulty;
  private String complexity;
  private String branch;
  private String taskType;
  // New epic / feature forms
  private String epicName;
  private String epicDescription;
  private String featureEpicId;
  private String featureName;
  private String featureDescription;

  @PostConstruct
  void load() {
    filter = TaskFilter.from(request);
    if (!current.isSelected()) {
      return;
    }
    data.epics().forEach(e -> epics.put(e.id(), e));
    for (EpicResponse epic : data.epics()) {
      features.put(epic.id(), data.features(epic.id()));
    }
    visible = data.tasks().stream().filter(filter.predicate()).sorted(filter.order()).toList();
    if (!Forms.isPostback()) {
      epicId = request.getParameter("epic");
      featureEpicId = epicId;
      featureId = request.getParameter("newFeature");
    }
  }

  public String getView() {
    String view = request.getParameter("view");
    return view == null
        ? preferences.getTasksView()
        : switch (view) {
          case "timeline", "analytics" -> view;
          default -> "board";
        };
  }

  public TaskFilter getFilter() {
    return filter;
  }

  public List<Column> getColumns() {
    List<Column> columns = new ArrayList<>();
    for (TaskStatus status : Board.COLUMNS) {
      columns.add(
          new Column(
              status, visible.stream().filter(t -> Board.columnOf(t.status()) == status).toList()));
    }
    return columns;
  }

  public long columnCount(TaskStatus status) {
    return visible.stream().filter(t -> Board.columnOf(t.status()) == status).count();
  }

  public int getVisibleCount() {
    return visible.size();
  }

  public int getTotalCount() {
    return data.tasks().size();
  }

  public List<EpicResponse> getEpics() {
    return data.epics();
  }

  /** Features of the epic chosen in the filter bar. */
  public List<FeatureResponse> getFilterFeatures() {
    if (filter.epic() == null || !filter.epic().matches("\\d{1,18}")) {
      return List.of();
    }
    return features.getOrDefault(Long.parseLong(filter.epic()), List.of());
  }

  public List<AgentResponse> getAgents() {
    return data.agents();
  }

  public AgentRole[] getRoles() {
    return java.util.Arrays.stream(AgentRole.values())
        .filter(r -> r != AgentRole.ui_admin)
        .toArray(AgentRole[]::new);
  }

  public DifficultyLevel[] getDifficulties() {
    return DifficultyLevel.values();
  }

  public TaskComplexity[] getComplexities() {
    return TaskComplexity.values();
  }

  public TaskStatus[] getStatuses() {
    return TaskStatus.values();
  }

  public TaskType[] getTaskTypes() {
    return TaskType.values();
  }

  /** "Epic › Feature" of a task, from the names the API gives for epics and features. */
  public String breadcrumb(TaskResponse task) {
    EpicResponse epic = epics.get(task.epicId());
    String feature =
        features.getOrDefault(task.epicId(), List.of()).stream()
            .filter(f -> f.id() == task.featureId())
            .map(FeatureResponse::name)
            .findFirst()
            .orElse("");
    return (epic == null ? "" : epic.name()) + (feature.isEmpty() ? "" : " › " + feature);
  }

  public boolean isStale(TaskResponse task) {
    Instant limit = Instant.now().minus(java.time.Duration.ofHours(4));
    return task.lockedAt() != null
        && task.lockedAt().isBefore(limit)
        && (task.updatedAt() == null || task.updatedAt().isBefore(limit));
  }

  /** The board URL with the current filters, for the move forms' way back. */
  public String getBoardUrl() {
    String query = filter.query();
    return request.getContextPath()
        + "/tasks?project="
        + current.getId()
        + (query.isEmpty() ? "" : "&" + query)
        + ("board".equals(getView()) ? "" : "&view=" + getView());
  }

  public String viewUrl(String view) {
    String query = filter.query();
    return request.getContextPath()
        + "/tasks?project="
        + current.getId()
        + "&view="
        + view
        + (query.isEmpty() ? "" : "&" + query)
        + (request.getParameter("range") == null ? "" : "&range=" + request.getParameter("range"));
  }

  // --- Timeline and analytics views -------------------------------------------------------------

  List<ChangelogResponse> changelog() {
    if (changelog == null) {
      changelog =
          backend.read(
              api -> api.changelog(1000, current.getId(), null), List.<ChangelogResponse>of());
    }
    return changelog;
  }

  public String getRange() {
    String range = request.getParameter("range");
    return range != null && List.of("12h", "24h", "7d", "30d").contains(range) ? range : "7d";
  }

  public List<TaskTimeline.Row> getTimeline() {
    return TaskTimeline.rows(
        visible, changelog(), Instant.now(), TaskTimeline.duration(getRange()));
  }

  public String timelineAxis() {
    return TaskTimeline.axis(Instant.now(), TaskTimeline.duration(getRange()));
  }

  public Metrics getMetrics() {
    return new Metrics(visible, changelog(), Instant.now(), 30);
  }

  public String getStatusChart() {
    return Charts.statusBar(visible);
  }

  public String chart(String kind) {
    Metrics metrics = getMetrics();
    return switch (kind) {
      case "role" -> Charts.bars("Tasks by role", metrics.getByRole(), "status-under_work");
      case "difficulty" ->
          Charts.bars("Tasks by difficulty", metrics.getByDifficulty(), "status-qa_done");
      default -> Charts.bars("Workload per agent", metrics.getWorkload(), "status-committed");
    };
  }

  // --- Create dialogs
  // -----------------------------------------------------------------------------

  public String getOpenDialog() {
    String wanted = request.getParameter("new");
    return wanted == null ? "" : wanted;
  }

  public List<SelectItem> getFeatureGroups() {
    List<SelectItem> groups = new ArrayList<>();
    for (EpicResponse epic : data.epics()) {
      List<FeatureResponse> list = features.getOrDefault(epic.id(), List.of());
      SelectItem[] items =
          list.stream()
              .map(f -> new SelectItem(Long.toString(f.id()), f.name()))
              .toArray(SelectItem[]::new);
      if (items.length > 0) {
        groups.add(new SelectItemGroup(epic.name(), null, false, items));
      }
    }
    return groups;
  }

  public void createTask() {
    long feature = Long.parseLong(featureId);
    long epic = Long.parseLong(epicId);
    boolean inEpic =
        features.getOrDefault(epic, List.of()).stream().anyMatch(f -> f.id() == feature);
    if (!inEpic) {
      Forms.error("t-feature", "Choose a feature of the selected epic");
      return;
    }
    try {
      TaskResponse task =
          backend
              .api()
              .createTask(
                  preferences.getActor(),
                  new TaskCreate(
                      feature,
                      title.strip(),
                      description == null ? "" : description,
                      AgentRole.parse(role),
                      DifficultyLevel.parse(difficulty),
                      TaskComplexity.parse(complexity),
                      branch == null ? "" : branch.strip(),
                      taskType == null ? null : TaskType.parseInput(taskType)));
      Forms.redirect(
          "/tasks?project=" + current.getId() + "&created=" + task.id() + "#task-" + task.id());
    } catch (RuntimeException failure) {
      Forms.error("task-form", Backend.describe(failure));
    }
  }

  public void createEpic() {
    try {
      EpicResponse epic =
          backend
              .api()
              .createEpic(
                  preferences.getActor(),
                  current.getId(),
                  new EpicCreate(epicName.strip(), epicDescription == null ? "" : epicDescription));
      Forms.redirect(
          "/tasks?project=" + current.getId() + "&new=task&epic=" + epic.id() + "#new-task");
    } catch (RuntimeException failure) {
      Forms.error("epic-form", Backend.describe(failure));
    }
  }

  public void createFeature() {
    try {
      FeatureResponse feature =
          backend
              .api()
              .createFeature(
                  preferences.getActor(),
                  new FeatureCreate(
                      Long.parseLong(featureEpicId),
                      featureName.strip(),
                      featureDescription == null ? "" : featureDescription));
      Forms.redirect(
          "/tasks?project="
              + current.getId()
              + "&new=task&epic="
              + feature.epicId()
              + "&newFeature="
              + feature.id()
              + "#new-task");
    } catch (RuntimeException failure) {
      Forms.error("feature-form", Backend.describe(failure));
    }
  }

  public boolean isTaskFormOpen() {
    return "task".equals(getOpenDialog())
        || Forms.hasErrors() && request.getParameter("t-title") != null;
  }

  public boolean isEpicFormOpen() {
    return "epic".equals(getOpenDialog())
        || Forms.hasErrors() && request.getParameter("ep-name") != null;
  }

  public boolean isFeatureFormOpen() {
    return "feature".equals(getOpenDialog())
        || Forms.hasErrors() && request.getParameter("f-name") != null;
  }

  public String getTitle() {
    return title;
  }

  public void setTitle(String title) {
    this.title = title;
  }

  public String getDescription() {
    return description;
  }

  public void setDescription(String description) {
    this.description = description;
  }

  public String getEpicId() {
    return epicId;
  }

  public void setEpicId(String epicId) {
    this.epicId = epicId;
  }

  public String getFeatureId() {
    return featureId;
  }

  public void setFeatureId(String featureId) {
    this.featureId = featureId;
  }

  public String getRole() {
    return role;
  }

  public void setRole(String role) {
    this.role = role;
  }

  public String getDifficulty() {
    return difficulty;
  }

  public void setDifficulty(String difficulty) {
    this.difficulty = difficulty;
  }

  public String getComplexity() {
    return complexity;
  }

  public void setComplexity(String complexity) {
    this.complexity = complexity;
  }

  public String getBranch() {
    return branch;
  }

  public void setBranch(String branch) {
    this.branch = branch;
  }

  public String getTaskType() {
    return taskType;
  }

  public void setTaskType(String taskType) {
    this.taskType = taskType;
  }

  public String getEpicName() {
    return epicName;
  }

  public void setEpicName(String epicName) {
    this.epicName = epicName;
  }

  public String getEpicDescription() {
    return epicDescription;
  }

  public void setEpicDescription(String epicDescription) {
    this.epicDescription = epicDescription;
  }

  public String getFeatureEpicId() {
    return featureEpicId;
  }

  public void setFeatureEpicId(String featureEpicId) {
    this.featureEpicId = featureEpicId;
  }

  public String getFeatureName() {
    return featureName;
  }

  public void setFeatureName(String featureName) {
    this.featureName = featureName;
  }

  public String getFeatureDescription() {
    return featureDescription;
  }

  public void setFeatureDescription(String featureDescription) {
    this.featureDescription = featureDescription;
  }
}
