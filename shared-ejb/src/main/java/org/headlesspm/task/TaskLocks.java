package org.headlesspm.task;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import org.headlesspm.api.AgentStatus;
import org.headlesspm.api.TaskStatus;
import org.headlesspm.storage.InstantColumn;
import org.headlesspm.storage.NativeSql;

/**
 * Takes and releases locks with conditional updates checked by their row counts, so the rules hold
 * under any concurrency, even with writers in other processes (API.md 4.4.3, OPERATIONS.md 6.5).
 * Callers run inside a transaction and must not reuse task or agent entities loaded before a call
 * (the persistence context is cleared).
 */
@ApplicationScoped
public class TaskLocks {

  @PersistenceContext EntityManager em;
  @Inject TaskEvents events;

  /**
   * Locks the task for the agent record and puts the agent to work. Changes nothing when the task
   * is locked or not lockable ({@code TASK_UNAVAILABLE}); when the handle already holds a lock the
   * caller must roll back ({@code AGENT_BUSY}).
   */
  public LockResult lock(long taskId, long agentRecordId, String handle, Instant now) {
    em.flush();
    String at = InstantColumn.write(now);
    int taskRows =
        NativeSql.update(
            em,
            "UPDATE task SET locked_by_id = ?1, locked_at = ?2, status_before_lock = lower(status),"
                + " status = 'under_work', updated_at = ?2"
                + " WHERE id = ?3 AND locked_by_id IS NULL"
                + " AND lower(status) NOT IN ('pending', 'committed', 'approved')",
            agentRecordId,
            at,
            taskId);
    if (taskRows == 0) {
      em.clear();
      return LockResult.TASK_UNAVAILABLE;
    }
    int agentRows =
        NativeSql.update(
            em,
            "UPDATE agent SET status = 'working', current_task_id = ?1, last_activity = ?2"
                + " WHERE id = ?3 AND NOT EXISTS"
                + " (SELECT 1 FROM agent other WHERE other.agent_id = ?4"
                + " AND other.current_task_id IS NOT NULL)",
            taskId,
            at,
            agentRecordId,
            handle);
    em.clear();
    return agentRows == 0 ? LockResult.AGENT_BUSY : LockResult.LOCKED;
  }

  /** What {@link #lock} did. */
  public enum LockResult {
    LOCKED,
    TASK_UNAVAILABLE,
    AGENT_BUSY
  }

  /**
   * Clears the task's lock and sets its holder to {@code holderStatus} without a task; a non-null
   * {@code activity} also becomes the holder's last activity.
   */
  public void release(long taskId, AgentStatus holderStatus, Instant activity) {
    em.flush();
    if (activity == null) {
      NativeSql.update(
          em,
          "UPDATE agent SET status = ?1, current_task_id = NULL"
              + " WHERE id = (SELECT locked_by_id FROM task WHERE id = ?2)",
          holderStatus.name(),
          taskId);
    } else {
      NativeSql.update(
          em,
          "UPDATE agent SET status = ?1, current_task_id = NULL, last_activity = ?3"
              + " WHERE id = (SELECT locked_by_id FROM task WHERE id = ?2)",
          holderStatus.name(),
          taskId,
          InstantColumn.write(activity));
    }
    // A holder whose record points at the task without the task pointing back is freed too.
    NativeSql.update(
        em,
        "UPDATE agent SET status = ?1, current_task_id = NULL WHERE current_task_id = ?2",
        holderStatus.name(),
        taskId);
    NativeSql.update(
        em,
        "UPDATE task SET locked_by_id = NULL, locked_at = NULL, status_before_lock = NULL"
            + " WHERE id = ?1",
        taskId);
    em.clear();
  }

  /**
   * Takes a lock away from a holder that can no longer use it (stale or deleted): the task goes
   * back to its status before the lock with a {@code system} changelog row saying why, and waiting
   * agents hear of it (API.md 4.4.4, 4.4.5).
   */
  public void reclaim(Task task, AgentStatus holderStatus, String reason, Instant now) {
    long taskId = task.getId();
    boolean working = task.getStatus() == TaskStatus.under_work;
    TaskStatus restored = task.statusToRestore();
    release(taskId, holderStatus, null);
    if (working) {
      Task fresh = em.find(Task.class, taskId);
      fresh.moveTo(restored, null, now);
      em.persist(
          new Changelog(taskId, TaskStatus.under_work, restored, Changelog.SYSTEM, reason, now));
      em.flush();
      events.released(fresh);
    }
  }
}
