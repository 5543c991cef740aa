package org.headlesspm.task;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.headlesspm.agent.Agent;
import org.headlesspm.agent.Agents;
import org.headlesspm.api.AgentRole;
import org.headlesspm.api.AgentStatus;
import org.headlesspm.api.ApiError;
import org.headlesspm.api.ChangelogResponse;
import org.headlesspm.api.DifficultyLevel;
import org.headlesspm.api.MessageResponse;
import org.headlesspm.api.TaskCreate;
import org.headlesspm.api.TaskDetailsUpdate;
import org.headlesspm.api.TaskResponse;
import org.headlesspm.api.TaskStatus;
import org.headlesspm.api.TaskStatusUpdate;
import org.headlesspm.api.TaskStatusUpdateResponse;
import org.headlesspm.api.TaskType;
import org.headlesspm.config.HeadlessPmConfig;
import org.headlesspm.document.MentionService;
import org.headlesspm.planning.Epic;
import org.headlesspm.planning.Feature;
import org.headlesspm.storage.Writes;
import org.headlesspm.task.TaskLocks.LockResult;

/** The task workflow: creation, locks, status changes, assignment, comments and deletion. */
@ApplicationScoped
@Transactional
public class TaskService {

  /** The statuses a manual completion may set (API-ADDENDUM.md E60). */
  private static final Set<TaskStatus> COMPLETIONS =
      Set.of(
          TaskStatus.dev_done,
          TaskStatus.qa_done,
          TaskStatus.documentation_done,
          TaskStatus.committed);

  @PersistenceContext EntityManager em;
  @Inject Clock clock;
  @Inject HeadlessPmConfig config;
  @Inject Agents agents;
  @Inject TaskViews views;
  @Inject TaskLocks locks;
  @Inject TaskEvents events;
  @Inject TaskRemoval removal;
  @Inject StaleLocks staleLocks;
  @Inject NextTaskFinder finder;
  @Inject MentionService mentions;

  @Writes
  public TaskResponse create(String creatorId, TaskCreate request) {
    if (request.targetRole().isDashboard()) {
      throw ApiError.badRequest("Tasks cannot target the ui_admin role");
    }
    Feature feature = em.find(Feature.class, request.featureId());
    Epic epic = feature == null ? null : em.find(Epic.class, feature.getEpicId());
    Agent creator =
        agents.require(
            creatorId, epic == null ? null : epic.getProjectId(), "Creator agent not found");
    if (feature == null) {
      throw ApiError.notFound("Feature not found");
    }
    if (epic == null) {
      throw ApiError.notFound("Epic not found");
    }
    if (!creator.isIn(epic.getProjectId()) && creator.getRole() != AgentRole.global_pm) {
      throw ApiError.forbidden(
          creator.getRole() == AgentRole.project_pm
              ? "Project PM can only create tasks within their assigned project"
              : "Cannot create tasks in other projects");
    }
    boolean pending = config.taskApprovalRequired();
    TaskStatus initial = pending ? TaskStatus.pending : TaskStatus.created;
    Instant now = clock.instant();
    boolean generateBranch = request.branch().isBlank();
    Task task =
        new Task(
            feature.getId(),
            request.title(),
            request.description(),
            creator.getId(),
            creator.getAgentId(),
            request.targetRole(),
            request.difficulty(),
            request.complexity(),
            request.branch(),
            initial,
            request.taskType() == null ? TaskType.regular : request.taskType(),
            now);
    em.persist(task);
    em.flush();
    if (generateBranch) {
      task.nameBranch(BranchNames.forTitle(task.getTitle(), task.getId()));
    }
    em.persist(
        new Changelog(
            task.getId(),
            initial,
            initial,
            creator.getAgentId(),
            pending ? "Task created (pending)" : "Task created",
            now));
    events.released(task);
    return views.find(task.getId()).orElseThrow();
  }

  public List<TaskResponse> list(TaskStatus status, AgentRole role, Long projectId, Integer limit) {
    StringBuilder where = new StringBuilder(" WHERE 1 = 1");
    Map<String, Object> parameters = new HashMap<>();
    if (status != null) {
      where.append(" AND t.status = :status");
      parameters.put("status", status);
    }
    if (role != null) {
      where.append(" AND t.targetRole = :role");
      parameters.put("role", role);
    }
    if (projectId != null) {
      where.append(" AND e.projectId = :project");
      parameters.put("project", projectId);
    }
    where.append(" ORDER BY t.createdAt DESC, t.id DESC");
    return views.query(where.toString(), parameters, limit == null ? 0 : limit);
  }

