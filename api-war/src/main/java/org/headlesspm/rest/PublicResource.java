package org.headlesspm.rest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.headlesspm.agent.AgentService;
import org.headlesspm.api.AgentResponse;
import org.headlesspm.api.AgentRole;
import org.headlesspm.api.ApiHealth;
import org.headlesspm.api.ChangelogResponse;
import org.headlesspm.api.DifficultyLevel;
import org.headlesspm.api.EpicResponse;
import org.headlesspm.api.FeatureResponse;
import org.headlesspm.api.ProjectContextResponse;
import org.headlesspm.api.ProjectResponse;
import org.headlesspm.api.TaskResponse;
import org.headlesspm.api.TaskStatus;
import org.headlesspm.operations.DatabaseProbe;
import org.headlesspm.planning.PlanningService;
import org.headlesspm.project.ProjectService;
import org.headlesspm.rest.health.HealthReport;
import org.headlesspm.rest.json.Required;
import org.headlesspm.rest.security.PublicRoute;
import org.headlesspm.task.TaskPolling;
import org.headlesspm.task.TaskService;

/** Read-only mirrors that need no key: E49–E57, answered exactly like their keyed twins. */
@Path("api/v1/public")
@Produces(MediaType.APPLICATION_JSON)
@PublicRoute
@ApplicationScoped
public class PublicResource {

  @Inject HealthReport health;
  @Inject AgentService agents;
  @Inject ProjectService projects;
  @Inject PlanningService planning;
  @Inject TaskService tasks;
  @Inject TaskPolling polling;
  @Inject DatabaseProbe database;

  @GET
  @Path("health")
  public ApiHealth health() {
    return health.apiHealth();
  }

  @GET
  @Path("agents")
  public List<AgentResponse> agents(@QueryParam("project_id") Long projectId) {
    return agents.list(projectId);
  }

  @GET
  @Path("context/{project_id}")
  public ProjectContextResponse context(@PathParam("project_id") long projectId) {
    return projects.context(projectId, database.kind());
  }

  @GET
  @Path("epics")
  public List<EpicResponse> epics(@QueryParam("project_id") Long projectId) {
    return planning.listEpics(projectId);
  }

  @GET
  @Path("features/{epic_id}")
  public List<FeatureResponse> features(@PathParam("epic_id") long epicId) {
    return planning.listFeatures(epicId);
  }

  @GET
  @Path("tasks")
  public List<TaskResponse> tasks(
      @QueryParam("status") TaskStatus status,
      @QueryParam("role") AgentRole role,
      @QueryParam("project_id") Long projectId,
      @QueryParam("limit") Integer limit) {
    return tasks.list(status, role, projectId, limit == null ? null : Required.limit(limit, 0));
  }

  /** One immediate check, never waiting; {@code level} is accepted for {@code skill_level}. */
  @GET
  @Path("tasks/next")
  public Response next(
      @QueryParam("role") AgentRole role,
      @QueryParam("skill_level") DifficultyLevel skillLevel,
      @QueryParam("level") DifficultyLevel level,
      @QueryParam("agent_id") String agentId,
      @QueryParam("project_id") Long projectId) {
    Required.query("role", role);
    DifficultyLevel effective =
        Required.query("skill_level", skillLevel != null ? skillLevel : level);
    Required.query("agent_id", agentId);
    return JsonAnswers.orNull(polling.nextNow(role, effective, projectId));
  }

  @GET
  @Path("changelog")
  public List<ChangelogResponse> changelog(
      @QueryParam("limit") Integer limit,
      @QueryParam("project_id") Long projectId,
      @QueryParam("task_id") Long taskId) {
    return tasks.changelog(Required.limit(limit, 50), projectId, taskId);
  }

  @GET
  @Path("projects")
  public List<ProjectResponse> projects() {
    return projects.list();
  }
}
