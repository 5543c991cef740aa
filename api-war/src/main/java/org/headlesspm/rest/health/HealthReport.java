package org.headlesspm.rest.health;

import static org.headlesspm.api.JsonFactory.JSON;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.lang.annotation.Annotation;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.headlesspm.api.ApiHealth;
import org.headlesspm.api.ServerHealth;
import org.headlesspm.config.HeadlessPmConfig;
import org.headlesspm.operations.Bootstrap;
import org.headlesspm.operations.DatabaseProbe;

/**
 * The health documents: the reference's JSON at {@code /health} and {@code /api/v1/health}, and
 * MicroProfile Health answers built from the same check beans Payara serves at {@code /mp-health},
 * so the two can never disagree (OPERATIONS.md 8.4).
 */
@ApplicationScoped
public class HealthReport {

  public static final String SERVICE = "headless-pm-api";

  @Inject DatabaseProbe database;
  @Inject Bootstrap bootstrap;
  @Inject HeadlessPmConfig config;
  @Inject Clock clock;
  @Inject @Any Instance<HealthCheck> checks;

  public ServerHealth serverHealth() {
    DatabaseProbe.Result db = database.probe();
    return new ServerHealth(
        verdict(db),
        SERVICE,
        config.version(),
        ProcessHandle.current().pid(),
        databaseText(db),
        clock.instant(),
        List.of(),
        db.location());
  }

  public ApiHealth apiHealth() {
    DatabaseProbe.Result db = database.probe();
    return new ApiHealth(verdict(db), SERVICE, config.version(), databaseText(db), clock.instant());
  }

  /** {@code {"status": "UP"|"DOWN", "checks": [...]}} for one kind of check. */
  public JsonObject evaluate(Annotation kind) {
    boolean up = true;
    JsonArrayBuilder list = JSON.createArrayBuilder();
    for (HealthCheck check : checks.select(kind)) {
      HealthCheckResponse response;
      try {
        response = check.call();
      } catch (RuntimeException e) {
        response = HealthCheckResponse.named(check.getClass().getSimpleName()).down().build();
      }
      up &= response.getStatus() == HealthCheckResponse.Status.UP;
      JsonObjectBuilder item =
          JSON.createObjectBuilder()
              .add("name", response.getName())
              .add("status", response.getStatus().name());
      response.getData().filter(d -> !d.isEmpty()).ifPresent(d -> item.add("data", toJson(d)));
      list.add(item);
    }
    return JSON.createObjectBuilder().add("status", up ? "UP" : "DOWN").add("checks", list).build();
  }

  private String verdict(DatabaseProbe.Result db) {
    return db.healthy() && bootstrap.isStarted() ? "healthy" : "degraded";
  }

  private static String databaseText(DatabaseProbe.Result db) {
    return db.healthy() ? "healthy" : "unhealthy: " + db.error();
  }

  private static JsonObjectBuilder toJson(Map<String, Object> data) {
    JsonObjectBuilder out = JSON.createObjectBuilder();
    data.forEach(
        (key, value) -> {
          if (value instanceof Number n) {
            out.add(key, n.longValue());
          } else if (value instanceof Boolean b) {
            out.add(key, b);
          } else {
            out.add(key, String.valueOf(value));
          }
        });
    return out;
  }
}
