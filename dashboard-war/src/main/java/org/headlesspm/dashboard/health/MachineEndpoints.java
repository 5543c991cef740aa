package org.headlesspm.dashboard.health;

import static org.headlesspm.api.JsonFactory.JSON;

import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.time.Instant;
import org.headlesspm.dashboard.backend.DashboardConfig;
import org.headlesspm.dashboard.settings.BuildInfo;

/**
 * The JSON endpoints of DASHBOARD.md 3.9. None reveals the API key; none needs a login. The
 * dashboard works whether or not the API does, so GET answers 200 with "degraded"; HEAD answers 503
 * when the API is not healthy.
 */
@WebServlet(
    urlPatterns = {
      "/api/health",
      "/health",
      "/api/status",
      "/api/mcp-health",
      "/health/live",
      "/health/ready",
      "/health/started"
    })
public class MachineEndpoints extends HttpServlet {

  @Inject HealthMonitor monitor;
  @Inject DashboardConfig config;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    String path = request.getServletPath();
    switch (path) {
      case "/api/health" -> write(response, 200, dashboardHealth(monitor.api()));
      case "/health" -> write(response, 200, serviceHealth());
      case "/api/status" -> write(response, 200, status());
      case "/api/mcp-health" -> mcpHealth(response);
      default -> write(response, 200, microProfile(path));
    }
  }

  @Override
  protected void doHead(HttpServletRequest request, HttpServletResponse response) {
    boolean up =
        switch (request.getServletPath()) {
          case "/api/health" -> monitor.api().healthy();
          case "/health" -> monitor.api().healthy() && monitor.mcp().healthy();
          case "/api/mcp-health" -> monitor.mcp().healthy();
          default -> true;
        };
    response.setHeader("Cache-Control", "no-store");
    response.setStatus(up ? 200 : 503);
  }

  private JsonObject dashboardHealth(Probe api) {
    return JSON.createObjectBuilder()
        .add("status", api.healthy() ? "healthy" : "degraded")
        .add("service", "headless-pm-dashboard")
        .add("version", BuildInfo.version())
        .add("api_backend", api.backendText())
        .add("api_url", config.apiBaseUrl())
        .add(
            "environment",
            JSON.createObjectBuilder()
                .add("api_url_configured", true)
                .add("api_key_configured", config.apiKeyConfigured())
                .add("runtime", "payara-micro"))
        .add("timestamp", Instant.now().toString())
        .build();
  }

  private JsonObject serviceHealth() {
    Probe api = monitor.api();
    Probe mcp = monitor.mcp();
    return JSON.createObjectBuilder()
        .add("status", api.healthy() && mcp.healthy() ? "healthy" : "degraded")
        .add("service", "headless-pm-dashboard")
        .add("version", BuildInfo.version())
        .add("pid", ProcessHandle.current().pid())
        .add("timestamp", Instant.now().toString())
        .add(
            "depends_on",
            JSON.createArrayBuilder()
                .add(dependency("headless-pm-api", api))
                .add(dependency("headless-pm-mcp", mcp)))
        .build();
  }

  private static JsonObjectBuilder dependency(String service, Probe probe) {
    JsonObjectBuilder health;
    if (probe.content() != null) {
      health = JSON.createObjectBuilder(probe.content()).remove("depends_on");
    } else {
      health =
          JSON.createObjectBuilder()
              .add("status", probe.reachable() ? "unhealthy" : "unreachable")
              .add("service", service)
              .add("error", probe.reachable() ? "HTTP " + probe.statusCode() : probe.error());
    }
    return JSON.createObjectBuilder()
        .add("service", service)
        .add("url", probe.url())
        .add("health", health);
  }

  private JsonObject status() {
    Probe api = monitor.api();
    Probe mcp = monitor.mcp();
    return JSON.createObjectBuilder()
        .add("status", api.healthy() ? (mcp.healthy() ? "healthy" : "degraded") : "unhealthy")
        .add(
            "dependencies",
            JSON.createObjectBuilder()
                .add("api_backend", diagnostics(api))
                .add("mcp_server", diagnostics(mcp)))
        .add(
            "environment",
            JSON.createObjectBuilder()
                .add("api_url", config.apiBaseUrl())
                .add("mcp_url", config.mcpUrl())
                .add("has_api_key", config.apiKeyConfigured())
                .add("runtime", "payara-micro")
                .add("version", BuildInfo.version())
                .add("started_at", monitor.started().toString()))
        .add("timestamp", Instant.now().toString())
        .build();
  }

  private static JsonObjectBuilder diagnostics(Probe probe) {
    JsonObjectBuilder entry =
        JSON.createObjectBuilder()
            .add("reachable", probe.reachable())
            .add("status_code", probe.statusCode())
            .add("response_time_ms", probe.responseTimeMs())
            .add("url", probe.url())
            .add("status", probe.status());
    if (probe.content() != null) {
      entry.add("content", probe.content());
    }
    if (probe.error() != null) {
      entry.add("error", probe.error());
    }
    return entry;
  }

  private void mcpHealth(HttpServletResponse response) throws IOException {
    Probe mcp = monitor.mcp();
    if (mcp.reachable() && mcp.content() != null) {
      write(response, mcp.statusCode(), mcp.content());
      return;
    }
    write(
        response,
        mcp.reachable() ? mcp.statusCode() : 503,
        JSON.createObjectBuilder()
            .add("status", "unhealthy")
            .add("service", "headless-pm-mcp")
            .add("error", mcp.reachable() ? "HTTP " + mcp.statusCode() : mcp.error())
            .build());
  }

  private static JsonObject microProfile(String path) {
    return JSON.createObjectBuilder()
        .add("status", "UP")
        .add(
            "checks",
            JSON.createArrayBuilder()
                .add(
                    JSON.createObjectBuilder()
                        .add("name", path.endsWith("ready") ? "faces" : "dashboard")
                        .add("status", "UP")
                        .add(
                            "data",
                            JSON.createObjectBuilder()
                                .add(
                                    "uptime_seconds",
                                    ManagementFactory.getRuntimeMXBean().getUptime() / 1000))))
        .build();
  }

  private static void write(HttpServletResponse response, int status, JsonObject body)
      throws IOException {
    response.setStatus(status);
    response.setContentType("application/json");
    response.setCharacterEncoding("UTF-8");
    response.setHeader("Cache-Control", "no-store");
    response.getWriter().write(body.toString());
  }
}
