package org.headlesspm.document;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.headlesspm.api.AgentRole;
import org.headlesspm.api.ApiError;
import org.headlesspm.api.MentionResponse;
import org.headlesspm.storage.Writes;

/** Records @mentions and lets agents read and acknowledge them. */
@ApplicationScoped
@Transactional
public class MentionService {

  private static final String SELECT =
      "SELECT m, d.title, t.title FROM Mention m"
          + " LEFT JOIN Document d ON d.id = m.documentId"
          + " LEFT JOIN Task t ON t.id = m.taskId";

  @PersistenceContext EntityManager em;
  @Inject Clock clock;

  /** One mention per distinct name in a task comment, in the caller's transaction. */
  public void recordForTaskComment(long projectId, long taskId, String comment, String author) {
    Instant now = clock.instant();
    for (String name : MentionParser.names(comment)) {
      persistInOrder(Mention.inTaskComment(projectId, taskId, name, author, now));
    }
  }

  /** One mention per distinct name in a document's content, in the caller's transaction. */
  public void recordForDocument(long projectId, long documentId, String content, String author) {
    Instant now = clock.instant();
    for (String name : MentionParser.names(content)) {
      persistInOrder(Mention.inDocument(projectId, documentId, name, author, now));
    }
  }

  /** Ids follow the order of first appearance, so each mention is inserted on its own. */
  private void persistInOrder(Mention mention) {
    em.persist(mention);
    em.flush();
  }

  /** Mentions of a project, newest first; {@code agentId} null means every agent. */
  public List<MentionResponse> list(long projectId, String agentId, boolean unreadOnly, int limit) {
    StringBuilder where = new StringBuilder(" WHERE m.projectId = :project");
    if (agentId != null) {
      where.append(" AND m.mentionedAgentId = :agent");
    }
    if (unreadOnly) {
      where.append(" AND m.read = false");
    }
    var query =
        em.createQuery(SELECT + where + " ORDER BY m.createdAt DESC, m.id DESC", Object[].class)
            .setParameter("project", projectId)
            .setMaxResults(limit);
    if (agentId != null) {
      query.setParameter("agent", agentId);
    }
    return query.getResultList().stream().map(MentionService::toResponse).toList();
  }

  /** Mentions of the handles that some agent of {@code role} in the project has. */
  public List<MentionResponse> listByRole(
      long projectId, AgentRole role, boolean unreadOnly, int limit) {
    String unread = unreadOnly ? " AND m.read = false" : "";
    return em
        .createQuery(
            SELECT
                + " WHERE m.projectId = :project"
                + unread
                + " AND m.mentionedAgentId IN"
                + " (SELECT a.agentId FROM Agent a WHERE a.projectId = :project AND a.role = :role)"
                + " ORDER BY m.createdAt DESC, m.id DESC",
            Object[].class)
        .setParameter("project", projectId)
        .setParameter("role", role)
        .setMaxResults(limit)
        .getResultList()
        .stream()
        .map(MentionService::toResponse)
        .toList();
  }

  @Writes
  public MentionResponse markRead(long mentionId, String agentId) {
    Mention mention = em.find(Mention.class, mentionId);
    if (mention == null) {
      throw ApiError.notFound("Mention not found");
    }
    if (!mention.getMentionedAgentId().equals(agentId)) {
      throw ApiError.forbidden("Cannot mark mentions for other agents as read");
    }
    mention.markRead();
    em.flush();
    return em
        .createQuery(SELECT + " WHERE m.id = :id", Object[].class)
        .setParameter("id", mentionId)
        .getResultList()
        .stream()
        .map(MentionService::toResponse)
        .findFirst()
        .orElseThrow();
  }

  private static MentionResponse toResponse(Object[] row) {
    Mention m = (Mention) row[0];
    return new MentionResponse(
        m.getId(),
        m.getDocumentId(),
        m.getTaskId(),
        m.getMentionedAgentId(),
        m.getCreatedBy(),
        m.isRead(),
        m.getCreatedAt(),
        (String) row[1],
        (String) row[2]);
  }
}
