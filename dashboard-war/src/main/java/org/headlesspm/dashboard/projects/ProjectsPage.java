package org.headlesspm.dashboard.projects;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.headlesspm.api.ProjectCreate;
import org.headlesspm.api.ProjectDeleted;
import org.headlesspm.api.ProjectResponse;
import org.headlesspm.api.ProjectUpdate;
import org.headlesspm.dashboard.backend.Backend;
import org.headlesspm.dashboard.web.CurrentProject;
import org.headlesspm.dashboard.web.Forms;

/**
 * Projects {@code /projects}: the portfolio with create, edit and delete (DASHBOARD.md 3.2). The
 * dialogs are disclosure panels opened by {@code ?new=1}, {@code ?edit=<id>}, {@code ?delete=<id>}.
 */
@Named
@RequestScoped
public class ProjectsPage {

  @Inject Backend backend;
  @Inject CurrentProject current;
  @Inject HttpServletRequest request;

  private ProjectResponse editing;
  private ProjectResponse deleting;

  // Create dialog
  private String name;
  private String description;
  private String sharedPath;
  private String instructionsPath;
  private String docsPath;
  private String codeGuidelinesPath;
  private String repositoryUrl;
  private String mainBranch;
  private String clonePath;

  // Delete dialog
  private boolean acknowledged;
  private String confirmName;

  @PostConstruct
  void load() {
    editing = find(request.getParameter("edit"));
    deleting = find(request.getParameter("delete"));
    if (editing != null && !Forms.isPostback()) {
      description = editing.description();
      sharedPath = editing.sharedPath();
      instructionsPath = editing.instructionsPath();
      docsPath = editing.projectDocsPath();
      codeGuidelinesPath = editing.codeGuidelinesPath();
      repositoryUrl = editing.repositoryUrl();
      mainBranch = editing.repositoryMainBranch();
      clonePath = editing.repositoryClonePath();
    }
  }

  private ProjectResponse find(String id) {
    if (id == null || !id.matches("\\d{1,18}")) {
      return null;
    }
    long wanted = Long.parseLong(id);
    return current.getProjects().stream().filter(p -> p.id() == wanted).findFirst().orElse(null);
  }

  public void create() {
    try {
      ProjectResponse created =
          backend
              .api()
              .createProject(
                  new ProjectCreate(
                      Forms.trimmed(name),
                      description == null ? "" : description.strip(),
                      Forms.orNull(sharedPath),
                      Forms.orNull(instructionsPath),
                      Forms.orNull(docsPath),
                      Forms.orNull(codeGuidelinesPath),
                      Forms.orNull(repositoryUrl),
                      Forms.orNull(mainBranch),
                      Forms.orNull(clonePath)));
      Forms.redirect("/projects?project=" + created.id() + "&created=" + created.id());
    } catch (RuntimeException failure) {
      String text = Backend.describe(failure);
      Forms.error(text.toLowerCase().contains("name") ? "c-name" : "create-form", text);
    }
  }

  public void update() {
    if (editing == null) {
      Forms.error("edit-form", "This project no longer exists");
      return;
    }
    try {
      backend
          .api()
          .updateProject(
              editing.id(),
              new ProjectUpdate(
                  description == null ? "" : description.strip(),
                  Forms.trimmed(sharedPath),
                  Forms.trimmed(instructionsPath),
                  Forms.trimmed(docsPath),
                  Forms.orNull(codeGuidelinesPath),
                  repositoryUrl == null ? "" : repositoryUrl.strip(),
                  Forms.orNull(mainBranch),
                  clonePath == null ? "" : clonePath.strip()));
      Forms.redirect("/projects?updated=" + editing.id());
    } catch (RuntimeException failure) {
      Forms.error("edit-form", Backend.describe(failure));
    }
  }

  public void delete() {
    if (deleting == null) {
      Forms.error("delete-form", "This project no longer exists");
      return;
    }
    if (!deleting.name().equals(confirmName == null ? "" : confirmName.strip())) {
      Forms.error("d-confirm", "Type the exact project name to confirm");
      return;
    }
    if (hasData(deleting) && !acknowledged) {
      Forms.error("d-ack", "Tick the box to confirm that all project data is deleted");
      return;
    }
    try {
      ProjectDeleted result =
          backend.api().deleteProject(deleting.id(), hasData(deleting) ? true : null);
      String back =
          current.getId() != null && current.getId() == deleting.id()
              ? "/projects?deleted=" + deleting.id() + "&project="
              : "/projects?deleted=" + deleting.id();
      if (back.endsWith("project=")) {
        // the selection falls back to the default rule: drop the cookie's stale id
        back = back.substring(0, back.length() - "&project=".length()) + "&reset=1";
      }
      Forms.redirect(
          back
              + "&summary="
              + java.net.URLEncoder.encode(
                  result.message() == null ? "Project deleted" : result.message(),
                  java.nio.charset.StandardCharsets.UTF_8));
    } catch (RuntimeException failure) {
      Forms.error("delete-form", Backend.describe(failure));
    }
  }

  public boolean hasData(ProjectResponse project) {
    return project.agentCount() > 1 || project.epicCount() > 0 || project.taskCount() > 0;
  }

  public List<ProjectResponse> getProjects() {
    return current.getProjects();
  }

  public long getTotalAgents() {
    return current.getProjects().stream().mapToLong(ProjectResponse::agentCount).sum();
  }

  public long getTotalEpics() {
    return current.getProjects().stream().mapToLong(ProjectResponse::epicCount).sum();
  }

  public long getTotalTasks() {
    return current.getProjects().stream().mapToLong(ProjectResponse::taskCount).sum();
  }

  public boolean isCreateOpen() {
    return request.getParameter("new") != null
        || (Forms.hasErrors() && editing == null && deleting == null);
  }

  public ProjectResponse getCreated() {
    return find(request.getParameter("created"));
  }

  public ProjectResponse getEditing() {
    return editing;
  }

  public ProjectResponse getDeleting() {
    return deleting;
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public String getDescription() {
    return description;
  }

  public void setDescription(String description) {
    this.description = description;
  }

  public String getSharedPath() {
    return sharedPath;
  }

  public void setSharedPath(String sharedPath) {
    this.sharedPath = sharedPath;
  }

  public String getInstructionsPath() {
    return instructionsPath;
  }

  public void setInstructionsPath(String instructionsPath) {
    this.instructionsPath = instructionsPath;
  }

  public String getDocsPath() {
    return docsPath;
  }

  public void setDocsPath(String docsPath) {
    this.docsPath = docsPath;
  }

  public String getCodeGuidelinesPath() {
    return codeGuidelinesPath;
  }

  public void setCodeGuidelinesPath(String codeGuidelinesPath) {
    this.codeGuidelinesPath = codeGuidelinesPath;
  }

  public String getRepositoryUrl() {
    return repositoryUrl;
  }

  public void setRepositoryUrl(String repositoryUrl) {
    this.repositoryUrl = repositoryUrl;
  }

  public String getMainBranch() {
    return mainBranch;
  }

  public void setMainBranch(String mainBranch) {
    this.mainBranch = mainBranch;
  }

  public String getClonePath() {
    return clonePath;
  }

  public void setClonePath(String clonePath) {
    this.clonePath = clonePath;
  }

  public boolean isAcknowledged() {
    return acknowledged;
  }

  public void setAcknowledged(boolean acknowledged) {
    this.acknowledged = acknowledged;
  }

  public String getConfirmName() {
    return confirmName;
  }

  public void setConfirmName(String confirmName) {
    this.confirmName = confirmName;
  }
}
