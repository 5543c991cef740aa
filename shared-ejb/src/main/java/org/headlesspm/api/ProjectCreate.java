package org.headlesspm.api;

/** Body of {@code POST /api/v1/projects}; the three path fields are accepted and ignored. */
public record ProjectCreate(
    String name,
    String description,
    String sharedPath,
    String instructionsPath,
    String projectDocsPath,
    String codeGuidelinesPath) {

  public ProjectCreate(String name, String description) {
    this(name, description, null, null, null, null);
  }
}
