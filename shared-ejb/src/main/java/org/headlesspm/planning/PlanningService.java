package org.headlesspm.planning;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.headlesspm.agent.Agent;
import org.headlesspm.agent.Agents;
import org.headlesspm.api.AgentRole;
import org.headlesspm.api.ApiError;
import org.headlesspm.api.EpicCreate;
import org.headlesspm.api.EpicResponse;
import org.headlesspm.api.FeatureCreate;
import org.headlesspm.api.FeatureResponse;
import org.headlesspm.api.MessageResponse;
import org.headlesspm.api.TaskStatus;
import org.headlesspm.project.ProjectService;
import org.headlesspm.storage.NativeSql;
import org.headlesspm.storage.Writes;
import org.headlesspm.task.TaskRemoval;

/** Epics and features: the plan a project manager lays out before tasks are created. */
@ApplicationScoped
@Transactional
public class PlanningService {

  private static final String PLANNERS =
      "Only project_pm, architect, global_pm, ui_admin agents can perform this operation";
  private static final String MANAGERS =
      "Only project_pm, global_pm, ui_admin agents can perform this operation";

  @PersistenceContext EntityManager em;
  @Inject Clock clock;
  @Inject Agents agents;
  @Inject ProjectService projects;
  @Inject TaskRemoval taskRemoval;

  @Writes
  public EpicResponse createEpic(String agentId, Long projectId, EpicCreate request) {
    Agent agent = agents.require(agentId, projectId, "Agent not found");
    checkPlanner(agent);
    if (projectId != null) {
      projects.require(projectId);
      if (agent.getRole() != AgentRole.global_pm && !agent.isIn(projectId)) {
        throw ApiError.forbidden("Cannot create epics in other projects");
      }
    }
    long target = projectId != null ? projectId : agent.getProjectId();
    Epic epic = new Epic(target, request.name(), request.description(), clock.instant());
    em.persist(epic);
    em.flush();
    return toResponse(epic, new long[3]);
  }

  public List<EpicResponse> listEpics(Long projectId) {
    String where = projectId == null ? "" : " WHERE e.projectId = :project";
    var query = em.createQuery("SELECT e FROM Epic e" + where + " ORDER BY e.id", Epic.class);
    if (projectId != null) {
      query.setParameter("project", projectId);
    }
    Map<Long, long[]> counts = taskCounts(projectId);
    return query.getResultList().stream()
        .map(e -> toResponse(e, counts.getOrDefault(e.getId(), new long[3])))
        .toList();
  }

  public EpicResponse getEpic(long epicId) {
    Epic epic = requireEpic(epicId);
    return toResponse(epic, taskCounts(epic.getProjectId()).getOrDefault(epicId, new long[3]));
  }

  @Writes
  public MessageResponse deleteEpic(long epicId, String agentId) {
    Epic epic = em.find(Epic.class, epicId);
    Agent agent =
        agents.require(agentId, epic == null ? null : epic.getProjectId(), "Agent not found");
    checkManager(agent);
    if (epic == null) {
      throw ApiError.notFound("Epic not found");
    }
    if (!agent.managesProject(epic.getProjectId())) {
      throw ApiError.forbidden("Cannot delete epics of other projects");
    }
    taskRemoval.remove(TaskRemoval.TASKS_OF_EPIC, epicId);
    NativeSql.update(em, "DELETE FROM feature WHERE epic_id = ?1", epicId);
    NativeSql.update(em, "DELETE FROM epic WHERE id = ?1", epicId);
    em.clear();
    return new MessageResponse("Epic " + epicId + " deleted successfully");
  }

  @Writes
  public FeatureResponse createFeature(String agentId, FeatureCreate request) {
    Epic epic = em.find(Epic.class, request.epicId());
    Agent agent =
        agents.require(agentId, epic == null ? null : epic.getProjectId(), "Agent not found");
    checkPlanner(agent);
    if (epic == null) {
      throw ApiError.notFound("Epic not found");
    }
    if (agent.getRole() != AgentRole.global_pm && !agent.isIn(epic.getProjectId())) {
      throw ApiError.forbidden("Cannot create features in other projects");
    }
    Feature feature = new Feature(epic.getId(), request.name(), request.description());
    em.persist(feature);
    em.flush();
    return toResponse(feature);
  }

  public List<FeatureResponse> listFeatures(long epicId) {
    return em
        .createQuery("SELECT f FROM Feature f WHERE f.epicId = :epic ORDER BY f.id", Feature.class)
        .setParameter("epic", epicId)
        .getResultList()
        .stream()
        .map(PlanningService::toResponse)
        .toList();
  }

  @Writes
  public MessageResponse deleteFeature(long featureId, String agentId) {
    Feature feature = em.find(Feature.class, featureId);
    Epic epic = feature == null ? null : em.find(Epic.class, feature.getEpicId());
    Agent agent =
        agents.require(agentId, epic == null ? null : epic.getProjectId(), "Agent not found");
    checkManager(agent);
    if (feature == null) {
      throw ApiError.notFound("Feature not found");
    }
    if (epic != null && !agent.managesProject(epic.getProjectId())) {
      throw ApiError.forbidden("Cannot delete features of other projects");
    }
    taskRemoval.remove(TaskRemoval.TASKS_OF_FEATURE, featureId);
    NativeSql.update(em, "DELETE FROM feature WHERE id = ?1", featureId);
    em.clear();
    return new MessageResponse("Feature " + featureId + " deleted successfully");
  }

  private Epic requireEpic(long epicId) {
    Epic epic = em.find(Epic.class, epicId);
    if (epic == null) {
      throw ApiError.notFound("Epic not found");
    }
    return epic;
  }

  private static void checkPlanner(Agent agent) {
    AgentRole role = agent.getRole();
    if (!role.isPm() && role != AgentRole.architect && role != AgentRole.ui_admin) {
      throw ApiError.forbidden(PLANNERS);
    }
  }

  private static void checkManager(Agent agent) {
    if (!agent.getRole().isPm() && !agent.isDashboard()) {
      throw ApiError.forbidden(MANAGERS);
    }
  }

  /** Per epic: {all tasks, committed, in progress}, in one query. */
  private Map<Long, long[]> taskCounts(Long projectId) {
    String where = projectId == null ? "" : " AND e.projectId = :project";
    var query =
        em.createQuery(
            "SELECT f.epicId, t.status, COUNT(t) FROM Task t, Feature f, Epic e"
                + " WHERE t.featureId = f.id AND f.epicId = e.id"
                + where
                + " GROUP BY f.epicId, t.status",
            Object[].class);
    if (projectId != null) {
      query.setParameter("project", projectId);
    }
    Map<Long, long[]> counts = new HashMap<>();
    for (Object[] row : query.getResultList()) {
      long[] c = counts.computeIfAbsent((Long) row[0], k -> new long[3]);
      TaskStatus status = (TaskStatus) row[1];
      long n = ((Number) row[2]).longValue();
      c[0] += n;
      if (status == TaskStatus.committed) {
        c[1] += n;
      } else if (status.isInProgress()) {
        c[2] += n;
      }
    }
    return counts;
  }

  private static EpicResponse toResponse(Epic e, long[] counts) {
    return new EpicResponse(
        e.getId(),
        e.getProjectId(),
        e.getName(),
        e.getDescription(),
        e.getCreatedAt(),
        counts[0],
        counts[1],
        counts[2]);
  }

  private static FeatureResponse toResponse(Feature f) {
    return new FeatureResponse(f.getId(), f.getEpicId(), f.getName(), f.getDescription());
  }
}
