package org.headlesspm.dashboard.settings;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import org.headlesspm.api.ProjectContextResponse;
import org.headlesspm.dashboard.backend.Backend;
import org.headlesspm.dashboard.backend.DashboardConfig;
import org.headlesspm.dashboard.health.HealthMonitor;
import org.headlesspm.dashboard.web.CurrentProject;
import org.headlesspm.dashboard.web.ProjectData;

/** Settings {@code /settings}: connection (read-only), preferences, about (DASHBOARD.md 2.9). */
@Named
@RequestScoped
public class SettingsPage {

  @Inject DashboardConfig config;
  @Inject Backend backend;
  @Inject CurrentProject current;
  @Inject ProjectData data;
  @Inject HealthMonitor monitor;

  public DashboardConfig getConfig() {
    return config;
  }

  public String getApiVersion() {
    return monitor.api().text("version");
  }

  public String getDatabaseType() {
    if (!current.isSelected()) {
      return "—";
    }
    ProjectContextResponse context = backend.read(api -> api.projectContext(current.getId()), null);
    return context == null ? "—" : context.databaseType();
  }

  /** Identities the dashboard may act as: its own, or any agent of the project. */
  public List<String> getIdentities() {
    List<String> identities = new java.util.ArrayList<>(List.of(DashboardConfig.DASHBOARD_USER));
    data.agents().forEach(a -> identities.add(a.agentId()));
    return identities;
  }

  public String getVersion() {
    return BuildInfo.version();
  }

  public String getFaces() {
    Package faces = jakarta.faces.context.FacesContext.class.getPackage();
    String title = faces.getImplementationTitle();
    String version = faces.getImplementationVersion();
    return (title == null ? "Jakarta Faces" : title) + (version == null ? "" : " " + version);
  }

  public String getRuntime() {
    return "Payara Micro · Java " + Runtime.version();
  }
}
