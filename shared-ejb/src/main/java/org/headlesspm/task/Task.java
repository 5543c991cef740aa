package org.headlesspm.task;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.headlesspm.api.AgentRole;
import org.headlesspm.api.DifficultyLevel;
import org.headlesspm.api.TaskComplexity;
import org.headlesspm.api.TaskStatus;
import org.headlesspm.storage.AgentRoleColumn;
import org.headlesspm.storage.DifficultyLevelColumn;
import org.headlesspm.storage.TaskComplexityColumn;
import org.headlesspm.storage.TaskStatusColumn;

/**
 * A unit of work for one agent. Locks are taken and released by conditional updates (see {@link
 * TaskLocks}), never by changing a loaded entity, so two agents can never both win.
 */
@Entity
@Table(name = "task")
public class Task {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "feature_id")
  private Long featureId;

  private String title;
  private String description;

  @Column(name = "created_by_id")
  private Long createdById;

  @Column(name = "created_by")
  private String createdBy;

  @Column(name = "target_role")
  @Convert(converter = AgentRoleColumn.class)
  private AgentRole targetRole;

  @Convert(converter = DifficultyLevelColumn.class)
  private DifficultyLevel difficulty;

  @Convert(converter = TaskComplexityColumn.class)
  private TaskComplexity complexity;

  private String branch;

  @Convert(converter = TaskStatusColumn.class)
  private TaskStatus status;

  @Column(name = "locked_by_id")
  private Long lockedById;

  @Column(name = "locked_at")
  private Instant lockedAt;

  @Column(name = "status_before_lock")
  @Convert(converter = TaskStatusColumn.class)
  private TaskStatus statusBeforeLock;

  private String notes;

  @Column(name = "created_at")
  private Instant createdAt;

  @Column(name = "updated_at")
  private Instant updatedAt;

  protected Task() {}

  public Task(
      long featureId,
      String title,
      String description,
      long createdById,
      String createdBy,
      AgentRole targetRole,
      DifficultyLevel difficulty,
      TaskComplexity complexity,
      String branch,
      TaskStatus status,
      Instant now) {
    this.featureId = featureId;
    this.title = title;
    this.description = description;
    this.createdById = createdById;
    this.createdBy = createdBy;
    this.targetRole = targetRole;
    this.difficulty = difficulty;
    this.complexity = complexity;
    this.branch = branch;
    this.status = status;
    this.createdAt = now;
    this.updatedAt = now;
  }

  /** A status change: non-empty notes replace the stored notes (API.md 4.3.5). */
  public void moveTo(TaskStatus next, String statusNotes, Instant now) {
    status = next;
    if (statusNotes != null && !statusNotes.isEmpty()) {
      notes = statusNotes;
    }
    updatedAt = now;
  }

  /** Comments are appended as {@code <agent>: <comment>}, one blank line apart. */
  public void addComment(String agentId, String comment, Instant now) {
    String line = agentId + ": " + comment;
    notes = notes == null || notes.isEmpty() ? line : notes + "\n\n" + line;
    updatedAt = now;
  }

  /** The status a released lock goes back to; {@code created} when it was never recorded. */
  public TaskStatus statusToRestore() {
    return statusBeforeLock == null ? TaskStatus.created : statusBeforeLock;
  }

  public boolean isLocked() {
    return lockedById != null;
  }

  public Long getId() {
    return id;
  }

  public long getFeatureId() {
    return featureId;
  }

  public String getTitle() {
    return title;
  }

  public String getDescription() {
    return description;
  }

  public Long getCreatedById() {
    return createdById;
  }

  public String getCreatedBy() {
    return createdBy;
  }

  public AgentRole getTargetRole() {
    return targetRole;
  }

  public DifficultyLevel getDifficulty() {
    return difficulty;
  }

  public TaskComplexity getComplexity() {
    return complexity;
  }

  public String getBranch() {
    return branch;
  }

  public TaskStatus getStatus() {
    return status;
  }

  public Long getLockedById() {
    return lockedById;
  }

  public Instant getLockedAt() {
    return lockedAt;
  }

  public String getNotes() {
    return notes;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  public Instant getUpdatedAt() {
    return updatedAt;
  }
}
