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
import org.headlesspm.api.MessageResponse;
import org.headlesspm.api.ServiceRegistration;
import org.headlesspm.api.ServiceResponse;
import org.headlesspm.api.ServiceStatus;
import org.headlesspm.registry.ServiceRegistry;
import org.headlesspm.rest.json.JsonBody;
import org.headlesspm.rest.json.Required;

/** Services agents run: E44–E47. */
@Path("api/v1/services")
@Produces(MediaType.APPLICATION_JSON)
@ApplicationScoped
public class ServiceResource {

  private static final int MAX_SERVICE_NAME = 100;

  @Inject ServiceRegistry registry;
  @Inject ProjectScope scope;

  @POST
  @Path("register")
  public ServiceResponse register(
      @QueryParam("agent_id") String agentId,
      @QueryParam("project_id") Long projectId,
      String body) {
    Required.query("agent_id", agentId);
    JsonBody json = JsonBody.parse(body);
    ServiceRegistration request =
        new ServiceRegistration(
            json.text("service_name", true, MAX_SERVICE_NAME),
            json.requiredName("ping_url"),
            json.optionalInt("port"),
            json.enumValue("status", ServiceStatus.class, false),
            json.object("meta_data"));
    json.check();
    return registry.register(scope.resolve(projectId, agentId), agentId, request);
  }

  @GET
  public List<ServiceResponse> list(
      @QueryParam("project_id") Long projectId, @QueryParam("agent_id") String agentId) {
    return registry.list(scope.resolve(projectId, agentId));
  }

  @POST
  @Path("{service_name}/heartbeat")
  public ServiceResponse heartbeat(
      @PathParam("service_name") String serviceName,
      @QueryParam("agent_id") String agentId,
      @QueryParam("project_id") Long projectId) {
    Required.query("agent_id", agentId);
    return registry.heartbeat(scope.resolve(projectId, agentId), serviceName, agentId);
  }

  @DELETE
  @Path("{service_name}")
  public MessageResponse unregister(
      @PathParam("service_name") String serviceName,
      @QueryParam("agent_id") String agentId,
      @QueryParam("project_id") Long projectId) {
    Required.query("agent_id", agentId);
    return registry.unregister(scope.resolve(projectId, agentId), serviceName, agentId);
  }
}
