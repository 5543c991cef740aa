package org.headlesspm.api;

/**
 * Body of {@code POST /api/v1/projects}; the three path fields are accepted and ignored; blank
 * repository settings are generated (API-ADDENDUM.md A4.5).
 */
public record ProjectCreate(
    String name,
    String description,
    String sharedPath,
    String instructionsPath,
    String projectDocsPath,
    String codeGuidelinesPath,
    String repositoryUrl,
    String repositoryMainBranch,
    String repositoryClonePath) {

  public ProjectCreate(String name, String description) {
    this(name, description, null, null, null, null, null, null, null);
  }
}
