package org.headlesspm.dashboard.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.util.List;
import org.headlesspm.api.AgentResponse;
import org.headlesspm.api.AgentRole;
import org.headlesspm.api.EpicResponse;
import org.headlesspm.api.FeatureResponse;
import org.headlesspm.api.ServiceResponse;
import org.headlesspm.api.TaskResponse;
import org.headlesspm.dashboard.backend.Backend;

/**
 * The selected project's lists, each read at most once per request and shared by the page beans.
 * The dashboard's own {@code dashboard-user} (role ui_admin) is left out of the agents
 * (DASHBOARD.md 0).
 */
@RequestScoped
public class ProjectData {

  @Inject Backend backend;
  @Inject CurrentProject current;

  private List<TaskResponse> tasks;
  private List<EpicResponse> epics;
  private List<AgentResponse> agents;
  private List<ServiceResponse> services;

  public List<TaskResponse> tasks() {
    if (tasks == null) {
      tasks =
          current.isSelected()
              ? backend.read(api -> api.listTasks(null, null, current.getId(), 1000), List.of())
              : List.of();
    }
    return tasks;
  }

  public List<EpicResponse> epics() {
    if (epics == null) {
      epics =
          current.isSelected()
              ? backend.read(api -> api.listEpics(current.getId()), List.of())
              : List.of();
    }
    return epics;
  }

  public List<FeatureResponse> features(long epicId) {
    return backend.read(api -> api.listFeatures(epicId), List.of());
  }

  public List<AgentResponse> agents() {
    if (agents == null) {
      agents =
          current.isSelected()
              ? backend
                  .read(api -> api.listAgents(current.getId()), List.<AgentResponse>of())
                  .stream()
                  .filter(a -> a.role() != AgentRole.ui_admin)
                  .toList()
              : List.of();
    }
    return agents;
  }

  public List<ServiceResponse> services() {
    if (services == null) {
      services =
          current.isSelected()
              ? backend.read(api -> api.listServices(current.getId()), List.of())
              : List.of();
    }
    return services;
  }
}
