package org.headlesspm.dashboard.agents;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.headlesspm.api.AgentAvailabilityResponse;
import org.headlesspm.api.AgentResponse;
import org.headlesspm.api.ChangelogResponse;
import org.headlesspm.api.DocumentResponse;
import org.headlesspm.api.MentionResponse;
import org.headlesspm.api.TaskResponse;
import org.headlesspm.dashboard.backend.Backend;
import org.headlesspm.dashboard.web.CurrentProject;
import org.headlesspm.dashboard.web.Format;
import org.headlesspm.dashboard.web.Preferences;
import org.headlesspm.dashboard.web.ProjectData;

/** Agent detail {@code /agents/{agentId}} (DASHBOARD.md 3.4). */
@Named
@RequestScoped
public class AgentPage {

  @Inject Backend backend;
  @Inject CurrentProject current;
  @Inject ProjectData data;
  @Inject Preferences preferences;
  @Inject HttpServletRequest request;

  private AgentResponse agent;
  private AgentAvailabilityResponse availability;
  private String agentId;

  @PostConstruct
  void load() {
    agentId = org.headlesspm.dashboard.web.DeepLinkFilter.id(request);
    if (agentId == null || !current.isSelected()) {
      return;
    }
    agent =
        backend.read(api -> api.listAgents(current.getId()), List.<AgentResponse>of()).stream()
            .filter(a -> a.agentId().equals(agentId))
            .findFirst()
            .orElse(null);
    if (agent != null) {
      availability = backend.read(api -> api.agentAvailability(agentId, current.getId()), null);
    }
  }

  public String getAgentId() {
    return agentId;
  }

  public AgentResponse getAgent() {
    return agent;
  }

  public AgentAvailabilityResponse getAvailability() {
    return availability;
  }

  public List<TaskResponse> getLockedTasks() {
    return data.tasks().stream().filter(t -> agentId.equals(t.lockedBy())).toList();
  }

  public List<ChangelogResponse> getChanges() {
    return backend
        .read(api -> api.changelog(500, current.getId(), null), List.<ChangelogResponse>of())
        .stream()
        .filter(c -> agentId.equals(c.changedBy()))
        .limit(20)
        .toList();
  }

  public long getCommitted() {
    return getChanges().stream()
        .filter(c -> "committed".equals(String.valueOf(c.newStatus())) && !Format.isCreation(c))
        .count();
  }

  public List<DocumentResponse> getDocuments() {
    return backend.read(api -> api.listDocuments(current.getId(), null, agentId, 50), List.of());
  }

  public List<MentionResponse> getMentions() {
    return backend.read(api -> api.listMentions(current.getId(), agentId, null, 100), List.of());
  }

  public long getRoleQueue() {
    return data.tasks().stream()
        .filter(t -> agent != null && t.targetRole() == agent.role())
        .count();
  }

  /** Only the mentioned agent may mark its mentions read (API E43). */
  public boolean isMayMarkRead() {
    return agentId != null && agentId.equals(preferences.getActor());
  }

  public String getId() {
    return org.headlesspm.dashboard.web.DeepLinkFilter.id(request);
  }
}
