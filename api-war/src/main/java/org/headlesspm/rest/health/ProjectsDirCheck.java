package org.headlesspm.rest.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.headlesspm.config.HeadlessPmConfig;

/** The projects folder exists and is writable. */
@Readiness
@ApplicationScoped
public class ProjectsDirCheck implements HealthCheck {

  @Inject HeadlessPmConfig config;

  @Override
  public HealthCheckResponse call() {
    Path dir = config.projectsDir();
    boolean ok = Files.isDirectory(dir) && Files.isWritable(dir);
    return HealthCheckResponse.named("projects-dir")
        .status(ok)
        .withData("path", dir.toString())
        .build();
  }
}