  public TaskResponse get(long taskId) {
    return views.find(taskId).orElseThrow(() -> taskNotFound(taskId));
  }

  @Writes
  public TaskResponse lock(long taskId, String agentId) {
    Task task = requireTask(taskId);
    long project = events.projectOf(task.getFeatureId());
    if (task.isLocked()) {
      throw alreadyLocked(taskId);
    }
    List<Agent> records = agents.recordsOf(agentId);
    if (records.isEmpty()) {
      throw ApiError.notFound(Agents.notRegistered(agentId));
    }
    Agent locker =
        records.stream()
            .filter(a -> a.isIn(project))
            .findFirst()
            .orElseThrow(() -> ApiError.forbidden("Cannot lock tasks from other projects"));
    if (locker.isDashboard()) {
      throw ApiError.forbidden(
          "The dashboard user cannot hold task locks; assign the task to an agent instead");
    }
    TaskStatus previous = task.getStatus();
    if (!previous.isLockable()) {
      throw notLockable(taskId, previous);
    }
    checkHoldsNothing(records);
    Instant now = clock.instant();
    take(taskId, locker, now);
    em.persist(
        new Changelog(
            taskId, previous, TaskStatus.under_work, agentId, "Task locked by " + agentId, now));
    return views.find(taskId).orElseThrow();
  }

  @Writes
  public TaskStatusUpdateResponse updateStatus(
      long taskId, String agentId, TaskStatusUpdate request) {
    Task task = requireTask(taskId);
    long project = events.projectOf(task.getFeatureId());
    Agent caller = agents.require(agentId, project, Agents.notRegistered(agentId));
    TaskStatus old = task.getStatus();
    TaskStatus next = request.status();
    boolean touchesPending =
        old != next && (old == TaskStatus.pending || next == TaskStatus.pending);
    if (touchesPending && !caller.managesProject(project)) {
      throw ApiError.forbidden(
          "Only project_pm, global_pm or ui_admin agents can move a task into or out of pending");
    }
    Instant now = clock.instant();
    if (old == TaskStatus.under_work && next != TaskStatus.under_work) {
      locks.release(taskId, AgentStatus.idle, now);
    }
    Task updated = em.find(Task.class, taskId);
    updated.moveTo(next, request.notes(), now);
    Agent acting = em.find(Agent.class, caller.getId());
    acting.active(now);
    em.persist(new Changelog(taskId, old, next, agentId, request.notes(), now));
    em.flush();
    events.released(updated);
    TaskResponse response = views.find(taskId).orElseThrow();
    if (acting.isDashboard()) {
      // A person at the dashboard is not looking for work (API-ADDENDUM.md A2.4).
      return new TaskStatusUpdateResponse(
          response,
          null,
          "management",
          taskId,
          false,
          "Task status updated successfully",
          "neutral");
    }
    Optional<TaskResponse> nextTask =
        selectNow(acting.getRole(), acting.getLevel(), acting.getProjectId());
    return nextTask
        .map(
            n ->
                new TaskStatusUpdateResponse(
                    response,
                    n,
                    "continue",
                    taskId,
                    true,
                    "Continue with the next task without waiting for confirmation",
                    "high"))
        .orElseGet(
            () ->
                new TaskStatusUpdateResponse(
                    response, null, "no_tasks", taskId, false, "No more tasks available", "low"));
  }

