package org.headlesspm.timetracking;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * Time spent on a task, in minutes; a negative entry is a correction. Entries are never edited: a
 * wrong one is deleted or compensated (API-ADDENDUM.md A2.2).
 */
@Entity
@Table(name = "timeentry")
public class TimeEntry {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "task_id")
  private Long taskId;

  private long minutes;
  private String description;

  @Column(name = "created_by")
  private String createdBy;

  @Column(name = "created_at")
  private Instant createdAt;

  protected TimeEntry() {}

  public TimeEntry(long taskId, long minutes, String description, String createdBy, Instant now) {
    this.taskId = taskId;
    this.minutes = minutes;
    this.description = description;
    this.createdBy = createdBy;
    this.createdAt = now;
  }

  public Long getId() {
    return id;
  }

  public long getTaskId() {
    return taskId;
  }

  public long getMinutes() {
    return minutes;
  }

  public String getDescription() {
    return description;
  }

  public String getCreatedBy() {
    return createdBy;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }
}
