package org.headlesspm.api;

import jakarta.json.JsonObject;
import java.time.Instant;

/** A service an agent runs, with its last heartbeat and ping result. */
public record ServiceResponse(
    long id,
    long projectId,
    String serviceName,
    String ownerAgentId,
    String pingUrl,
    Integer port,
    ServiceStatus status,
    Instant lastHeartbeat,
    Instant lastPingAt,
    Boolean lastPingSuccess,
    JsonObject metaData,
    Instant updatedAt) {}
