package org.headlesspm.project;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.headlesspm.api.ProjectUpdate;

/** A code base that a team of agents works on; owns its agents, epics, documents and services. */
@Entity
@Table(name = "project")
public class Project {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  private String name;
  private String description;

  @Column(name = "shared_path")
  private String sharedPath;

  @Column(name = "instructions_path")
  private String instructionsPath;

  @Column(name = "project_docs_path")
  private String projectDocsPath;

  @Column(name = "code_guidelines_path")
  private String codeGuidelinesPath;

  @Column(name = "repository_url")
  private String repositoryUrl;

  @Column(name = "repository_main_branch")
  private String repositoryMainBranch;

  @Column(name = "repository_clone_path")
  private String repositoryClonePath;

  @Column(name = "created_at")
  private Instant createdAt;

  @Column(name = "updated_at")
  private Instant updatedAt;

  protected Project() {}

  /** A new project whose three paths derive from its directory name (API.md 4.11.2). */
  public Project(
      String name,
      String directory,
      String description,
      String codeGuidelinesPath,
      Repository repository,
      Instant now) {
    this.repositoryUrl = repository.url();
    this.repositoryMainBranch = repository.mainBranch();
    this.repositoryClonePath = repository.clonePath();
    this.name = name;
    this.description = description == null ? "" : description;
    this.sharedPath = "./projects/" + directory + "/shared";
    this.instructionsPath = "./projects/" + directory + "/instructions";
    this.projectDocsPath = "./projects/" + directory + "/docs";
    this.codeGuidelinesPath = codeGuidelinesPath;
    this.createdAt = now;
    this.updatedAt = now;
  }

  /** Where the project's code lives: metadata for agents; the server never touches it. */
  public record Repository(String url, String mainBranch, String clonePath) {}

  public Repository repository() {
    return new Repository(repositoryUrl, repositoryMainBranch, repositoryClonePath);
  }

  /** New repository settings, already validated by the caller. */
  public void changeRepository(Repository repository, Instant now) {
    repositoryUrl = repository.url();
    repositoryMainBranch = repository.mainBranch();
    repositoryClonePath = repository.clonePath();
    updatedAt = now;
  }

  /** Replaces every field the update carries; the name never changes. */
  public void update(ProjectUpdate update, Instant now) {
    if (update.description() != null) {
      description = update.description();
    }
    if (update.sharedPath() != null) {
      sharedPath = update.sharedPath();
    }
    if (update.instructionsPath() != null) {
      instructionsPath = update.instructionsPath();
    }
    if (update.projectDocsPath() != null) {
      projectDocsPath = update.projectDocsPath();
    }
    if (update.codeGuidelinesPath() != null) {
      codeGuidelinesPath = update.codeGuidelinesPath();
    }
    updatedAt = now;
  }

  public Long getId() {
    return id;
  }

  public String getName() {
    return name;
  }

  public String getDescription() {
    return description;
  }

  public String getSharedPath() {
    return sharedPath;
  }

  public String getInstructionsPath() {
    return instructionsPath;
  }

  public String getProjectDocsPath() {
    return projectDocsPath;
  }

  public String getCodeGuidelinesPath() {
    return codeGuidelinesPath;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  public Instant getUpdatedAt() {
    return updatedAt;
  }
}
