package org.headlesspm.api;

/**
 * Body of {@code PUT /api/v1/tasks/{id}/details} (E59): each non-null field that differs replaces
 * the stored one; a blank branch is generated from the (new) title.
 */
public record TaskDetailsUpdate(
    String title,
    String description,
    AgentRole targetRole,
    DifficultyLevel difficulty,
    TaskComplexity complexity,
    TaskType taskType,
    String branch) {}
