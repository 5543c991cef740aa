package org.headlesspm.dashboard.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Set;
import org.headlesspm.dashboard.backend.DashboardConfig;

/**
 * The user's preferences, kept in cookies so that the server renders the first paint right
 * (DASHBOARD.md 2.5, 2.6, 2.8, 2.9). Written by {@link PreferencesServlet}.
 */
@Named
@RequestScoped
public class Preferences {

  public static final String THEME = "hpm_theme";
  public static final String REFRESH = "hpm_refresh";
  public static final String ACTOR = "hpm_actor";
  public static final String TASKS_VIEW = "hpm_tasks_view";
  public static final String PROJECT = "hpm_project";
  public static final List<String> ALL = List.of(THEME, REFRESH, ACTOR, TASKS_VIEW, PROJECT);

  static final Set<String> THEMES = Set.of("light", "dark", "system");
  static final List<Integer> REFRESH_CHOICES = List.of(0, 5, 15, 30, 60);
  static final Set<String> TASK_VIEWS = Set.of("board", "timeline", "analytics");

  @Inject HttpServletRequest request;
  @Inject DashboardConfig config;

  public String getTheme() {
    String theme = cookie(request, THEME);
    return theme != null && THEMES.contains(theme) ? theme : "system";
  }

  /** Seconds between automatic refreshes; 0 is off. */
  public int getRefresh() {
    String value = cookie(request, REFRESH);
    try {
      int seconds = value == null ? config.defaultRefreshSeconds() : Integer.parseInt(value);
      return REFRESH_CHOICES.contains(seconds) ? seconds : config.defaultRefreshSeconds();
    } catch (NumberFormatException bad) {
      return config.defaultRefreshSeconds();
    }
  }

  public List<Integer> getRefreshChoices() {
    return REFRESH_CHOICES;
  }

  /** The agent the dashboard acts as (DASHBOARD.md 2.6). */
  public String getActor() {
    String actor = cookie(request, ACTOR);
    return actor == null || actor.isBlank() ? DashboardConfig.DASHBOARD_USER : actor;
  }

  public boolean isActingAsDashboard() {
    return DashboardConfig.DASHBOARD_USER.equals(getActor());
  }

  public String getTasksView() {
    String view = cookie(request, TASKS_VIEW);
    return view != null && TASK_VIEWS.contains(view) ? view : "board";
  }

  public static String cookie(HttpServletRequest request, String name) {
    Cookie[] cookies = request.getCookies();
    if (cookies == null) {
      return null;
    }
    for (Cookie cookie : cookies) {
      if (cookie.getName().equals(name)) {
        return cookie.getValue();
      }
    }
    return null;
  }
}
