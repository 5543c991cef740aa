package org.headlesspm.api;

import java.time.Instant;

/** An epic with the progress of its tasks. */
public record EpicResponse(
    long id,
    long projectId,
    String name,
    String description,
    Instant createdAt,
    long taskCount,
    long completedTaskCount,
    long inProgressTaskCount) {}
