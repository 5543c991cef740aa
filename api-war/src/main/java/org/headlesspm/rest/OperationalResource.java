package org.headlesspm.rest;

import static org.headlesspm.api.JsonFactory.JSON;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.microprofile.health.Liveness;
import org.eclipse.microprofile.health.Readiness;
import org.eclipse.microprofile.health.Startup;
import org.headlesspm.api.ApiHealth;
import org.headlesspm.api.ServerHealth;
import org.headlesspm.api.ServerStatus;
import org.headlesspm.api.Timestamps;
import org.headlesspm.config.HeadlessPmConfig;
import org.headlesspm.operations.ServerCounts;
import org.headlesspm.rest.health.HealthReport;
import org.headlesspm.rest.security.PublicRoute;

/** Operational routes, all public: E1–E4 and the MicroProfile Health endpoints. */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
@PublicRoute
@ApplicationScoped
public class OperationalResource {

  @Inject HealthReport health;
  @Inject ServerCounts counts;
  @Inject HeadlessPmConfig config;
  @Inject Clock clock;

  @GET
  public JsonObject root() {
    return JSON.createObjectBuilder()
        .add("message", "Headless PM API")
        .add("docs", "/api/v1/docs")
        .add("health", "ok")
        .build();
  }

  @GET
  @Path("health")
  public ServerHealth serverHealth() {
    return health.serverHealth();
  }

  @GET
  @Path("api/v1/health")
  public ApiHealth apiHealth() {
    return health.apiHealth();
  }

  @GET
  @Path("health/live")
  public Response live() {
    return mpHealth(health.evaluate(Liveness.Literal.INSTANCE));
  }

  @GET
  @Path("health/ready")
  public Response ready() {
    return mpHealth(health.evaluate(Readiness.Literal.INSTANCE));
  }

  @GET
  @Path("health/started")
  public Response started() {
    return mpHealth(health.evaluate(Startup.Literal.INSTANCE));
  }

  /** Counters over all projects; a database failure is reported, not thrown (reference). */
  @GET
  @Path("status")
  public Response status() {
    try {
      return Response.ok(
              new ServerStatus(
                  "headless-pm-api", config.version(), counts.count(), clock.instant()))
          .build();
    } catch (RuntimeException e) {
      Map<String, Object> failure = new LinkedHashMap<>();
      failure.put("service", "headless-pm-api");
      failure.put("version", config.version());
      failure.put("error", String.valueOf(e.getMessage()));
      failure.put("timestamp", Timestamps.format(clock.instant()));
      return Response.ok(failure).build();
    }
  }

  /** Users of the original open {@code /docs} first. */
  @GET
  @Path("docs")
  public Response docs() {
    return Response.temporaryRedirect(URI.create("/api/v1/docs")).build();
  }

  private static Response mpHealth(JsonObject answer) {
    int status = "UP".equals(answer.getString("status")) ? 200 : 503;
    return Response.status(status).entity(answer).build();
  }
}
