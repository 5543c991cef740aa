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

  /** Project PMs act on their own project; global PMs on any. */
  public boolean managesProject(long project) {
    return role == AgentRole.global_pm || (role == AgentRole.project_pm && projectId == project);
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
