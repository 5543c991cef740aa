package org.headlesspm.dashboard.web;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Stores preferences as cookies and goes back to the page (plain form posts, so the theme menu and
 * the settings work without JavaScript). {@code reset} clears only the dashboard's cookies.
 */
@WebServlet("/preferences")
public class PreferencesServlet extends HttpServlet {

  @Override
  protected void doPost(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    if (request.getParameter("reset") != null) {
      for (String name : Preferences.ALL) {
        response.addCookie(cookie(name, "", 0));
      }
      response.sendRedirect(LocalUrl.orRoot(request, request.getParameter("back")));
      return;
    }
    String theme = request.getParameter("theme");
    if (theme != null && Preferences.THEMES.contains(theme)) {
      response.addCookie(cookie(Preferences.THEME, theme, -1));
    }
    String refresh = request.getParameter("refresh");
    if (refresh != null
        && refresh.matches("\\d{1,3}")
        && Preferences.REFRESH_CHOICES.contains(Integer.parseInt(refresh))) {
      response.addCookie(cookie(Preferences.REFRESH, refresh, -1));
    }
    String actor = request.getParameter("actor");
    if (actor != null && actor.matches("[A-Za-z0-9_.\\-]{1,100}")) {
      response.addCookie(cookie(Preferences.ACTOR, actor, -1));
    }
    String view = request.getParameter("tasksView");
    if (view != null && Preferences.TASK_VIEWS.contains(view)) {
      response.addCookie(cookie(Preferences.TASKS_VIEW, view, -1));
    }
    response.sendRedirect(LocalUrl.orRoot(request, request.getParameter("back")));
  }

  private static Cookie cookie(String name, String value, int maxAge) {
    Cookie cookie = new Cookie(name, value);
    cookie.setPath("/");
    cookie.setMaxAge(maxAge < 0 ? 60 * 60 * 24 * 365 : maxAge);
    cookie.setHttpOnly(true);
    cookie.setAttribute("SameSite", "Lax");
    return cookie;
  }
}
