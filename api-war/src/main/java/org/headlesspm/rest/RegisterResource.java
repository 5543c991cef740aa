package org.headlesspm.rest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.headlesspm.agent.AgentService;
import org.headlesspm.api.AgentRegistration;
import org.headlesspm.api.AgentRegistrationResponse;
import org.headlesspm.api.AgentRole;
import org.headlesspm.api.ConnectionType;
import org.headlesspm.api.DifficultyLevel;
import org.headlesspm.rest.json.JsonBody;

/** Registration: E5. */
@Path("api/v1/register")
@Produces(MediaType.APPLICATION_JSON)
@ApplicationScoped
public class RegisterResource {

  @Inject AgentService agents;

  @POST
  public AgentRegistrationResponse register(String body) {
    JsonBody json = JsonBody.parse(body);
    AgentRegistration request =
        new AgentRegistration(
            json.requiredHandle("agent_id"),
            json.requiredInteger("project_id"),
            json.enumValue("role", AgentRole.class, true),
            json.enumValue("level", DifficultyLevel.class, true),
            json.enumValue("connection_type", ConnectionType.class, false));
    json.check();
    return agents.register(request);
  }
}
