package org.headlesspm.task;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import org.headlesspm.storage.InstantColumn;
import org.headlesspm.storage.NativeSql;

/**
 * Deletes tasks with everything they own, and frees the agents that held them (API.md 2.3). Every
 * deletion of tasks — one task, a feature, an epic, a project — goes through here. Runs inside the
 * caller's transaction.
 */
@ApplicationScoped
public class TaskRemoval {

  /** Task ids of one project, for {@link #remove}: parameter {@code ?1} is the project id. */
  public static final String TASKS_OF_PROJECT =
      "SELECT t.id FROM task t JOIN feature f ON f.id = t.feature_id"
          + " JOIN epic e ON e.id = f.epic_id WHERE e.project_id = ?1";

  public static final String TASKS_OF_EPIC =
      "SELECT t.id FROM task t JOIN feature f ON f.id = t.feature_id WHERE f.epic_id = ?1";

  public static final String TASKS_OF_FEATURE = "SELECT t.id FROM task t WHERE t.feature_id = ?1";

  public static final String ONE_TASK = "SELECT ?1";

  @PersistenceContext EntityManager em;
  @Inject Clock clock;

  /** Removes the tasks whose ids {@code scope} selects, {@code ?1} bound to {@code key}. */
  public void remove(String scope, long key) {
    String now = InstantColumn.write(clock.instant());
    NativeSql.update(
        em,
        "UPDATE agent SET status = 'idle', current_task_id = NULL, last_activity = ?2"
            + " WHERE current_task_id IN ("
            + scope
            + ")",
        key,
        now);
    NativeSql.update(em, "DELETE FROM mention WHERE task_id IN (" + scope + ")", key);
    NativeSql.update(em, "DELETE FROM changelog WHERE task_id IN (" + scope + ")", key);
    NativeSql.update(em, "DELETE FROM taskevaluation WHERE task_id IN (" + scope + ")", key);
    NativeSql.update(em, "DELETE FROM timeentry WHERE task_id IN (" + scope + ")", key);
    NativeSql.update(em, "DELETE FROM task WHERE id IN (" + scope + ")", key);
  }
}
