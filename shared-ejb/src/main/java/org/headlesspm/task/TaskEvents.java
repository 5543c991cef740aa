package org.headlesspm.task;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.headlesspm.api.TaskType;

/** Announces, within the current transaction, that a task may now be picked up. */
@ApplicationScoped
public class TaskEvents {

  @PersistenceContext EntityManager em;
  @Inject Event<TaskAvailable> available;

  /**
   * Fires {@link TaskAvailable} when the unlocked task is {@code created} or {@code dev_done} and
   * not a management task (those are never handed out).
   */
  public void released(Task task) {
    TaskAvailable event =
        new TaskAvailable(
            projectOf(task.getFeatureId()),
            task.getId(),
            task.getStatus(),
            task.getTargetRole(),
            task.getDifficulty());
    if (!task.isLocked()
        && event.makesWorkAvailable()
        && task.getTaskType() != TaskType.management) {
      available.fire(event);
    }
  }

  /** The project of a task: its feature's epic's. */
  public long projectOf(long featureId) {
    return em.createQuery(
            "SELECT e.projectId FROM Feature f, Epic e WHERE f.id = :feature AND e.id = f.epicId",
            Long.class)
        .setParameter("feature", featureId)
        .getSingleResult();
  }
}
