package org.headlesspm.dashboard.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The path-style deep links of DASHBOARD.md 2.3 ({@code /tasks/{id}}, {@code /agents/{agentId}},
 * {@code /documents/{id}}) are served by the detail views with the id as a request parameter.
 */
@WebFilter(urlPatterns = {"/tasks/*", "/agents/*", "/documents/*"})
public class DeepLinkFilter extends HttpFilter {

  /** The id of a deep link, or the {@code id} form field when a detail page posts back. */
  public static String id(HttpServletRequest request) {
    Object id = request.getAttribute(ID);
    return id != null ? id.toString() : request.getParameter("id");
  }

  static final String ID = "hpm.deepLinkId";

  private static final Pattern DEEP_LINK = Pattern.compile("^/(tasks|agents|documents)/([^/]+)/?$");

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    Matcher link = DEEP_LINK.matcher(path);
    if (!link.matches() || "move".equals(link.group(2))) {
      chain.doFilter(request, response);
      return;
    }
    String view =
        switch (link.group(1)) {
          case "tasks" -> "/task.xhtml";
          case "agents" -> "/agent.xhtml";
          default -> "/document.xhtml";
        };
    // An attribute, not a query parameter: the request CDI injects into the page beans is the
    // original one, which does not see parameters added by the forward.
    request.setAttribute(ID, URLDecoder.decode(link.group(2), StandardCharsets.UTF_8));
    request.getRequestDispatcher(view).forward(request, response);
  }
}
