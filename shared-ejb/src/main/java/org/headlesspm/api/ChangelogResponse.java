package org.headlesspm.api;

import java.time.Instant;

/** One status transition of a task. */
public record ChangelogResponse(
    long id,
    long taskId,
    TaskStatus oldStatus,
    TaskStatus newStatus,
    String changedBy,
    String notes,
    Instant changedAt) {}
