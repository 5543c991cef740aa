package org.headlesspm.dashboard.web;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.headlesspm.api.TaskStatus;
import org.headlesspm.api.TaskStatusUpdate;
import org.headlesspm.dashboard.backend.ApiClient;
import org.headlesspm.dashboard.backend.Backend;

/**
 * Moves a card (the board's "Move to" menu, drag and drop and keyboard all post here): a plain form
 * post, so it works without JavaScript, then back to the same filtered board. Only {@code status}
 * is sent, never {@code notes}, which would replace the task's comments (DASHBOARD.md 1.3).
 */
@WebServlet("/tasks/move")
public class TaskMoveServlet extends HttpServlet {

  @Inject ApiClient client;

  @Override
  protected void doPost(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    String back = LocalUrl.orRoot(request, request.getParameter("back"));
    String taskId = request.getParameter("task");
    String actor = Preferences.cookie(request, Preferences.ACTOR);
    String result;
    try {
      TaskStatus status = TaskStatus.parse(request.getParameter("status"));
      long id = Long.parseLong(taskId);
      client
          .get()
          .updateTaskStatus(
              id,
              actor == null || actor.isBlank() ? "dashboard-user" : actor,
              new TaskStatusUpdate(status, null));
      result = "moved=" + id;
    } catch (RuntimeException failure) {
      String message =
          failure instanceof NumberFormatException ? "Unknown task" : Backend.describe(failure);
      result =
          "moveError="
              + URLEncoder.encode(message, StandardCharsets.UTF_8)
              + "&moveTask="
              + URLEncoder.encode(String.valueOf(taskId), StandardCharsets.UTF_8);
    }
    String target = back.replaceAll("[?&](moved|moveError|moveTask)=[^&]*", "");
    if (!target.contains("?") && target.contains("&")) {
      target = target.replaceFirst("&", "?");
    }
    response.sendRedirect(target + (target.contains("?") ? "&" : "?") + result + "#task-" + taskId);
  }
}
