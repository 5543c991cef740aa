package org.headlesspm.api;

import java.time.Instant;

/** {@code GET /api/v1/health}: the server health without process details. */
public record ApiHealth(
    String status, String service, String version, String database, Instant timestamp) {}
