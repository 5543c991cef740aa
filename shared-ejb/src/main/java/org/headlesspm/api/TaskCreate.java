package org.headlesspm.api;

/** Body of {@code POST /api/v1/tasks/create}; a null complexity means {@code major}. */
public record TaskCreate(
    Long featureId,
    String title,
    String description,
    AgentRole targetRole,
    DifficultyLevel difficulty,
    TaskComplexity complexity,
    String branch) {}
