package org.headlesspm.rest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.headlesspm.api.MessageResponse;
import org.headlesspm.rest.json.Required;
import org.headlesspm.timetracking.TimeTrackingService;

/** Time entries: E63 (only DELETE; other methods answer 405). */
@Path("api/v1/time-entries")
@Produces(MediaType.APPLICATION_JSON)
@ApplicationScoped
public class TimeEntryResource {

  @Inject TimeTrackingService time;

  @DELETE
  @Path("{entry_id}")
  public MessageResponse delete(
      @PathParam("entry_id") long entryId, @QueryParam("agent_id") String agentId) {
    return time.delete(entryId, Required.query("agent_id", agentId));
  }
}
