package org.headlesspm.mcp.web;

import java.time.Duration;
import java.time.Instant;
import org.headlesspm.mcp.rest.RestGateway;

/** The REST API's {@code /health}, probed at most once per 5 s (MCP.md 1.8). */
public class ApiProbe {

  private static final Duration CACHE = Duration.ofSeconds(5);

  private final RestGateway rest;
  private RestGateway.Probe last;
  private Instant probedAt = Instant.EPOCH;

  public ApiProbe(RestGateway rest) {
    this.rest = rest;
  }

  public synchronized RestGateway.Probe get() {
    if (last == null || probedAt.plus(CACHE).isBefore(Instant.now())) {
      last = rest.probe();
      probedAt = Instant.now();
    }
    return last;
  }
}
