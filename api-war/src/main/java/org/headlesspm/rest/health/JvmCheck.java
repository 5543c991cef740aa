package org.headlesspm.rest.health;

import jakarta.enterprise.context.ApplicationScoped;
import java.lang.management.ManagementFactory;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/** The process answers: version, pid, uptime and heap use as data. */
@Liveness
@ApplicationScoped
public class JvmCheck implements HealthCheck {

  @Override
  public HealthCheckResponse call() {
    Runtime runtime = Runtime.getRuntime();
    long used = runtime.totalMemory() - runtime.freeMemory();
    return HealthCheckResponse.named("jvm")
        .up()
        .withData("version", Runtime.version().toString())
        .withData("pid", ProcessHandle.current().pid())
        .withData("uptime_ms", ManagementFactory.getRuntimeMXBean().getUptime())
        .withData("heap_used_percent", Math.round(100.0 * used / runtime.maxMemory()))
        .build();
  }
}
