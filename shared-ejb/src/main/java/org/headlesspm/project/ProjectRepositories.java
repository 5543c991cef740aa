package org.headlesspm.project;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import org.headlesspm.api.ApiError;
import org.headlesspm.api.ProjectCreate;
import org.headlesspm.api.ProjectUpdate;
import org.headlesspm.config.HeadlessPmConfig;
import org.headlesspm.project.Project.Repository;

/**
 * Where a project's code lives (API-ADDENDUM.md A4.5): blank values are generated from the
 * configuration, others validated. Metadata only: the server never touches a repository.
 */
@ApplicationScoped
public class ProjectRepositories {

  @Inject HeadlessPmConfig config;

  /** E10: absent or blank URL generated, branch {@code main}, clone path none. */
  public Repository forNewProject(String directory, ProjectCreate request) {
    return new Repository(
        isBlank(request.repositoryUrl()) ? generatedUrl(directory) : url(request.repositoryUrl()),
        isBlank(request.repositoryMainBranch())
            ? RepositorySettings.DEFAULT_MAIN_BRANCH
            : branch(request.repositoryMainBranch()),
        isBlank(request.repositoryClonePath()) ? null : clonePath(request.repositoryClonePath()));
  }

  /**
   * E13: absent keeps; a blank URL is generated again, a blank clone path cleared, a blank branch
   * refused.
   */
  public Repository afterUpdate(Project project, ProjectUpdate update) {
    Repository current = project.repository();
    String url = current.url();
    if (update.repositoryUrl() != null) {
      url =
          isBlank(update.repositoryUrl())
              ? generatedUrl(ProjectService.directoryOf(project))
              : url(update.repositoryUrl());
    }
    String branch =
        update.repositoryMainBranch() == null
            ? current.mainBranch()
            : branch(update.repositoryMainBranch());
    String clonePath = current.clonePath();
    if (update.repositoryClonePath() != null) {
      clonePath =
          isBlank(update.repositoryClonePath()) ? null : clonePath(update.repositoryClonePath());
    }
    return new Repository(url, branch, clonePath);
  }

  /** Start-up: settings for a project written before they existed, if it lacks any. */
  public Optional<Repository> backfill(Project project) {
    Repository current = project.repository();
    if (!isBlank(current.url()) && !isBlank(current.mainBranch())) {
      return Optional.empty();
    }
    return Optional.of(
        new Repository(
            isBlank(current.url())
                ? generatedUrl(ProjectService.directoryOf(project))
                : current.url(),
            isBlank(current.mainBranch())
                ? RepositorySettings.DEFAULT_MAIN_BRANCH
                : current.mainBranch(),
            current.clonePath()));
  }

  private String generatedUrl(String directory) {
    return new RepositorySettings.GitHttp(
            config.gitHttpHost(), config.hostname(), config.gitHttpPort())
        .url(directory);
  }

  private static String url(String raw) {
    try {
      return RepositorySettings.checkUrl(raw);
    } catch (IllegalArgumentException e) {
      throw ApiError.badRequest("Invalid repository URL: " + e.getMessage());
    }
  }

  private static String branch(String raw) {
    if (isBlank(raw)) {
      throw ApiError.badRequest("Invalid repository main branch: must not be empty");
    }
    try {
      return RepositorySettings.checkMainBranch(raw);
    } catch (IllegalArgumentException e) {
      throw ApiError.badRequest("Invalid repository main branch: " + e.getMessage());
    }
  }

  private static String clonePath(String raw) {
    try {
      return RepositorySettings.checkClonePath(raw);
    } catch (IllegalArgumentException e) {
      throw ApiError.badRequest("Invalid repository clone path: " + e.getMessage());
    }
  }

  private static boolean isBlank(String value) {
    return value == null || value.isBlank();
  }
}
