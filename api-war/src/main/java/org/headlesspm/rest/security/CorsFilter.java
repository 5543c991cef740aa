package org.headlesspm.rest.security;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.util.List;
import org.headlesspm.config.HeadlessPmConfig;

/**
 * Permissive CORS as in the reference (API.md 1.10): the request's origin is echoed with
 * credentials allowed; preflights are answered here, before matching and without a key. An operator
 * may restrict origins with {@code headless-pm.api.cors.allowed-origins}.
 */
@Provider
@PreMatching
public class CorsFilter implements ContainerRequestFilter, ContainerResponseFilter {

  @Inject HeadlessPmConfig config;

  @Override
  public void filter(ContainerRequestContext request) {
    String origin = request.getHeaderString("Origin");
    boolean preflight =
        "OPTIONS".equals(request.getMethod())
            && origin != null
            && request.getHeaderString("Access-Control-Request-Method") != null;
    if (!preflight) {
      return;
    }
    Response.ResponseBuilder answer = Response.ok();
    if (allowed(origin)) {
      String headers = request.getHeaderString("Access-Control-Request-Headers");
      answer
          .header("Access-Control-Allow-Origin", origin)
          .header("Access-Control-Allow-Credentials", "true")
          .header("Access-Control-Allow-Methods", "DELETE, GET, HEAD, OPTIONS, PATCH, POST, PUT")
          .header("Access-Control-Max-Age", "600")
          .header("Vary", "Origin");
      if (headers != null) {
        answer.header("Access-Control-Allow-Headers", headers);
      }
    }
    request.abortWith(answer.build());
  }

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    String origin = request.getHeaderString("Origin");
    MultivaluedMap<String, Object> headers = response.getHeaders();
    if (origin != null && allowed(origin) && !headers.containsKey("Access-Control-Allow-Origin")) {
      headers.add("Access-Control-Allow-Origin", origin);
      headers.add("Access-Control-Allow-Credentials", "true");
      headers.add("Vary", "Origin");
    }
  }

  private boolean allowed(String origin) {
    List<String> origins = config.corsAllowedOrigins();
    return origins.isEmpty() || origins.contains(origin);
  }
}
