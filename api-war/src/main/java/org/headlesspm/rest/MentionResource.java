package org.headlesspm.rest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.headlesspm.api.AgentRole;
import org.headlesspm.api.MentionResponse;
import org.headlesspm.document.MentionService;
import org.headlesspm.rest.json.Required;

/** Mentions: E41–E43. */
@Path("api/v1/mentions")
@Produces(MediaType.APPLICATION_JSON)
@ApplicationScoped
public class MentionResource {

  @Inject MentionService mentions;
  @Inject ProjectScope scope;

  @GET
  public List<MentionResponse> list(
      @QueryParam("project_id") Long projectId,
      @QueryParam("agent_id") String agentId,
      @QueryParam("unread_only") @DefaultValue("false") Boolean unreadOnly,
      @QueryParam("limit") Integer limit) {
    return mentions.list(
        scope.resolve(projectId, agentId), agentId, unreadOnly, Required.limit(limit, 50));
  }

  /** An unknown role finds nobody rather than failing, as in the reference. */
  @GET
  @Path("by-role")
  public List<MentionResponse> byRole(
      @QueryParam("project_id") Long projectId,
      @QueryParam("role") String role,
      @QueryParam("unread_only") @DefaultValue("false") Boolean unreadOnly,
      @QueryParam("limit") Integer limit) {
    long project = scope.resolve(projectId, null);
    int max = Required.limit(limit, 50);
    if (role == null) {
      return mentions.list(project, null, unreadOnly, max);
    }
    AgentRole parsed;
    try {
      parsed = AgentRole.parse(role);
    } catch (IllegalArgumentException unknownRole) {
      return List.of();
    }
    return mentions.listByRole(project, parsed, unreadOnly, max);
  }

  @PUT
  @Path("{mention_id}/read")
  public MentionResponse markRead(
      @PathParam("mention_id") long mentionId, @QueryParam("agent_id") String agentId) {
    return mentions.markRead(mentionId, Required.query("agent_id", agentId));
  }
}
