package org.headlesspm.rest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import org.headlesspm.api.ChangesResponse;
import org.headlesspm.api.FieldError;
import org.headlesspm.api.InvalidRequest;
import org.headlesspm.api.Timestamps;
import org.headlesspm.changes.ChangeFeed;
import org.headlesspm.rest.json.Required;

/** The change feed: E48. */
@Path("api/v1/changes")
@Produces(MediaType.APPLICATION_JSON)
@ApplicationScoped
public class ChangesResource {

  @Inject ChangeFeed feed;
  @Inject ProjectScope scope;

  @GET
  public ChangesResponse changes(
      @QueryParam("since") String since,
      @QueryParam("project_id") Long projectId,
      @QueryParam("agent_id") String agentId) {
    Instant from;
    try {
      from = Timestamps.parseSince(Required.query("since", since));
    } catch (IllegalArgumentException e) {
      throw new InvalidRequest(
          FieldError.invalid("query", "since", e.getMessage(), "datetime_parsing"));
    }
    return feed.since(from, scope.resolve(projectId, agentId));
  }
}
