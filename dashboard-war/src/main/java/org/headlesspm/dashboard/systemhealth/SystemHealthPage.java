package org.headlesspm.dashboard.systemhealth;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import org.headlesspm.api.AgentResponse;
import org.headlesspm.api.ServerStatus;
import org.headlesspm.api.ServiceResponse;
import org.headlesspm.api.ServiceStatus;
import org.headlesspm.dashboard.backend.Backend;
import org.headlesspm.dashboard.backend.DashboardConfig;
import org.headlesspm.dashboard.health.HealthMonitor;
import org.headlesspm.dashboard.health.Probe;
import org.headlesspm.dashboard.settings.BuildInfo;
import org.headlesspm.dashboard.web.CurrentProject;
import org.headlesspm.dashboard.web.Presence;
import org.headlesspm.dashboard.web.ProjectData;

/** System Health {@code /system-health}: infrastructure, services, agents (DASHBOARD.md 3.7, 5). */
@Named
@RequestScoped
public class SystemHealthPage {

  @Inject HealthMonitor monitor;
  @Inject Backend backend;
  @Inject DashboardConfig config;
  @Inject CurrentProject current;
  @Inject ProjectData data;
  @Inject HttpServletRequest request;

  private Probe api;
  private Probe mcp;

  public Probe getApi() {
    if (api == null) {
      api = monitor.api();
    }
    return api;
  }

  public Probe getMcp() {
    if (mcp == null) {
      mcp = monitor.mcp();
    }
    return mcp;
  }

  /** HEALTHY, DEGRADED or UNHEALTHY by the rule of DASHBOARD.md 5.1. */
  public String getOverall() {
    Probe api = getApi();
    if (!api.reachable() || "unhealthy".equals(api.status())) {
      return "UNHEALTHY";
    }
    boolean databaseHealthy = "healthy".equals(api.text("database"));
    return api.healthy() && databaseHealthy && getMcp().healthy() ? "HEALTHY" : "DEGRADED";
  }

  public ServerStatus getStatus() {
    return getApi().reachable() ? backend.read(a -> a.status(), null) : null;
  }

  /** The API's counters (GET /status) as one line, or null when unavailable. */
  public String getMetricsText() {
    ServerStatus status = getStatus();
    if (status == null || status.metrics() == null) {
      return null;
    }
    var m = status.metrics();
    return m.totalProjects()
        + " projects · "
        + m.totalAgents()
        + " agents ("
        + m.activeAgents()
        + " active) · "
        + m.totalTasks()
        + " tasks · "
        + m.totalDocuments()
        + " documents · "
        + m.totalServices()
        + " services";
  }

  public String getTab() {
    String tab = request.getParameter("tab");
    if (!current.isSelected() || tab == null) {
      return "infrastructure";
    }
    return List.of("services", "agents", "overview").contains(tab) ? tab : "infrastructure";
  }

  /** Services ordered down, starting, up, then by name. */
  public List<ServiceResponse> getServices() {
    return data.services().stream()
        .sorted(
            Comparator.comparingInt(
                    (ServiceResponse s) ->
                        s.status() == ServiceStatus.down
                            ? 0
                            : s.status() == ServiceStatus.starting ? 1 : 2)
                .thenComparing(ServiceResponse::serviceName))
        .toList();
  }

  public long services(String status) {
    return data.services().stream().filter(s -> String.valueOf(s.status()).equals(status)).count();
  }

  public boolean isStaleHeartbeat(ServiceResponse service) {
    return service.status() == ServiceStatus.up
        && service.lastHeartbeat() != null
        && service.lastHeartbeat().isBefore(Instant.now().minus(Duration.ofMinutes(2)));
  }

  public List<AgentResponse> agents(String presence) {
    Instant now = Instant.now();
    return data.agents().stream()
        .filter(a -> Presence.of(a.lastSeen(), now).name().equalsIgnoreCase(presence))
        .toList();
  }

  public String getAgentsOnline() {
    return agents("online").size() + "/" + data.agents().size();
  }

  public String getServiceHealth() {
    return data.services().isEmpty()
        ? "N/A"
        : Math.round(100.0 * services("up") / data.services().size()) + "%";
  }

  public String getAgentHealth() {
    return data.agents().isEmpty()
        ? "N/A"
        : Math.round(100.0 * agents("online").size() / data.agents().size()) + "%";
  }

  public String getConnectivity() {
    if (!current.isSelected() || data.services().isEmpty()) {
      return "N/A";
    }
    return data.services().stream()
            .filter(s -> s.pingUrl() != null && !s.pingUrl().isBlank())
            .count()
        + "/"
        + data.services().size();
  }

  public String getVersion() {
    return BuildInfo.version();
  }

  public String getUptime() {
    long seconds = ManagementFactory.getRuntimeMXBean().getUptime() / 1000;
    return seconds / 3600 + " h " + seconds % 3600 / 60 + " min";
  }

  public String getRuntime() {
    return "Java " + Runtime.version() + " · " + facesVersion();
  }

  static String facesVersion() {
    Package faces = jakarta.faces.context.FacesContext.class.getPackage();
    String impl = faces.getImplementationTitle();
    String version = faces.getImplementationVersion();
    return (impl == null ? "Jakarta Faces" : impl) + (version == null ? "" : " " + version);
  }

  public DashboardConfig getConfig() {
    return config;
  }
}
