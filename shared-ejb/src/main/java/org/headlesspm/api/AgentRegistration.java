package org.headlesspm.api;

/** Body of {@code POST /api/v1/register}; a null connection type means {@code client}. */
public record AgentRegistration(
    String agentId,
    Long projectId,
    AgentRole role,
    DifficultyLevel level,
    ConnectionType connectionType) {}
