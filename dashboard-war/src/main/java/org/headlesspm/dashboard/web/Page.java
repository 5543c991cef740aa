package org.headlesspm.dashboard.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.headlesspm.dashboard.backend.Backend;
import org.headlesspm.dashboard.backend.DashboardConfig;
import org.headlesspm.dashboard.health.HealthMonitor;
import org.headlesspm.dashboard.health.Probe;

/** What the shared template needs: the request's URL, the navigation and the header indicators. */
@Named
@RequestScoped
public class Page {

  /** A primary navigation entry (DASHBOARD.md 2.1). */
  public record NavItem(String label, String path, String icon) {}

  public static final List<NavItem> NAVIGATION =
      List.of(
          new NavItem("Overview", "/", "◱"),
          new NavItem("Projects", "/projects", "▤"),
          new NavItem("Tasks", "/tasks", "☷"),
          new NavItem("Agents", "/agents", "☺"),
          new NavItem("Communications", "/communications", "✉"),
          new NavItem("Analytics", "/analytics", "▥"),
          new NavItem("System Health", "/system-health", "♥"));

  @Inject HttpServletRequest request;
  @Inject Backend backend;
  @Inject HealthMonitor monitor;
  @Inject Preferences preferences;
  @Inject CurrentProject current;

  private Integer unreadMentions;

  public List<NavItem> getNavigation() {
    return NAVIGATION;
  }

  /** The path the browser asked for (the deep link, not the view it was forwarded to). */
  public String getPath() {
    Object forwarded = request.getAttribute(RequestDispatcher.FORWARD_REQUEST_URI);
    String uri = forwarded != null ? forwarded.toString() : request.getRequestURI();
    String path = uri.substring(request.getContextPath().length());
    if (path.endsWith(".xhtml")) {
      path = path.substring(0, path.length() - ".xhtml".length());
    }
    return path.equals("/index") || path.isEmpty() ? "/" : path;
  }

  /** The URL with its query, for "Retry", "Refresh" and the forms' way back. */
  public String getUrl() {
    Object forwarded = request.getAttribute(RequestDispatcher.FORWARD_QUERY_STRING);
    String query =
        request.getAttribute(RequestDispatcher.FORWARD_REQUEST_URI) != null
            ? (forwarded == null ? null : forwarded.toString())
            : request.getQueryString();
    if ("POST".equals(request.getMethod())) {
      query = null;
    }
    return request.getContextPath() + getPath() + (query == null ? "" : "?" + query);
  }

  public boolean isActive(NavItem item) {
    String path = getPath();
    if (item.path().equals("/")) {
      return path.equals("/");
    }
    String section =
        path.startsWith("/task")
            ? "/tasks"
            : path.startsWith("/agent")
                ? "/agents"
                : path.startsWith("/document") ? "/communications" : path;
    return section.startsWith(item.path());
  }

  /** Unread mentions of the selected project, for the bell. */
  public int getUnreadMentions() {
    if (unreadMentions == null) {
      unreadMentions =
          current.isSelected()
              ? backend
                  .read(api -> api.listMentions(current.getId(), null, true, 500), List.of())
                  .size()
              : 0;
    }
    return unreadMentions;
  }

  /** live, degraded, down or paused (DASHBOARD.md 2.7). */
  public String getHealth() {
    Probe api = monitor.api();
    if (backend.isDown() || !api.reachable()) {
      return "down";
    }
    if (preferences.getRefresh() == 0) {
      return "paused";
    }
    boolean databaseHealthy = "healthy".equals(api.text("database"));
    return api.healthy() && databaseHealthy && monitor.mcp().healthy() ? "live" : "degraded";
  }

  public String getHealthLabel() {
    return switch (getHealth()) {
      case "down" -> "API unreachable";
      case "paused" -> "Paused";
      case "degraded" -> "Degraded";
      default -> "Live";
    };
  }

  @Inject DashboardConfig config;

  public String getApiDocsUrl() {
    return config.publicApiUrl() + "/api/v1/docs";
  }

  public String getActorRole() {
    return DashboardConfig.DASHBOARD_USER.equals(preferences.getActor()) ? "ui_admin" : "agent";
  }
}
