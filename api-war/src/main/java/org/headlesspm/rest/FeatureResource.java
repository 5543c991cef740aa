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
import org.headlesspm.api.FeatureCreate;
import org.headlesspm.api.FeatureResponse;
import org.headlesspm.api.MessageResponse;
import org.headlesspm.planning.PlanningService;
import org.headlesspm.rest.json.JsonBody;
import org.headlesspm.rest.json.Required;

/** Features: E23–E25. */
@Path("api/v1/features")
@Produces(MediaType.APPLICATION_JSON)
@ApplicationScoped
public class FeatureResource {

  @Inject PlanningService planning;

  @POST
  public FeatureResponse createFeature(@QueryParam("agent_id") String agentId, String body) {
    Required.query("agent_id", agentId);
    JsonBody json = JsonBody.parse(body);
    FeatureCreate request =
        new FeatureCreate(
            json.requiredInteger("epic_id"),
            json.requiredName("name"),
            json.requiredText("description"));
    json.check();
    return planning.createFeature(agentId, request);
  }

  /** Features of an epic ({@code []} for an unknown epic, as in the reference). */
  @GET
  @Path("{epic_id}")
  public List<FeatureResponse> listFeatures(@PathParam("epic_id") long epicId) {
    return planning.listFeatures(epicId);
  }

  @DELETE
  @Path("{feature_id}")
  public MessageResponse deleteFeature(
      @PathParam("feature_id") long featureId, @QueryParam("agent_id") String agentId) {
    return planning.deleteFeature(featureId, Required.query("agent_id", agentId));
  }
}
