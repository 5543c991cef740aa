package org.headlesspm.rest.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;
import org.headlesspm.operations.DatabaseProbe;

/** The database answers a trivial query; reports where it is and its journal mode. */
@Readiness
@ApplicationScoped
public class DatabaseCheck implements HealthCheck {

  @Inject DatabaseProbe probe;

  @Override
  public HealthCheckResponse call() {
    DatabaseProbe.Result result = probe.probe();
    HealthCheckResponseBuilder check =
        HealthCheckResponse.named("database")
            .status(result.healthy())
            .withData("kind", result.kind());
    if (result.location() != null) {
      check.withData("location", result.location());
    }
    if (result.journalMode() != null) {
      check.withData("journal_mode", result.journalMode());
    }
    if (result.error() != null) {
      check.withData("error", result.error());
    }
    return check.build();
  }
}
