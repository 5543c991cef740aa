package org.headlesspm.rest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.headlesspm.agent.Agents;
import org.headlesspm.api.ApiError;
import org.headlesspm.project.Project;
import org.headlesspm.project.ProjectService;

/**
 * The project of a route whose {@code project_id} is optional (API.md 1.12): the one given; else
 * the acting agent's (its most recently seen record); else the default project.
 */
@ApplicationScoped
public class ProjectScope {

  @Inject Agents agents;
  @Inject ProjectService projects;

  public long resolve(Long projectId, String agentId) {
    if (projectId != null) {
      return projectId;
    }
    return agents.projectOf(agentId).orElseGet(this::defaultProject);
  }

  public long defaultProject() {
    return projects
        .defaultProject()
        .map(Project::getId)
        .orElseThrow(() -> ApiError.notFound("Default project not found"));
  }
}
