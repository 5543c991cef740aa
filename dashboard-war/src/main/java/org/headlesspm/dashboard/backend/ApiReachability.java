package org.headlesspm.dashboard.backend;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;

/** When the API last answered, across requests: shown in the "API unreachable" banner. */
@ApplicationScoped
public class ApiReachability {

  private volatile Instant lastSuccess;

  void succeeded() {
    lastSuccess = Instant.now();
  }

  public Instant lastSuccess() {
    return lastSuccess;
  }
}
