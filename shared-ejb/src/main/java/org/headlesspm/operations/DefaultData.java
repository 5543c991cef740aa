package org.headlesspm.operations;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.headlesspm.agent.DashboardIdentity;
import org.headlesspm.api.ProjectCreate;
import org.headlesspm.project.ProjectFolders;
import org.headlesspm.project.ProjectService;
import org.headlesspm.storage.Writes;

/**
 * What every start makes sure of, after the migrations (API.md 4.12, API-ADDENDUM.md A4.9):
 * repository settings for older projects, the {@code Headless-PM} project with its folders, and a
 * sound {@code dashboard-user} record in every project.
 */
@ApplicationScoped
@Transactional
public class DefaultData {

  @Inject ProjectService projects;
  @Inject ProjectFolders folders;
  @Inject DashboardIdentity dashboard;

  @Writes
  public void ensure() {
    projects.backfillRepositories();
    if (projects.findByName(ProjectService.DEFAULT_PROJECT_NAME).isEmpty()) {
      projects.create(
          new ProjectCreate(
              ProjectService.DEFAULT_PROJECT_NAME,
              "Headless PM application development and infrastructure",
              null,
              null,
              null,
              "./CLAUDE.md",
              null,
              null,
              null));
    }
    projects
        .findByName(ProjectService.DEFAULT_PROJECT_NAME)
        .ifPresent(project -> folders.create(ProjectService.directoryOf(project)));
    dashboard.ensureEveryProject();
  }
}
