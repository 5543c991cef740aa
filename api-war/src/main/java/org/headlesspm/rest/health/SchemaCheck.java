package org.headlesspm.rest.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.headlesspm.operations.Bootstrap;

/** The schema is at the newest version this build carries. */
@Readiness
@ApplicationScoped
public class SchemaCheck implements HealthCheck {

  @Inject Bootstrap bootstrap;

  @Override
  public HealthCheckResponse call() {
    var builder = HealthCheckResponse.named("schema");
    return bootstrap
        .schema()
        .map(
            s ->
                builder
                    .status(s.upToDate())
                    .withData("version", String.valueOf(s.current()))
                    .withData("expected", String.valueOf(s.latest()))
                    .build())
        .orElseGet(() -> builder.down().withData("error", "migrations did not run").build());
  }
}
