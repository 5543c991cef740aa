package org.headlesspm.mcp.web;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.headlesspm.mcp.Json;
import org.headlesspm.mcp.McpSettings;
import org.headlesspm.mcp.rest.RestGateway;
import org.headlesspm.mcp.server.McpEngine;
import org.headlesspm.mcp.session.AgentSession;

/**
 * {@code /health} (MCP.md 1.8: always 200, {@code healthy} or {@code degraded}), the MicroProfile
 * Health style {@code /health/live}, {@code /health/ready} (503 while the API does not answer) and
 * {@code /health/started}, and {@code /status} with sessions, API reachability and token totals.
 */
public class HealthServlet extends HttpServlet {

  private final transient McpEngine engine;
  private final transient ApiProbe probe;

  public HealthServlet(McpEngine engine, ApiProbe probe) {
    this.engine = engine;
    this.probe = probe;
  }

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    String path =
        request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
    switch (path) {
      case "/health", "/health/" -> write(response, 200, health());
      case "/health/live", "/health/started" -> write(response, 200, mpHealth("mcp-server", true));
      case "/health/ready" -> {
        boolean up = probe.get().up();
        write(response, up ? 200 : 503, mpHealth("headless-pm-api", up));
      }
      case "/status" -> write(response, 200, status());
      default -> write(response, 404, Map.of("detail", "Not Found"));
    }
  }

  private Map<String, Object> health() {
    McpSettings settings = engine.settings();
    RestGateway.Probe api = probe.get();
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("status", api.up() ? "healthy" : "degraded");
    body.put("service", "headless-pm-mcp");
    body.put("version", settings.version());
    body.put("pid", ProcessHandle.current().pid());
    body.put("active_sessions", engine.sessions().count());
    body.put("base_url", settings.apiBaseUrl());
    body.put(
        "transports",
        settings.legacySse()
            ? List.of("streamable-http", "sse", "stdio-bridge-compatible")
            : List.of("streamable-http", "stdio-bridge-compatible"));
    body.put("timestamp", Instant.now().toString());
    Map<String, Object> dependency = new LinkedHashMap<>();
    dependency.put("service", "headless-pm-api");
    dependency.put("url", settings.apiBaseUrl() + "/health");
    dependency.put("health", apiHealth(api));
    body.put("depends_on", List.of(dependency));
    return body;
  }

  private static Object apiHealth(RestGateway.Probe api) {
    if (api.status() == 0) {
      return Map.of("status", "unreachable", "error", String.valueOf(api.error()));
    }
    try {
      Map<String, Object> health = new LinkedHashMap<>(Json.readMap(api.body()));
      health.remove("depends_on");
      return health;
    } catch (RuntimeException notJson) {
      return Map.of("status", "unhealthy", "http_status", api.status());
    }
  }

  private static Map<String, Object> mpHealth(String check, boolean up) {
    String status = up ? "UP" : "DOWN";
    return Map.of("status", status, "checks", List.of(Map.of("name", check, "status", status)));
  }

  private Map<String, Object> status() {
    McpSettings settings = engine.settings();
    RestGateway.Probe api = probe.get();
    List<Object> details = new ArrayList<>();
    for (AgentSession s : engine.sessions().all()) {
      Map<String, Object> d = new LinkedHashMap<>();
      d.put("session", s.prefix());
      d.put("transport", s.transport());
      d.put("protocol_version", s.protocolVersion());
      d.put("client", s.clientName() == null ? null : s.clientName() + " " + s.clientVersion());
      d.put("agent_id", s.identity() == null ? null : s.identity().agentId());
      d.put("role", s.identity() == null ? null : s.identity().role());
      d.put("skill_level", s.identity() == null ? null : s.identity().skillLevel());
      d.put("project_id", s.projectId());
      d.put("created_at", s.createdAt().toString());
      d.put("last_activity", s.lastActivity().toString());
      d.put("tokens", s.sessionTokens());
      d.put("tool_calls", s.toolCallCount());
      d.put("in_flight", s.inFlightCount());
      details.add(d);
    }
    Map<String, Object> backend = new LinkedHashMap<>();
    backend.put("reachable", api.status() != 0);
    backend.put("status_code", api.status());
    backend.put("response_time_ms", api.millis());
    backend.put("content", apiHealth(api));
    Map<String, Object> usage =
        new LinkedHashMap<>(engine.tokens().summary(null, engine.sessions().all()));
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("service", "headless-pm-mcp");
    body.put("version", settings.version());
    body.put("status", api.up() ? "healthy" : "degraded");
    body.put("sessions", Map.of("active_count", details.size(), "details", details));
    body.put("api_backend", backend);
    body.put("token_usage", usage);
    body.put("base_url", settings.apiBaseUrl());
    body.put("timestamp", Instant.now().toString());
    return body;
  }

  static void write(HttpServletResponse response, int status, Object body) throws IOException {
    response.setStatus(status);
    response.setContentType("application/json");
    response.setCharacterEncoding("UTF-8");
    response.getWriter().write(Json.write(body));
  }
}
