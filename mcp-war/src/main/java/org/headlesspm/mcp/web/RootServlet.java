package org.headlesspm.mcp.web;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.headlesspm.mcp.McpSettings;

/**
 * {@code /}: an alias of {@code /mcp} for POST, DELETE and event-stream GETs (MCP.md 1.4), and
 * otherwise a small JSON document naming the service and its endpoints.
 */
public class RootServlet extends HttpServlet {

  private final transient HttpServlet mcp;
  private final transient McpSettings settings;

  public RootServlet(HttpServlet mcp, McpSettings settings) {
    this.mcp = mcp;
    this.settings = settings;
  }

  @Override
  protected void service(HttpServletRequest request, HttpServletResponse response)
      throws ServletException, IOException {
    String accept = request.getHeader("Accept");
    boolean stream = accept != null && accept.contains("text/event-stream");
    if ("GET".equals(request.getMethod())
        && !(stream && request.getHeader(McpHttpFilter.SESSION_HEADER) != null)) {
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("service", "headless-pm-mcp");
      body.put("version", settings.version());
      body.put("mcp", "/mcp");
      body.put("sse", settings.legacySse() ? "/sse" : null);
      body.put("messages", settings.legacySse() ? "/messages" : null);
      body.put("health", "/health");
      body.put("status", "/status");
      body.put("protocol_versions", settings.protocolVersions());
      HealthServlet.write(response, 200, body);
      return;
    }
    mcp.service(
        new HttpServletRequestWrapper(request) {
          @Override
          public String getRequestURI() {
            return request.getContextPath() + "/mcp";
          }

          @Override
          public String getServletPath() {
            return "/mcp";
          }
        },
        response);
  }
}
