package org.headlesspm.api;

/** Body of {@code PATCH /api/v1/projects/{id}}: each non-null field replaces the stored one. */
public record ProjectUpdate(
    String description,
    String sharedPath,
    String instructionsPath,
    String projectDocsPath,
    String codeGuidelinesPath) {}
