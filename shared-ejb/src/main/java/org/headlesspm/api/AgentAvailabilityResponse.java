package org.headlesspm.api;

import java.time.Instant;

/** Whether an agent is free, and what it holds if not. */
public record AgentAvailabilityResponse(
    String agentId,
    long projectId,
    boolean isAvailable,
    Long currentTaskId,
    String currentTaskTitle,
    Instant lastActivity,
    AgentStatus status) {}
