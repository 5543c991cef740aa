package org.headlesspm.operations;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import org.headlesspm.agent.Agent;
import org.headlesspm.api.AgentRole;
import org.headlesspm.api.ConnectionType;
import org.headlesspm.api.DifficultyLevel;
import org.headlesspm.api.ProjectCreate;
import org.headlesspm.project.Project;
import org.headlesspm.project.ProjectFolders;
import org.headlesspm.project.ProjectService;
import org.headlesspm.storage.Writes;

/**
 * What every start makes sure of (API.md 4.12): the {@code Headless-PM} project with its folders,
 * and a {@code dashboard-user} agent for the dashboard.
 */
@ApplicationScoped
@Transactional
public class DefaultData {

  public static final String DASHBOARD_USER = "dashboard-user";

  @PersistenceContext EntityManager em;
  @Inject Clock clock;
  @Inject ProjectService projects;
  @Inject ProjectFolders folders;

  @Writes
  public void ensure() {
    Project project =
        projects
            .findByName(ProjectService.DEFAULT_PROJECT_NAME)
            .orElseGet(
                () -> {
                  long id =
                      projects
                          .create(
                              new ProjectCreate(
                                  ProjectService.DEFAULT_PROJECT_NAME,
                                  "Headless PM application development and infrastructure",
                                  null,
                                  null,
                                  null,
                                  "./CLAUDE.md"))
                          .id();
                  return em.find(Project.class, id);
                });
    folders.create(ProjectService.directoryOf(project));
    long dashboardUsers =
        em.createQuery("SELECT COUNT(a) FROM Agent a WHERE a.agentId = :handle", Long.class)
            .setParameter("handle", DASHBOARD_USER)
            .getSingleResult();
    if (dashboardUsers == 0) {
      em.persist(
          new Agent(
              DASHBOARD_USER,
              project.getId(),
              AgentRole.project_pm,
              DifficultyLevel.senior,
              ConnectionType.client,
              clock.instant()));
    }
  }
}
