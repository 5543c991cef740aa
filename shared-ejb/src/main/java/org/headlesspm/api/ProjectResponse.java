package org.headlesspm.api;

import java.time.Instant;

/** A project with its entity counts (API.md 2.4). */
public record ProjectResponse(
    long id,
    String name,
    String description,
    String sharedPath,
    String instructionsPath,
    String projectDocsPath,
    String codeGuidelinesPath,
    Instant createdAt,
    Instant updatedAt,
    long agentCount,
    long epicCount,
    long taskCount) {}
