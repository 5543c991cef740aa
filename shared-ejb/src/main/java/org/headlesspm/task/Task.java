package org.headlesspm.task;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.headlesspm.api.AgentRole;
import org.headlesspm.api.DifficultyLevel;
import org.headlesspm.api.TaskComplexity;
import org.headlesspm.api.TaskDetailsUpdate;
import org.headlesspm.api.TaskStatus;
import org.headlesspm.api.TaskType;
import org.headlesspm.storage.AgentRoleColumn;
import org.headlesspm.storage.DifficultyLevelColumn;
import org.headlesspm.storage.TaskComplexityColumn;
import org.headlesspm.storage.TaskStatusColumn;
import org.headlesspm.storage.TaskTypeColumn;

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

  @Column(name = "task_type")
  @Convert(converter = TaskTypeColumn.class)
  private TaskType taskType;

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
      TaskType taskType,
      Instant now) {
    this.taskType = taskType;
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

  /**
   * Applies the fields of an edit that differ from the stored ones and describes each change for
   * the changelog, in the order of API-ADDENDUM.md E59; empty when nothing changed.
   */
  public List<String> edit(TaskDetailsUpdate edit, String generatedBranch, Instant now) {
    List<String> changes = new ArrayList<>();
    if (edit.title() != null && !edit.title().equals(title)) {
      changes.add("title: '" + title + "' -> '" + edit.title() + "'");
      title = edit.title();
    }
    if (edit.description() != null && !edit.description().equals(description)) {
      changes.add("description updated");
      description = edit.description();
    }
    if (edit.targetRole() != null && edit.targetRole() != targetRole) {
      changes.add("target_role: " + targetRole + " -> " + edit.targetRole());
      targetRole = edit.targetRole();
    }
    if (edit.difficulty() != null && edit.difficulty() != difficulty) {
      changes.add("difficulty: " + difficulty + " -> " + edit.difficulty());
      difficulty = edit.difficulty();
    }
    if (edit.complexity() != null && edit.complexity() != complexity) {
      changes.add("complexity: " + complexity + " -> " + edit.complexity());
      complexity = edit.complexity();
    }
    if (edit.taskType() != null && edit.taskType() != getTaskType()) {
      changes.add("task_type: " + getTaskType() + " -> " + edit.taskType());
      taskType = edit.taskType();
    }
    if (edit.branch() != null) {
      String next = edit.branch().isBlank() ? generatedBranch : edit.branch();
      if (!next.equals(branch)) {
        changes.add("branch: '" + branch + "' -> '" + next + "'");
        branch = next;
      }
    }
    if (!changes.isEmpty()) {
      updatedAt = now;
    }
    return changes;
  }

  /** Names the branch once the id is known (a blank branch is generated, API-ADDENDUM.md A4.6). */
  public void nameBranch(String generated) {
    branch = generated;
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

  public TaskType getTaskType() {
    return taskType == null ? TaskType.regular : taskType;
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
