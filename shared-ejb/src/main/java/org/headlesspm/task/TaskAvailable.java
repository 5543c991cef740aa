package org.headlesspm.task;

import org.headlesspm.api.AgentRole;
import org.headlesspm.api.DifficultyLevel;
import org.headlesspm.api.TaskStatus;

/**
 * A task became available for pickup: created, released, returned to {@code created}, or moved to
 * {@code dev_done} for QA. Fired inside the transaction and delivered after it commits.
 */
public record TaskAvailable(
    long projectId,
    long taskId,
    TaskStatus status,
    AgentRole targetRole,
    DifficultyLevel difficulty) {

  /**
   * Whether a waiting agent of this role and level could be handed the task (API.md 4.3.2, 4.5): QA
   * agents only ever get {@code dev_done} tasks, everyone else only {@code created} ones.
   */
  public boolean suits(AgentRole role, DifficultyLevel level) {
    if (role == AgentRole.qa || status == TaskStatus.dev_done) {
      return role == AgentRole.qa && status == TaskStatus.dev_done;
    }
    return status == TaskStatus.created && role == targetRole && level.canTake(difficulty);
  }

  public boolean makesWorkAvailable() {
    return status == TaskStatus.created || status == TaskStatus.dev_done;
  }
}
