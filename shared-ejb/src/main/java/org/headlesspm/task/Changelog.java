package org.headlesspm.task;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.headlesspm.api.TaskStatus;
import org.headlesspm.storage.TaskStatusColumn;

/** One status transition of a task, by an agent or by {@code system}. */
@Entity
@Table(name = "changelog")
public class Changelog {

  /** {@code changed_by} of automatic actions. */
  public static final String SYSTEM = "system";

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "task_id")
  private Long taskId;

  @Column(name = "old_status")
  @Convert(converter = TaskStatusColumn.class)
  private TaskStatus oldStatus;

  @Column(name = "new_status")
  @Convert(converter = TaskStatusColumn.class)
  private TaskStatus newStatus;

  @Column(name = "changed_by")
  private String changedBy;

  private String notes;

  @Column(name = "changed_at")
  private Instant changedAt;

  protected Changelog() {}

  public Changelog(
      long taskId,
      TaskStatus oldStatus,
      TaskStatus newStatus,
      String changedBy,
      String notes,
      Instant now) {
    this.taskId = taskId;
    this.oldStatus = oldStatus;
    this.newStatus = newStatus;
    this.changedBy = changedBy;
    this.notes = notes;
    this.changedAt = now;
  }

  public Long getId() {
    return id;
  }

  public long getTaskId() {
    return taskId;
  }

  public TaskStatus getOldStatus() {
    return oldStatus;
  }

  public TaskStatus getNewStatus() {
    return newStatus;
  }

  public String getChangedBy() {
    return changedBy;
  }

  public String getNotes() {
    return notes;
  }

  public Instant getChangedAt() {
    return changedAt;
  }
}
