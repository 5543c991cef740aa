package org.headlesspm.agent;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.Set;
import java.util.logging.Logger;
import org.headlesspm.api.AgentRole;
import org.headlesspm.api.ConnectionType;
import org.headlesspm.api.DifficultyLevel;
import org.headlesspm.project.ProjectCreated;
import org.headlesspm.storage.Writes;

/**
 * The dashboard acts as {@code dashboard-user}: one record per project, role {@code ui_admin},
 * created with the project and repaired at every start (API-ADDENDUM.md A4.1).
 */
@ApplicationScoped
@Transactional
public class DashboardIdentity {

  public static final String HANDLE = "dashboard-user";

  /** Handles no external agent may register with. */
  public static final Set<String> RESERVED_HANDLES = Set.of(HANDLE, "system-admin");

  private static final Logger LOG = Logger.getLogger(DashboardIdentity.class.getName());

  @PersistenceContext EntityManager em;
  @Inject Clock clock;
  @Inject Agents agents;

  /** A new project gets its dashboard record in the transaction that creates it. */
  void onProjectCreated(@Observes ProjectCreated created) {
    ensure(created.projectId());
  }

  /** Every project has exactly one sound dashboard record. */
  @Writes
  public void ensureEveryProject() {
    for (Long projectId :
        em.createQuery("SELECT p.id FROM Project p", Long.class).getResultList()) {
      ensure(projectId);
    }
  }

  private void ensure(long projectId) {
    agents
        .find(HANDLE, projectId)
        .ifPresentOrElse(
            existing -> {
              if (existing.repairAsDashboard()) {
                LOG.info("Repaired the dashboard-user record of project " + projectId);
              }
            },
            () ->
                em.persist(
                    new Agent(
                        HANDLE,
                        projectId,
                        AgentRole.ui_admin,
                        DifficultyLevel.principal,
                        ConnectionType.ui,
                        clock.instant())));
    em.flush();
  }
}
