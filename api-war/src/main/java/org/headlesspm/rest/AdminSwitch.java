package org.headlesspm.rest;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.util.Map;
import org.headlesspm.config.HeadlessPmConfig;

/**
 * The administration routes exist only while {@code headless-pm.admin.enabled} is true (otherwise
 * they answer 404 before the key is even checked), and every answer of theirs, errors included,
 * carries the exit code the calling script returns.
 */
@Provider
@Priority(Priorities.AUTHENTICATION - 10)
public class AdminSwitch implements ContainerRequestFilter, ContainerResponseFilter {

  @Context ResourceInfo resource;
  @Inject HeadlessPmConfig config;

  @Override
  public void filter(ContainerRequestContext request) {
    if (isAdmin() && !config.adminEnabled()) {
      request.abortWith(
          Response.status(Response.Status.NOT_FOUND)
              .type(MediaType.APPLICATION_JSON_TYPE)
              .entity(
                  Map.of(
                      "detail",
                      "Administration endpoints are disabled (headless-pm.admin.enabled=false)"))
              .build());
    }
  }

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    if (isAdmin() && !response.getHeaders().containsKey(AdminResource.EXIT_CODE)) {
      response.getHeaders().putSingle(AdminResource.EXIT_CODE, response.getStatus() < 400 ? 0 : 1);
    }
  }

  private boolean isAdmin() {
    return resource.getResourceClass() == AdminResource.class;
  }
}
