package org.headlesspm.task;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.headlesspm.api.AgentRole;
import org.headlesspm.api.DifficultyLevel;
import org.headlesspm.api.TaskResponse;
import org.headlesspm.api.TaskStatus;
import org.headlesspm.api.TaskType;

/**
 * One next-task check (API.md 4.5): QA agents get the oldest unlocked {@code dev_done} task of the
 * project; everyone else the oldest unlocked {@code created} task for their role whose difficulty
 * is at most their level. Management tasks are never handed out (API-ADDENDUM.md A4.3). Reads only;
 * the stale-lock sweep is the caller's.
 */
@ApplicationScoped
@Transactional
public class NextTaskFinder {

  @Inject TaskViews views;

  public Optional<TaskResponse> find(
      AgentRole role, DifficultyLevel level, long projectId, Set<Long> excluded) {
    StringBuilder where =
        new StringBuilder(
            " WHERE e.projectId = :project AND t.lockedById IS NULL AND t.taskType <> :management");
    Map<String, Object> parameters = new HashMap<>();
    parameters.put("project", projectId);
    parameters.put("management", TaskType.management);
    if (role == AgentRole.qa) {
      where.append(" AND t.status = :status");
      parameters.put("status", TaskStatus.dev_done);
    } else {
      where.append(" AND t.status = :status AND t.targetRole = :role AND t.difficulty IN :levels");
      parameters.put("status", TaskStatus.created);
      parameters.put("role", role);
      parameters.put("levels", levelsUpTo(level));
    }
    if (!excluded.isEmpty()) {
      where.append(" AND t.id NOT IN :excluded");
      parameters.put("excluded", List.copyOf(excluded));
    }
    where.append(" ORDER BY t.createdAt, t.id");
    return views.query(where.toString(), parameters, 1).stream().findFirst();
  }

  static List<DifficultyLevel> levelsUpTo(DifficultyLevel level) {
    return Arrays.stream(DifficultyLevel.values()).filter(level::canTake).toList();
  }
}
