package org.headlesspm.planning;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A large piece of work in a project, split into features. */
@Entity
@Table(name = "epic")
public class Epic {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "project_id")
  private Long projectId;

  private String name;
  private String description;

  @Column(name = "created_at")
  private Instant createdAt;

  protected Epic() {}

  public Epic(long projectId, String name, String description, Instant now) {
    this.projectId = projectId;
    this.name = name;
    this.description = description;
    this.createdAt = now;
  }

  public Long getId() {
    return id;
  }

  public long getProjectId() {
    return projectId;
  }

  public String getName() {
    return name;
  }

  public String getDescription() {
    return description;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }
}
