package org.headlesspm.dashboard.web;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.headlesspm.dashboard.backend.ApiClient;
import org.headlesspm.dashboard.backend.Backend;

/** Marks a mention read as the acting identity (only the mentioned agent may, API E43). */
@WebServlet("/mentions/read")
public class MentionReadServlet extends HttpServlet {

  @Inject ApiClient client;

  @Override
  protected void doPost(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    String back = LocalUrl.orRoot(request, request.getParameter("back"));
    String actor = Preferences.cookie(request, Preferences.ACTOR);
    try {
      client
          .get()
          .markMentionRead(
              Long.parseLong(request.getParameter("mention")),
              actor == null || actor.isBlank() ? "dashboard-user" : actor);
      response.sendRedirect(back);
    } catch (RuntimeException failure) {
      String message =
          failure instanceof NumberFormatException ? "Unknown mention" : Backend.describe(failure);
      response.sendRedirect(
          LocalUrl.with(back, "error", URLEncoder.encode(message, StandardCharsets.UTF_8)));
    }
  }
}
