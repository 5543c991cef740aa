package org.headlesspm.rest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.headlesspm.api.ChangelogResponse;
import org.headlesspm.rest.json.Required;
import org.headlesspm.task.TaskService;

/** Task status history: E35 (unknown parameters such as {@code hours} are ignored). */
@Path("api/v1/changelog")
@Produces(MediaType.APPLICATION_JSON)
@ApplicationScoped
public class ChangelogResource {

  @Inject TaskService tasks;

  @GET
  public List<ChangelogResponse> list(
      @QueryParam("limit") Integer limit,
      @QueryParam("project_id") Long projectId,
      @QueryParam("task_id") Long taskId) {
    return tasks.changelog(Required.limit(limit, 50), projectId, taskId);
  }
}
