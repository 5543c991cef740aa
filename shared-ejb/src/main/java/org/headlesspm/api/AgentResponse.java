package org.headlesspm.api;

import java.time.Instant;

/** One agent record (an agent handle registered in one project). */
public record AgentResponse(
    long id,
    String agentId,
    long projectId,
    String projectName,
    AgentRole role,
    DifficultyLevel level,
    ConnectionType connectionType,
    Instant lastSeen) {}
