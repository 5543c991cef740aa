package org.headlesspm.api;

import java.time.Instant;
import java.util.List;

/** {@code GET /health}: {@code status} is {@code healthy} or {@code degraded}. */
public record ServerHealth(
    String status,
    String service,
    String version,
    long pid,
    String database,
    Instant timestamp,
    List<String> dependsOn,
    String databaseLocation) {}
