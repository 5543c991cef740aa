package org.headlesspm.admin;

import static org.headlesspm.admin.TextTable.truncate;
import static org.headlesspm.api.JsonFactory.JSON;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.headlesspm.agent.Agent;
import org.headlesspm.api.AgentRole;
import org.headlesspm.api.ApiError;
import org.headlesspm.api.DocumentType;
import org.headlesspm.api.ProjectResponse;
import org.headlesspm.api.TaskStatus;
import org.headlesspm.api.WireEnum;
import org.headlesspm.document.Document;
import org.headlesspm.project.ProjectService;
import org.headlesspm.registry.RegisteredService;
import org.headlesspm.task.Task;

/**
 * The reference CLI's listings ({@code tasks}, {@code agents}, {@code services}, {@code documents},
 * {@code projects}) over all projects, with its columns and truncation rules (OPERATIONS.md 5.1).
 */
@ApplicationScoped
@Transactional
public class Listings {

  /** The reference shows the newest 20 tasks and documents. */
  static final int NEWEST = 20;

  @PersistenceContext EntityManager em;
  @Inject ProjectService projects;

  /** Newest tasks, optionally filtered; invalid filters are refused as the reference words it. */
  public AdminReport tasks(String status, String role) {
    TaskStatus wantedStatus = parse(TaskStatus.class, status, "Invalid status: ");
    AgentRole wantedRole = parse(AgentRole.class, role, "Invalid role: ");
    StringBuilder jpql = new StringBuilder("SELECT t FROM Task t WHERE 1 = 1");
    if (wantedStatus != null) {
      jpql.append(" AND t.status = :status");
    }
    if (wantedRole != null) {
      jpql.append(" AND t.targetRole = :role");
    }
    var query =
        em.createQuery(jpql.append(" ORDER BY t.createdAt DESC, t.id DESC").toString(), Task.class)
            .setMaxResults(NEWEST);
    if (wantedStatus != null) {
      query.setParameter("status", wantedStatus);
    }
    if (wantedRole != null) {
      query.setParameter("role", wantedRole);
    }
    List<Task> tasks = query.getResultList();
    Map<Long, String> handles = handles();
    TextTable table =
        TextTable.of(
            "id",
            "ID",
            "title",
            "Title",
            "role",
            "Role",
            "level",
            "Level",
            "status",
            "Status",
            "creator",
            "Creator",
            "locked_by",
            "Locked By");
    for (Task t : tasks) {
      table.row(
          t.getId(),
          truncate(t.getTitle(), 30),
          t.getTargetRole().name(),
          t.getDifficulty().name(),
          t.getStatus().name().replace('_', ' '),
          t.getCreatedBy() == null || t.getCreatedBy().isEmpty() ? "unknown" : t.getCreatedBy(),
          t.getLockedById() == null ? "-" : handles.getOrDefault(t.getLockedById(), "-"));
    }
    return listing("tasks", table, "No tasks found matching criteria");
  }

  /** All agents, most recently seen first. */
  public AdminReport agents() {
    TextTable table =
        TextTable.of(
            "agent_id",
            "Agent ID",
            "project_id",
            "Project",
            "role",
            "Role",
            "level",
            "Level",
            "last_seen",
            "Last Seen");
    for (Agent a :
        em.createQuery("SELECT a FROM Agent a ORDER BY a.lastSeen DESC, a.id DESC", Agent.class)
            .getResultList()) {
      table.row(
          a.getAgentId(),
          a.getProjectId(),
          a.getRole().name(),
          a.getLevel().name(),
          TextTable.dayMinute(a.getLastSeen(), "Never"));
    }
    return listing("agents", table, "No agents registered");
  }

  /** All registered services by name. */
  public AdminReport services() {
    TextTable table =
        TextTable.of(
            "service_name",
            "Service",
            "owner",
            "Owner",
            "port",
            "Port",
            "status",
            "Status",
            "last_heartbeat",
            "Last Heartbeat");
    for (RegisteredService s :
        em.createQuery(
                "SELECT s FROM Service s ORDER BY s.serviceName, s.id", RegisteredService.class)
            .getResultList()) {
      table.row(
          s.getServiceName(),
          s.getOwnerAgentId(),
          s.getPort() == null ? "-" : s.getPort(),
          s.getStatus().name(),
          TextTable.clock(s.getLastHeartbeat(), "Never"));
    }
    return listing("services", table, "No services registered");
  }

  /** Newest documents, optionally of one type. */
  public AdminReport documents(String docType) {
    DocumentType type = parse(DocumentType.class, docType, "Invalid document type: ");
    var query =
        em.createQuery(
                "SELECT d FROM Document d"
                    + (type == null ? "" : " WHERE d.docType = :type")
                    + " ORDER BY d.createdAt DESC, d.id DESC",
                Document.class)
            .setMaxResults(NEWEST);
    if (type != null) {
      query.setParameter("type", type);
    }
    TextTable table =
        TextTable.of(
            "id",
            "ID",
            "doc_type",
            "Type",
            "title",
            "Title",
            "author",
            "Author",
            "created_at",
            "Created");
    for (Document d : query.getResultList()) {
      table.row(
          d.getId(),
          d.getDocType().name(),
          truncate(d.getTitle(), 40),
          d.getAuthorId(),
          TextTable.monthMinute(d.getCreatedAt()));
    }
    return listing("documents", table, "No documents found");
  }

  /** Every project with its counts. */
  public AdminReport projects() {
    TextTable table =
        TextTable.of(
            "id",
            "ID",
            "name",
            "Name",
            "description",
            "Description",
            "agents",
            "Agents",
            "epics",
            "Epics",
            "tasks",
            "Tasks",
            "created_at",
            "Created");
    for (ProjectResponse p : projects.list()) {
      table.row(
          p.id(),
          p.name(),
          truncate(p.description(), 50),
          p.agentCount(),
          p.epicCount(),
          p.taskCount(),
          TextTable.dayMinute(p.createdAt(), ""));
    }
    return listing("projects", table, "No projects found");
  }

  private Map<Long, String> handles() {
    Map<Long, String> handles = new HashMap<>();
    for (Object[] row :
        em.createQuery("SELECT a.id, a.agentId FROM Agent a", Object[].class).getResultList()) {
      handles.put((Long) row[0], (String) row[1]);
    }
    return handles;
  }

  private static AdminReport listing(String key, TextTable table, String whenEmpty) {
    String text = table.isEmpty() ? whenEmpty + "\n" : table.render();
    return AdminReport.ok(
        text, JSON.createObjectBuilder().add(key, table.json()).add("count", table.size()).build());
  }

  /**
   * Null for no filter; legacy and upper-case spellings are read as the API reads them; anything
   * else gets the reference's message.
   */
  static <E extends Enum<E>> E parse(Class<E> type, String raw, String refusal) {
    if (raw == null || raw.isBlank()) {
      return null;
    }
    try {
      return WireEnum.parse(type, raw);
    } catch (IllegalArgumentException e) {
      throw ApiError.badRequest(refusal + raw);
    }
  }
}
