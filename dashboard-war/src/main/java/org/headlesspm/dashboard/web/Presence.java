package org.headlesspm.dashboard.web;

import java.time.Duration;
import java.time.Instant;

/** An agent's presence from its last contact (DASHBOARD.md 2.10). */
public enum Presence {
  ONLINE("Online"),
  RECENT("Recently active"),
  OFFLINE("Offline");

  private final String label;

  Presence(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  public static Presence of(Instant lastSeen, Instant now) {
    if (lastSeen == null) {
      return OFFLINE;
    }
    Duration age = Duration.between(lastSeen, now);
    if (age.compareTo(Duration.ofMinutes(5)) < 0) {
      return ONLINE;
    }
    return age.compareTo(Duration.ofMinutes(60)) < 0 ? RECENT : OFFLINE;
  }
}
