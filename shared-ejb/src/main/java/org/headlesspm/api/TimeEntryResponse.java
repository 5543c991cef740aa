package org.headlesspm.api;

import java.time.Instant;

/** Time recorded on a task; negative minutes are a correction. */
public record TimeEntryResponse(
    long id, long taskId, long minutes, String description, String createdBy, Instant createdAt) {}
