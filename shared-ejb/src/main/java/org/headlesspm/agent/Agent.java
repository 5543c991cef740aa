package org.headlesspm.agent;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.headlesspm.api.AgentRole;
import org.headlesspm.api.AgentStatus;
import org.headlesspm.api.ConnectionType;
import org.headlesspm.api.DifficultyLevel;
import org.headlesspm.storage.AgentRoleColumn;
import org.headlesspm.storage.AgentStatusColumn;
import org.headlesspm.storage.ConnectionTypeColumn;
import org.headlesspm.storage.DifficultyLevelColumn;

/**
 * One registration of an agent handle in one project. The same handle may be registered in several
 * projects; role and level are fixed at the first registration.
 */
@Entity
@Table(name = "agent")
public class Agent {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "agent_id")
  private String agentId;

  @Column(name = "project_id")
  private Long projectId;

  @Convert(converter = AgentRoleColumn.class)
  private AgentRole role;

  @Convert(converter = DifficultyLevelColumn.class)
  private DifficultyLevel level;

  @Column(name = "connection_type")
  @Convert(converter = ConnectionTypeColumn.class)
  private ConnectionType connectionType;

  @Convert(converter = AgentStatusColumn.class)
  private AgentStatus status;

  @Column(name = "current_task_id")
  private Long currentTaskId;

  @Column(name = "last_seen")
  private Instant lastSeen;

  @Column(name = "last_activity")
  private Instant lastActivity;

  protected Agent() {}

  public Agent(
      String agentId,
      long projectId,
      AgentRole role,
      DifficultyLevel level,
      ConnectionType connectionType,
      Instant now) {
    this.agentId = agentId;
    this.projectId = projectId;
    this.role = role;
    this.level = level;
    this.connectionType = connectionType;
    this.status = AgentStatus.idle;
    this.lastSeen = now;
    this.lastActivity = now;
  }

  /** Registering again refreshes presence; an agent that lost its lock as stale is back. */
  public void registerAgain(ConnectionType connection, Instant now) {
    connectionType = connection;
    lastSeen = now;
    if (status == AgentStatus.offline) {
      status = AgentStatus.idle;
    }
  }

  public void seen(Instant now) {
    lastSeen = now;
  }

  public void active(Instant now) {
    lastActivity = now;
  }

  /**
   * Project PMs and the dashboard identity manage their own project; global PMs every project
   * (API-ADDENDUM.md A4.2).
   */
  public boolean managesProject(long project) {
    boolean ownProjectManager = role == AgentRole.project_pm || role == AgentRole.ui_admin;
    return role == AgentRole.global_pm || (ownProjectManager && projectId == project);
  }

  public boolean isDashboard() {
    return role == AgentRole.ui_admin;
  }

  /**
   * Makes a dashboard record what it must be (API-ADDENDUM.md A4.1): ui_admin, principal, ui, and
   * idle rather than offline. Answers whether anything changed.
   */
  public boolean repairAsDashboard() {
    boolean changed =
        role != AgentRole.ui_admin
            || level != DifficultyLevel.principal
            || connectionType != ConnectionType.ui
            || status == AgentStatus.offline;
    role = AgentRole.ui_admin;
    level = DifficultyLevel.principal;
    connectionType = ConnectionType.ui;
    if (status == AgentStatus.offline) {
      status = AgentStatus.idle;
    }
    return changed;
  }

  public boolean isIn(long project) {
    return projectId == project;
  }

  public Long getId() {
    return id;
  }

  public String getAgentId() {
    return agentId;
  }

  public long getProjectId() {
    return projectId;
  }

  public AgentRole getRole() {
    return role;
  }

  public DifficultyLevel getLevel() {
    return level;
  }

  public ConnectionType getConnectionType() {
    return connectionType;
  }

  public AgentStatus getStatus() {
    return status;
  }

  public Long getCurrentTaskId() {
    return currentTaskId;
  }

  public Instant getLastSeen() {
    return lastSeen;
  }

  public Instant getLastActivity() {
    return lastActivity;
  }
}
