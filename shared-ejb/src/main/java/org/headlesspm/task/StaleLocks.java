package org.headlesspm.task;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.headlesspm.api.AgentStatus;
import org.headlesspm.config.HeadlessPmConfig;
import org.headlesspm.storage.Writes;

/**
 * Reclaims locks whose holder has shown no activity for 30 minutes (API.md 4.4.4; configurable as
 * {@code HEADLESS_PM_STALE_LOCK_SECONDS}): the task goes back to the status it had before the lock,
 * a {@code system} changelog row says why, and the holder is marked {@code offline} until it
 * registers again. Called before every next-task selection; cheap when nothing is stale.
 */
@ApplicationScoped
public class StaleLocks {

  @Inject Clock clock;
  @Inject Sweep sweep;
  @Inject HeadlessPmConfig config;

  /** Releases every stale lock, in all projects. */
  public void sweep() {
    Duration threshold = config.staleLockThreshold();
    Instant cutoff = clock.instant().minus(threshold);
    if (sweep.anyStale(cutoff)) {
      sweep.release(cutoff, describe(threshold));
    }
  }

  /** "30 minutes", or seconds when the threshold is not a whole number of minutes. */
  static String describe(Duration threshold) {
    long seconds = threshold.toSeconds();
    return seconds % 60 == 0 ? seconds / 60 + " minutes" : seconds + " seconds";
  }

  /** The transactional half, a bean of its own so that its interceptors apply. */
  @ApplicationScoped
  @Transactional
  public static class Sweep {

    // "IS NOT NULL" lets SQLite read only the locked tasks from ix_task_locked_by_id.
    private static final String STALE =
        "SELECT t, a.agentId FROM Task t, Agent a"
            + " WHERE t.lockedById IS NOT NULL AND a.id = t.lockedById"
            + " AND a.lastSeen < :cutoff AND a.lastActivity < :cutoff";

    @PersistenceContext EntityManager em;
    @Inject Clock clock;
    @Inject TaskLocks locks;

    public boolean anyStale(Instant cutoff) {
      // No setMaxResults: EclipseLink would generate the SQL again on every call (the rows are
      // almost always none, so fetching them all costs nothing).
      return !em.createQuery(STALE, Object[].class)
          .setParameter("cutoff", cutoff)
          .getResultList()
          .isEmpty();
    }

    @Writes
    public void release(Instant cutoff, String threshold) {
      List<Object[]> stale =
          em.createQuery(STALE, Object[].class).setParameter("cutoff", cutoff).getResultList();
      Instant now = clock.instant();
      for (Object[] row : stale) {
        locks.reclaim(
            (Task) row[0],
            AgentStatus.offline,
            "Lock released: " + row[1] + " inactive for more than " + threshold,
            now);
      }
    }
  }
}
