package org.headlesspm.operations;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import org.headlesspm.api.ServerStatus.Metrics;
import org.headlesspm.api.ServiceStatus;
import org.headlesspm.task.TaskWaiters;

/** The counters of {@code GET /status}, over all projects. */
@ApplicationScoped
@Transactional
public class ServerCounts {

  /** Agents seen this recently count as active (API.md 4.13). */
  public static final Duration ACTIVE_WINDOW = Duration.ofMinutes(5);

  @PersistenceContext EntityManager em;
  @Inject Clock clock;
  @Inject TaskWaiters waiters;

  public Metrics count() {
    return new Metrics(
        count("SELECT COUNT(p) FROM Project p"),
        count("SELECT COUNT(a) FROM Agent a"),
        em.createQuery("SELECT COUNT(a) FROM Agent a WHERE a.lastSeen >= :since", Long.class)
            .setParameter("since", clock.instant().minus(ACTIVE_WINDOW))
            .getSingleResult(),
        count("SELECT COUNT(t) FROM Task t"),
        count("SELECT COUNT(d) FROM Document d"),
        count("SELECT COUNT(s) FROM Service s"),
        waiters.count());
  }

  /** Tasks per status value as stored (legacy values included), for the metrics. */
  public Map<String, Long> tasksByStatus() {
    Map<String, Long> counts = new TreeMap<>();
    for (Object row :
        em.createNativeQuery("SELECT status, COUNT(*) FROM task GROUP BY status").getResultList()) {
      Object[] cells = (Object[]) row;
      counts.put(String.valueOf(cells[0]), ((Number) cells[1]).longValue());
    }
    return counts;
  }

  public long servicesUp() {
    return em.createQuery("SELECT COUNT(s) FROM Service s WHERE s.status = :up", Long.class)
        .setParameter("up", ServiceStatus.up)
        .getSingleResult();
  }

  private long count(String jpql) {
    return em.createQuery(jpql, Long.class).getSingleResult();
  }
}
