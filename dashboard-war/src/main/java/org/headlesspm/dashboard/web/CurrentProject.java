package org.headlesspm.dashboard.web;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.headlesspm.api.ProjectResponse;
import org.headlesspm.dashboard.backend.Backend;

/**
 * The selected project (DASHBOARD.md 2.3, 2.4): {@code ?project=}, else the {@code hpm_project}
 * cookie, else the project named "Headless-PM", else id 1, else the first one.
 */
@Named("current")
@RequestScoped
public class CurrentProject {

  @Inject Backend backend;
  @Inject HttpServletRequest request;

  private List<ProjectResponse> projects;
  private ProjectResponse project;
  private boolean unknownRequested;

  @PostConstruct
  void select() {
    projects = backend.read(api -> api.listProjects(), List.of());
    String requested = request.getParameter("project");
    ProjectResponse chosen = find(requested);
    if (requested != null && !requested.isBlank() && chosen == null && !backend.isDown()) {
      unknownRequested = true;
    }
    if (chosen != null) {
      remember(chosen.id());
    } else {
      chosen = find(Preferences.cookie(request, Preferences.PROJECT));
    }
    project = chosen != null ? chosen : defaultProject(projects);
  }

  static ProjectResponse defaultProject(List<ProjectResponse> projects) {
    return projects.stream()
        .filter(p -> "Headless-PM".equals(p.name()))
        .findFirst()
        .or(() -> projects.stream().filter(p -> p.id() == 1).findFirst())
        .or(() -> projects.stream().findFirst())
        .orElse(null);
  }

  private ProjectResponse find(String id) {
    if (id == null || !id.matches("\\d{1,18}")) {
      return null;
    }
    long wanted = Long.parseLong(id);
    return projects.stream().filter(p -> p.id() == wanted).findFirst().orElse(null);
  }

  private void remember(long id) {
    var faces = jakarta.faces.context.FacesContext.getCurrentInstance();
    if (faces == null || faces.getExternalContext().isResponseCommitted()) {
      return;
    }
    HttpServletResponse response = (HttpServletResponse) faces.getExternalContext().getResponse();
    Cookie cookie = new Cookie(Preferences.PROJECT, Long.toString(id));
    cookie.setPath("/");
    cookie.setMaxAge(60 * 60 * 24 * 365);
    cookie.setHttpOnly(true);
    cookie.setAttribute("SameSite", "Lax");
    response.addCookie(cookie);
  }

  public List<ProjectResponse> getProjects() {
    return projects;
  }

  public ProjectResponse getProject() {
    return project;
  }

  public boolean isSelected() {
    return project != null;
  }

  public Long getId() {
    return project == null ? null : project.id();
  }

  public String getName() {
    return project == null ? "" : project.name();
  }

  public boolean isUnknownRequested() {
    return unknownRequested;
  }

  /** {@code path} with the selected project, so that the link can be bookmarked and shared. */
  public String link(String path) {
    if (project == null) {
      return path;
    }
    return path + (path.contains("?") ? "&" : "?") + "project=" + project.id();
  }
}
