package org.headlesspm.api;

import java.time.Instant;

/**
 * A task as every task endpoint returns it (API.md 2.4), with its type and the time recorded on it
 * (API-ADDENDUM.md A2.4).
 */
public record TaskResponse(
    long id,
    long featureId,
    long epicId,
    long projectId,
    String title,
    String description,
    String createdBy,
    AgentRole targetRole,
    DifficultyLevel difficulty,
    TaskComplexity complexity,
    String branch,
    TaskStatus status,
    String lockedBy,
    Instant lockedAt,
    String notes,
    Instant createdAt,
    Instant updatedAt,
    TaskType taskType,
    Integer pollInterval,
    long totalTimeMinutes,
    String totalTimeFormatted) {}
