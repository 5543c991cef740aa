package org.headlesspm.api;

import java.time.Instant;

/** A project with its repository settings and entity counts (API.md 2.4, API-ADDENDUM.md A2.4). */
public record ProjectResponse(
    long id,
    String name,
    String description,
    String sharedPath,
    String instructionsPath,
    String projectDocsPath,
    String codeGuidelinesPath,
    String repositoryUrl,
    String repositoryMainBranch,
    String repositoryClonePath,
    Instant createdAt,
    Instant updatedAt,
    long agentCount,
    long epicCount,
    long taskCount) {}
