package org.headlesspm.agent;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.headlesspm.api.AgentAvailabilityResponse;
import org.headlesspm.api.AgentRegistration;
import org.headlesspm.api.AgentRegistrationResponse;
import org.headlesspm.api.AgentResponse;
import org.headlesspm.api.AgentRole;
import org.headlesspm.api.AgentStatus;
import org.headlesspm.api.ApiError;
import org.headlesspm.api.ConnectionType;
import org.headlesspm.api.MessageResponse;
import org.headlesspm.api.TaskResponse;
import org.headlesspm.document.MentionService;
import org.headlesspm.project.ProjectService;
import org.headlesspm.storage.NativeSql;
import org.headlesspm.storage.Writes;

/** Registration, listing, availability and deletion of agent records. */
@ApplicationScoped
@Transactional
public class AgentService {

  @PersistenceContext EntityManager em;
  @Inject Clock clock;
  @Inject Agents agents;
  @Inject ProjectService projects;
  @Inject MentionService mentions;
  @Inject NextTaskLookup nextTasks;
  @Inject Event<AgentDeleted> deleted;

  /** What registration needs from the task workflow, without depending on it. */
  public interface NextTaskLookup {
    Optional<TaskResponse> selectNow(Agent agent);
  }

  /** An agent record is about to be deleted: whoever tracks its work cleans up. */
  public record AgentDeleted(long agentRecordId, String agentId) {}

  @Writes
  public AgentRegistrationResponse register(AgentRegistration request) {
    if (DashboardIdentity.RESERVED_HANDLES.contains(request.agentId())) {
      throw ApiError.forbidden(
          "Reserved agent ID '" + request.agentId() + "' cannot be claimed by external agents");
    }
    if (request.role() == AgentRole.ui_admin) {
      throw ApiError.forbidden("Reserved role 'ui_admin' cannot be assigned to external agents");
    }
    long projectId = request.projectId();
    projects.require(projectId);
    Instant now = clock.instant();
    ConnectionType connection =
        request.connectionType() == null ? ConnectionType.client : request.connectionType();
    Agent agent =
        agents
            .find(request.agentId(), projectId)
            .map(
                existing -> {
                  existing.registerAgain(connection, now);
                  return existing;
                })
            .orElseGet(
                () -> {
                  Agent created =
                      new Agent(
                          request.agentId(),
                          projectId,
                          request.role(),
                          request.level(),
                          connection,
                          now);
                  em.persist(created);
                  return created;
                });
    em.flush();
    long recordId = agent.getId();
    TaskResponse next = nextTasks.selectNow(agent).orElse(null);
    Agent fresh = em.find(Agent.class, recordId);
    return new AgentRegistrationResponse(
        toResponse(fresh, projects.require(projectId).getName()),
        next,
        mentions.list(projectId, fresh.getAgentId(), true, 10));
  }

  public List<AgentResponse> list(Long projectId) {
    String where = projectId == null ? "" : " WHERE a.projectId = :project";
    var query =
        em.createQuery(
            "SELECT a, p.name FROM Agent a JOIN Project p ON p.id = a.projectId"
                + where
                + " ORDER BY a.lastSeen DESC, a.id DESC",
            Object[].class);
    if (projectId != null) {
      query.setParameter("project", projectId);
    }
    return query.getResultList().stream()
        .map(row -> toResponse((Agent) row[0], (String) row[1]))
        .toList();
  }

  public List<AgentAvailabilityResponse> availability(long projectId, AgentRole role) {
    String byRole = role == null ? "" : " AND a.role = :role";
    var query =
        em.createQuery(
            "SELECT a, t.title FROM Agent a LEFT JOIN Task t ON t.id = a.currentTaskId"
                + " WHERE a.projectId = :project"
                + byRole
                + " ORDER BY a.agentId, a.id",
            Object[].class);
    query.setParameter("project", projectId);
    if (role != null) {
      query.setParameter("role", role);
    }
    return query.getResultList().stream()
        .map(row -> toAvailability((Agent) row[0], (String) row[1]))
        .toList();
  }

  public AgentAvailabilityResponse availabilityOf(String agentId, long projectId) {
    Agent agent =
        agents.find(agentId, projectId).orElseThrow(() -> ApiError.notFound("Agent not found"));
    String title =
        agent.getCurrentTaskId() == null
            ? null
            : em.createQuery("SELECT t.title FROM Task t WHERE t.id = :id", String.class)
                .setParameter("id", agent.getCurrentTaskId())
                .getResultStream()
                .findFirst()
                .orElse(null);
    return toAvailability(agent, title);
  }

  @Writes
  public MessageResponse delete(String agentId, String requesterId, long projectId) {
    Agent requester = agents.require(requesterId, projectId, Agents.notRegistered(requesterId));
    if (!requester.managesProject(projectId)) {
      throw ApiError.forbidden(
          "Only project_pm, global_pm, ui_admin agents can perform this operation");
    }
    if (agentId.equals(requesterId)) {
      throw ApiError.badRequest("Cannot delete your own agent record");
    }
    if (DashboardIdentity.HANDLE.equals(agentId)) {
      throw ApiError.badRequest("The dashboard-user agent cannot be deleted");
    }
    Agent agent =
        agents.find(agentId, projectId).orElseThrow(() -> ApiError.notFound("Agent not found"));
    long recordId = agent.getId();
    deleted.fire(new AgentDeleted(recordId, agentId));
    NativeSql.update(em, "UPDATE task SET created_by_id = NULL WHERE created_by_id = ?1", recordId);
    NativeSql.update(em, "DELETE FROM agent WHERE id = ?1", recordId);
    em.clear();
    return new MessageResponse("Agent " + agentId + " deleted successfully");
  }

  /** The agent was seen now (a next-task request named it). */
  @Writes
  public void seen(long agentRecordId) {
    Agent agent = em.find(Agent.class, agentRecordId);
    if (agent != null) {
      agent.seen(clock.instant());
    }
  }

  public static AgentResponse toResponse(Agent a, String projectName) {
    return new AgentResponse(
        a.getId(),
        a.getAgentId(),
        a.getProjectId(),
        projectName,
        a.getRole(),
        a.getLevel(),
        a.getConnectionType(),
        a.getLastSeen());
  }

  private static AgentAvailabilityResponse toAvailability(Agent a, String currentTaskTitle) {
    return new AgentAvailabilityResponse(
        a.getAgentId(),
        a.getProjectId(),
        a.getStatus() == AgentStatus.idle,
        a.getCurrentTaskId(),
        currentTaskTitle,
        a.getLastActivity(),
        a.getStatus());
  }
}
