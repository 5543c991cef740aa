package org.headlesspm.task;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class StaleLocksTest {

  @Test
  void theThresholdIsNamedInMinutesWhenWhole() {
    assertEquals("30 minutes", StaleLocks.describe(Duration.ofMinutes(30)));
    assertEquals("90 seconds", StaleLocks.describe(Duration.ofSeconds(90)));
  }
}
