package org.headlesspm.api;

/**
 * Body of {@code PATCH /api/v1/projects/{id}}: each non-null field replaces the stored one; a blank
 * repository URL is generated again and a blank clone path clears it (API-ADDENDUM.md E13).
 */
public record ProjectUpdate(
    String description,
    String sharedPath,
    String instructionsPath,
    String projectDocsPath,
    String codeGuidelinesPath,
    String repositoryUrl,
    String repositoryMainBranch,
    String repositoryClonePath) {

  public ProjectUpdate(String description) {
    this(description, null, null, null, null, null, null, null);
  }
}