  @Writes
  public TaskResponse assign(long taskId, String targetId, String assignerId) {
    Task task = em.find(Task.class, taskId);
    Long project = task == null ? null : events.projectOf(task.getFeatureId());
    Agent assigner = agents.require(assignerId, project, "Assigner agent not found");
    if (assigner.getRole() != AgentRole.project_pm && !assigner.isDashboard()) {
      throw ApiError.forbidden(
          "Only Project PMs can assign tasks to specific agents."
              + " Global PMs cannot assign tasks directly.");
    }
    Agent target = agents.require(targetId, project, "Target agent not found");
    if (target.isDashboard()) {
      throw ApiError.forbidden("Tasks cannot be assigned to the dashboard user");
    }
    if (!target.isIn(assigner.getProjectId())) {
      throw ApiError.forbidden("Cannot assign tasks to agents in other projects");
    }
    if (task == null) {
      throw ApiError.notFound("Task not found");
    }
    if (!assigner.isIn(project)) {
      throw ApiError.forbidden("Cannot assign tasks from other projects");
    }
    if (task.isLocked()) {
      throw ApiError.conflict("Task is already locked by another agent");
    }
    TaskStatus previous = task.getStatus();
    if (!previous.isLockable()) {
      throw notLockable(taskId, previous);
    }
    if (target.getStatus() != AgentStatus.idle) {
      throw ApiError.conflict(
          "Agent " + targetId + " is not available (status: " + target.getStatus() + ")");
    }
    boolean busy =
        target.getCurrentTaskId() != null
            || agents.recordsOf(targetId).stream().anyMatch(a -> a.getCurrentTaskId() != null);
    if (busy) {
      throw ApiError.conflict("Agent " + targetId + " already has an assigned task");
    }
    Instant now = clock.instant();
    take(taskId, target, now);
    em.find(Agent.class, assigner.getId()).active(now);
    em.persist(
        new Changelog(
            taskId,
            previous,
            TaskStatus.under_work,
            assignerId,
            "Task assigned to " + targetId + " by Project PM",
            now));
    return views.find(taskId).orElseThrow();
  }

  @Writes
  public MessageResponse comment(long taskId, String agentId, String comment) {
    Task task = requireTask(taskId);
    task.addComment(agentId, comment, clock.instant());
    mentions.recordForTaskComment(events.projectOf(task.getFeatureId()), taskId, comment, agentId);
    return new MessageResponse("Comment added successfully");
  }

  @Writes
  public MessageResponse delete(long taskId, String agentId) {
    Task task = em.find(Task.class, taskId);
    Long project = task == null ? null : events.projectOf(task.getFeatureId());
    Agent agent = agents.require(agentId, project, "Agent not found");
    if (!agent.getRole().isPm() && !agent.isDashboard()) {
      throw ApiError.forbidden(
          "Only project_pm, global_pm, ui_admin agents can perform this operation");
    }
    if (task == null) {
      throw ApiError.notFound("Task not found");
    }
    if (!agent.managesProject(project)) {
      throw ApiError.forbidden("Cannot delete tasks of other projects");
    }
    removal.remove(TaskRemoval.ONE_TASK, taskId);
    return new MessageResponse("Task " + taskId + " deleted successfully");
  }

  /**
   * E59: the dashboard corrects a task. Only fields that really change are written, with one
   * changelog row listing them; an edit that changes nothing writes nothing.
   */
  @Writes
  public TaskResponse editDetails(long taskId, String agentId, TaskDetailsUpdate edit) {
    Task task = em.find(Task.class, taskId);
    if (task == null) {
      throw ApiError.notFound("Task not found");
    }
    long project = events.projectOf(task.getFeatureId());
    Agent editor = requireDashboard(agentId, project, "Only dashboard user can edit task details");
    if (edit.targetRole() != null && edit.targetRole().isDashboard()) {
      throw ApiError.badRequest("Tasks cannot target the ui_admin role");
    }
    Instant now = clock.instant();
    String title = edit.title() != null ? edit.title() : task.getTitle();
    List<String> changes = task.edit(edit, BranchNames.forTitle(title, taskId), now);
    if (changes.isEmpty()) {
      return views.find(taskId).orElseThrow();
    }
    editor.active(now);
    em.persist(
        new Changelog(
            taskId,
            task.getStatus(),
            task.getStatus(),
            agentId,
            "Task details updated: " + String.join(", ", changes),
            now));
    em.flush();
    events.released(task);
    return views.find(taskId).orElseThrow();
  }

  /** E60: a manager closes a task without an agent doing the work. */
  @Writes
  public TaskResponse complete(long taskId, TaskStatus target, String agentId) {
    Task task = em.find(Task.class, taskId);
    if (task == null) {
      throw ApiError.notFound("Task not found");
    }
    long project = events.projectOf(task.getFeatureId());
    Agent caller = agents.require(agentId, project, "Agent not found");
    AgentRole role = caller.getRole();
    if (!role.isPm() && !role.isDashboard()) {
      throw ApiError.forbidden("Only Project Managers can manually complete tasks");
    }
    if (!caller.managesProject(project)) {
      throw ApiError.forbidden("Project PM can only complete tasks in their assigned project");
    }
    if (!COMPLETIONS.contains(target)) {
      throw ApiError.badRequest("Invalid target status: " + target);
    }
    TaskStatus old = task.getStatus();
    Instant now = clock.instant();
    if (task.isLocked()) {
      locks.release(taskId, AgentStatus.idle, now);
    }
    Task done = em.find(Task.class, taskId);
    done.moveTo(target, null, now);
    em.find(Agent.class, caller.getId()).active(now);
    em.persist(
        new Changelog(
            taskId,
            old,
            target,
            agentId,
            "Task manually completed by " + role + " (target status: " + target + ")",
            now));
    em.flush();
    events.released(done);
    return views.find(taskId).orElseThrow();
  }

