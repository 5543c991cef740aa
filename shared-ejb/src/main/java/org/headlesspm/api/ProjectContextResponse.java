package org.headlesspm.api;

/** Where a project's files and code live, and which database the server uses (API.md 2.4). */
public record ProjectContextResponse(
    long projectId,
    String projectName,
    String sharedPath,
    String instructionsPath,
    String projectDocsPath,
    String codeGuidelinesPath,
    String repositoryUrl,
    String repositoryMainBranch,
    String repositoryClonePath,
    String databaseType) {}
