package org.headlesspm.rest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.headlesspm.api.ProjectContextResponse;
import org.headlesspm.operations.DatabaseProbe;
import org.headlesspm.project.ProjectService;
import org.headlesspm.rest.security.PublicRoute;

/** Where a project's files live: E18, and the public default-project variant E58. */
@Path("api/v1/context")
@Produces(MediaType.APPLICATION_JSON)
@ApplicationScoped
public class ContextResource {

  @Inject ProjectService projects;
  @Inject DatabaseProbe database;
  @Inject ProjectScope scope;

  @GET
  @Path("{project_id}")
  public ProjectContextResponse context(@PathParam("project_id") long projectId) {
    return projects.context(projectId, database.kind());
  }

  @GET
  @PublicRoute
  public ProjectContextResponse defaultContext() {
    return context(scope.defaultProject());
  }
}
