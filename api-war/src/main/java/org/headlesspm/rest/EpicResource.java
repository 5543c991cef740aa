package org.headlesspm.rest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.headlesspm.api.EpicCreate;
import org.headlesspm.api.EpicResponse;
import org.headlesspm.api.MessageResponse;
import org.headlesspm.planning.PlanningService;
import org.headlesspm.rest.json.JsonBody;
import org.headlesspm.rest.json.Required;

/** Epics: E19–E22. */
@Path("api/v1/epics")
@Produces(MediaType.APPLICATION_JSON)
@ApplicationScoped
public class EpicResource {

  @Inject PlanningService planning;

  @POST
  public EpicResponse createEpic(
      @QueryParam("agent_id") String agentId,
      @QueryParam("project_id") Long projectId,
      String body) {
    Required.query("agent_id", agentId);
    JsonBody json = JsonBody.parse(body);
    EpicCreate request =
        new EpicCreate(json.requiredName("name"), json.requiredText("description"));
    json.check();
    return planning.createEpic(agentId, projectId, request);
  }

  @GET
  public List<EpicResponse> listEpics(@QueryParam("project_id") Long projectId) {
    return planning.listEpics(projectId);
  }

  @GET
  @Path("{epic_id}")
  public EpicResponse getEpic(@PathParam("epic_id") long epicId) {
    return planning.getEpic(epicId);
  }

  @DELETE
  @Path("{epic_id}")
  public MessageResponse deleteEpic(
      @PathParam("epic_id") long epicId, @QueryParam("agent_id") String agentId) {
    return planning.deleteEpic(epicId, Required.query("agent_id", agentId));
  }
}
