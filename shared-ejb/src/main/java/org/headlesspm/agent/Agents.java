package org.headlesspm.agent;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;
import org.headlesspm.api.AgentRole;
import org.headlesspm.api.ApiError;

/** Finds agent records, and resolves a bare handle to the record that acts (API.md 4.1). */
@ApplicationScoped
@Transactional
public class Agents {

  @PersistenceContext EntityManager em;

  public Optional<Agent> find(String agentId, long projectId) {
    return em.createQuery(
            "SELECT a FROM Agent a WHERE a.agentId = :handle AND a.projectId = :project",
            Agent.class)
        .setParameter("handle", agentId)
        .setParameter("project", projectId)
        .getResultStream()
        .findFirst();
  }

  /** Every record of a handle, oldest first. */
  public List<Agent> recordsOf(String agentId) {
    return em.createQuery(
            "SELECT a FROM Agent a WHERE a.agentId = :handle ORDER BY a.id", Agent.class)
        .setParameter("handle", agentId)
        .getResultList();
  }

  /**
   * The record in the context project if there is one, else the handle's oldest record (project
   * checks then decide), else nothing.
   */
  public Optional<Agent> resolve(String agentId, Long contextProjectId) {
    if (agentId == null) {
      return Optional.empty();
    }
    if (contextProjectId != null) {
      Optional<Agent> inContext = find(agentId, contextProjectId);
      if (inContext.isPresent()) {
        return inContext;
      }
    }
    return recordsOf(agentId).stream().findFirst();
  }

  /** {@link #resolve} or 404 with {@code detail}. */
  public Agent require(String agentId, Long contextProjectId, String detail) {
    return resolve(agentId, contextProjectId).orElseThrow(() -> ApiError.notFound(detail));
  }

  /** The 404 the reference gives when an acting agent is unknown. */
  public static String notRegistered(String agentId) {
    return "Agent '"
        + agentId
        + "' not found. Please ensure the agent is registered using POST /api/v1/register"
        + " before attempting this operation.";
  }

  /**
   * The project a request without {@code project_id} means (API.md 1.12): the acting agent's (most
   * recently seen record when it has several), else none. Dashboard records are ignored: one exists
   * in every project (API-ADDENDUM.md A3.1).
   */
  public Optional<Long> projectOf(String agentId) {
    if (agentId == null) {
      return Optional.empty();
    }
    return em.createQuery(
            "SELECT a FROM Agent a WHERE a.agentId = :handle AND a.role <> :dashboard"
                + " ORDER BY a.lastSeen DESC, a.id DESC",
            Agent.class)
        .setParameter("handle", agentId)
        .setParameter("dashboard", AgentRole.ui_admin)
        .setMaxResults(1)
        .getResultStream()
        .findFirst()
        .map(Agent::getProjectId);
  }
}
