package org.headlesspm.rest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.headlesspm.agent.AgentService;
import org.headlesspm.api.AgentAvailabilityResponse;
import org.headlesspm.api.AgentResponse;
import org.headlesspm.api.AgentRole;
import org.headlesspm.api.MessageResponse;
import org.headlesspm.rest.json.Required;

/** Agent records: E6–E9. */
@Path("api/v1/agents")
@Produces(MediaType.APPLICATION_JSON)
@ApplicationScoped
public class AgentResource {

  @Inject AgentService agents;

  @GET
  public List<AgentResponse> list(@QueryParam("project_id") Long projectId) {
    return agents.list(projectId);
  }

  @DELETE
  @Path("{agent_id}")
  public MessageResponse delete(
      @PathParam("agent_id") String agentId,
      @QueryParam("requester_agent_id") String requester,
      @QueryParam("project_id") Long projectId) {
    return agents.delete(
        agentId,
        Required.query("requester_agent_id", requester),
        Required.query("project_id", projectId));
  }

  @GET
  @Path("availability")
  public List<AgentAvailabilityResponse> availability(
      @QueryParam("project_id") Long projectId, @QueryParam("role") AgentRole role) {
    return agents.availability(Required.query("project_id", projectId), role);
  }

  @GET
  @Path("{agent_id}/availability")
  public AgentAvailabilityResponse availabilityOf(
      @PathParam("agent_id") String agentId, @QueryParam("project_id") Long projectId) {
    return agents.availabilityOf(agentId, Required.query("project_id", projectId));
  }
}
