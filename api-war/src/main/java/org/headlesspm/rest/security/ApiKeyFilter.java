package org.headlesspm.rest.security;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;
import org.headlesspm.config.HeadlessPmConfig;

/**
 * Every matched route needs {@code X-API-Key} unless it is a {@link PublicRoute} (API.md 1.3). It
 * runs after matching, so unknown paths still answer 404 and wrong methods 405, and before any
 * parameter or body is read, so a bad key with a bad body answers 401.
 */
@Provider
@Priority(Priorities.AUTHENTICATION)
public class ApiKeyFilter implements ContainerRequestFilter {

  public static final String HEADER = "X-API-Key";

  @Context ResourceInfo resource;
  @Inject HeadlessPmConfig config;

  @Override
  public void filter(ContainerRequestContext request) {
    if (isPublic()) {
      return;
    }
    String key = request.getHeaderString(HEADER);
    if (key == null || !accepted(key)) {
      request.abortWith(
          Response.status(Response.Status.UNAUTHORIZED)
              .type(MediaType.APPLICATION_JSON_TYPE)
              .entity(Map.of("detail", "Invalid API key"))
              .build());
    }
  }

  /** Routes Jersey answers by itself (automatic OPTIONS) have no resource method. */
  private boolean isPublic() {
    if (resource.getResourceMethod() == null) {
      return true;
    }
    return resource.getResourceMethod().isAnnotationPresent(PublicRoute.class)
        || resource.getResourceClass().isAnnotationPresent(PublicRoute.class);
  }

  private boolean accepted(String key) {
    byte[] given = key.getBytes(StandardCharsets.UTF_8);
    boolean match = false;
    for (String accepted : config.apiKeys()) {
      match |= MessageDigest.isEqual(given, accepted.getBytes(StandardCharsets.UTF_8));
    }
    return match;
  }
}