  /**
   * The acting record when it is the dashboard identity of the project; 404 for an unknown handle,
   * 403 with {@code refusal} for anyone else (API-ADDENDUM.md E59, E61, E63).
   */
  public Agent requireDashboard(String agentId, long projectId, String refusal) {
    Agent agent =
        agents.require(
            agentId, projectId, "Agent '" + agentId + "' not found in project " + projectId);
    if (!agent.isDashboard() || !agent.isIn(projectId)) {
      throw ApiError.forbidden(refusal);
    }
    return agent;
  }

  public List<ChangelogResponse> changelog(int limit, Long projectId, Long taskId) {
    StringBuilder jpql = new StringBuilder("SELECT c FROM Changelog c");
    Map<String, Object> parameters = new HashMap<>();
    if (projectId != null) {
      jpql.append(
          ", Task t, Feature f, Epic e WHERE c.taskId = t.id AND t.featureId = f.id"
              + " AND f.epicId = e.id AND e.projectId = :project");
      parameters.put("project", projectId);
    } else {
      jpql.append(" WHERE 1 = 1");
    }
    if (taskId != null) {
      jpql.append(" AND c.taskId = :task");
      parameters.put("task", taskId);
    }
    jpql.append(" ORDER BY c.changedAt DESC, c.id DESC");
    var query = em.createQuery(jpql.toString(), Changelog.class).setMaxResults(limit);
    parameters.forEach(query::setParameter);
    return query.getResultList().stream()
        .map(
            c ->
                new ChangelogResponse(
                    c.getId(),
                    c.getTaskId(),
                    c.getOldStatus(),
                    c.getNewStatus(),
                    c.getChangedBy(),
                    c.getNotes(),
                    c.getChangedAt()))
        .toList();
  }

  /**
   * One immediate next-task selection with the stale-lock sweep (API.md 4.5). Joins the caller's
   * write transaction when there is one; otherwise sweeps and reads in transactions of its own.
   */
  @Transactional(TxType.SUPPORTS)
  public Optional<TaskResponse> selectNow(AgentRole role, DifficultyLevel level, long projectId) {
    staleLocks.sweep();
    return finder.find(role, level, projectId, Set.of());
  }

  private void take(long taskId, Agent agent, Instant now) {
    LockResult result = locks.lock(taskId, agent.getId(), agent.getAgentId(), now);
    if (result == LockResult.TASK_UNAVAILABLE) {
      Task current = requireTask(taskId);
      throw current.isLocked() ? alreadyLocked(taskId) : notLockable(taskId, current.getStatus());
    }
    if (result == LockResult.AGENT_BUSY) {
      checkHoldsNothing(agents.recordsOf(agent.getAgentId()));
      throw ApiError.conflict("Agent " + agent.getAgentId() + " already has an assigned task");
    }
  }

  private static void checkHoldsNothing(List<Agent> records) {
    for (Agent record : records) {
      if (record.getCurrentTaskId() != null) {
        throw ApiError.conflict(
            "Agent already has task "
                + record.getCurrentTaskId()
                + " locked. Complete current task before locking a new one.");
      }
    }
  }

  private Task requireTask(long taskId) {
    Task task = em.find(Task.class, taskId);
    if (task == null) {
      throw taskNotFound(taskId);
    }
    return task;
  }

  private static ApiError taskNotFound(long taskId) {
    return ApiError.notFound(
        "Task with ID " + taskId + " not found. Please verify the task ID exists.");
  }

  private static ApiError alreadyLocked(long taskId) {
    return ApiError.conflict(
        "Task "
            + taskId
            + " is already locked by another agent. The task must be unlocked before you can lock"
            + " it.");
  }

  private static ApiError notLockable(long taskId, TaskStatus status) {
    return ApiError.conflict("Task " + taskId + " cannot be locked in status '" + status + "'");
  }
}
