package org.headlesspm.task;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.headlesspm.api.Durations;
import org.headlesspm.api.TaskResponse;

/**
 * Reads tasks as the API returns them, with their epic, project, lock holder's handle and recorded
 * time, in one query however many tasks there are.
 */
@ApplicationScoped
@Transactional
public class TaskViews {

  private static final String SELECT =
      "SELECT t, f.epicId, e.projectId, a.agentId,"
          + " (SELECT COALESCE(SUM(te.minutes), 0) FROM TimeEntry te WHERE te.taskId = t.id)"
          + " FROM Task t"
          + " JOIN Feature f ON f.id = t.featureId"
          + " JOIN Epic e ON e.id = f.epicId"
          + " LEFT JOIN Agent a ON a.id = t.lockedById";

  @PersistenceContext EntityManager em;

  public Optional<TaskResponse> find(long taskId) {
    return query(" WHERE t.id = :id", Map.of("id", taskId), 0).stream().findFirst();
  }

  /**
   * Tasks matching a JPQL condition on {@code t} (task), {@code f} (feature) and {@code e} (epic),
   * in the given order, at most {@code limit} (0 = all).
   */
  public List<TaskResponse> query(String whereAndOrder, Map<String, Object> parameters, int limit) {
    TypedQuery<Object[]> query = em.createQuery(SELECT + whereAndOrder, Object[].class);
    parameters.forEach(query::setParameter);
    if (limit > 0) {
      query.setMaxResults(limit);
    }
    return query.getResultList().stream()
        .map(
            row ->
                toResponse(
                    (Task) row[0],
                    (Long) row[1],
                    (Long) row[2],
                    (String) row[3],
                    ((Number) row[4]).longValue()))
        .toList();
  }

  static TaskResponse toResponse(
      Task t, long epicId, long projectId, String lockedBy, long totalMinutes) {
    return new TaskResponse(
        t.getId(),
        t.getFeatureId(),
        epicId,
        projectId,
        t.getTitle(),
        t.getDescription(),
        t.getCreatedBy(),
        t.getTargetRole(),
        t.getDifficulty(),
        t.getComplexity(),
        t.getBranch(),
        t.getStatus(),
        lockedBy,
        t.getLockedAt(),
        t.getNotes(),
        t.getCreatedAt(),
        t.getUpdatedAt(),
        t.getTaskType(),
        null,
        totalMinutes,
        Durations.format(totalMinutes));
  }
}
