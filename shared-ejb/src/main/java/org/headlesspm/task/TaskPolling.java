package org.headlesspm.task;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.headlesspm.agent.Agent;
import org.headlesspm.agent.AgentService;
import org.headlesspm.agent.Agents;
import org.headlesspm.api.AgentRole;
import org.headlesspm.api.DifficultyLevel;
import org.headlesspm.api.TaskResponse;
import org.headlesspm.project.Project;
import org.headlesspm.project.ProjectService;
import org.headlesspm.task.TaskWaiters.WaitKey;

/**
 * {@code GET /tasks/next} (API.md E27, 4.6): one immediate check, then, unless asked to simulate, a
 * wait that holds no thread until an event brings a task or the timeout passes.
 */
@ApplicationScoped
public class TaskPolling {

  /**
   * Longest wait granted, whatever the client asks (the contract allows a cap of 600 s or more).
   */
  public static final Duration MAX_WAIT = Duration.ofSeconds(600);

  @Inject Agents agents;
  @Inject AgentService agentService;
  @Inject ProjectService projects;
  @Inject TaskService tasks;
  @Inject TaskWaiters waiters;

  public CompletableFuture<Optional<TaskResponse>> next(
      AgentRole role,
      DifficultyLevel level,
      Long projectId,
      String agentId,
      boolean simulate,
      long timeoutSeconds) {
    long project = scope(projectId, agentId);
    if (role.isDashboard()) {
      // No task can target the dashboard role: answer at once rather than wait for nothing.
      return CompletableFuture.completedFuture(Optional.empty());
    }
    if (simulate || timeoutSeconds <= 0) {
      return CompletableFuture.completedFuture(tasks.selectNow(role, level, project));
    }
    WaitKey key = new WaitKey(project, role, level);
    Optional<TaskResponse> now = waiters.checkNow(key, agentId);
    if (now.isPresent()) {
      return CompletableFuture.completedFuture(now);
    }
    Duration timeout = Duration.ofSeconds(Math.min(timeoutSeconds, MAX_WAIT.toSeconds()));
    return waiters.await(key, agentId, timeout);
  }

  /** An immediate check, as the public mirror and registration do it. */
  public Optional<TaskResponse> nextNow(AgentRole role, DifficultyLevel level, Long projectId) {
    if (role.isDashboard()) {
      return Optional.empty();
    }
    return tasks.selectNow(role, level, projectId != null ? projectId : defaultProjectId());
  }

  /**
   * The project searched: the one asked for; else the caller's; else the default project. A caller
   * that resolves to an agent record counts as seen.
   */
  private long scope(Long projectId, String agentId) {
    Optional<Agent> caller = agents.resolve(agentId, projectId);
    caller.ifPresent(agent -> agentService.seen(agent.getId()));
    if (projectId != null) {
      return projectId;
    }
    return caller.map(Agent::getProjectId).orElseGet(this::defaultProjectId);
  }

  private long defaultProjectId() {
    return projects.defaultProject().map(Project::getId).orElse(1L);
  }
}
