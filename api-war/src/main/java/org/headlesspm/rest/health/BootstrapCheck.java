package org.headlesspm.rest.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.eclipse.microprofile.health.Startup;
import org.headlesspm.config.HeadlessPmConfig;
import org.headlesspm.operations.Bootstrap;

/**
 * Start-up finished: migrations, default data, and an API key fit for the environment (production
 * refuses the template keys). Also a readiness check, so that a failed start keeps the API out of
 * service.
 */
@Startup
@Readiness
@ApplicationScoped
public class BootstrapCheck implements HealthCheck {

  @Inject Bootstrap bootstrap;
  @Inject HeadlessPmConfig config;

  @Override
  public HealthCheckResponse call() {
    Optional<String> problem = bootstrap.failure().or(config::apiKeyProblem);
    if (!bootstrap.isStarted() && problem.isEmpty()) {
      problem = Optional.of("starting");
    }
    var check = HealthCheckResponse.named("bootstrap").status(problem.isEmpty());
    problem.ifPresent(p -> check.withData("error", p));
    return check.build();
  }
}
