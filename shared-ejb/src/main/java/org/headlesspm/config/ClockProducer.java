package org.headlesspm.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;
import java.time.Duration;

/** The one clock: UTC, ticking in microseconds, the finest unit the database stores. */
@ApplicationScoped
public class ClockProducer {

  @Produces
  Clock clock() {
    return Clock.tick(Clock.systemUTC(), Duration.ofNanos(1_000));
  }
}
