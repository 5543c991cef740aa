package org.headlesspm.document;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** An @name found in a document or a task comment; the named agent reads it later. */
@Entity
@Table(name = "mention")
public class Mention {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "project_id")
  private Long projectId;

  @Column(name = "document_id")
  private Long documentId;

  @Column(name = "task_id")
  private Long taskId;

  @Column(name = "mentioned_agent_id")
  private String mentionedAgentId;

  @Column(name = "created_by")
  private String createdBy;

  @Column(name = "is_read")
  private boolean read;

  @Column(name = "created_at")
  private Instant createdAt;

  protected Mention() {}

  private Mention(
      long projectId,
      Long documentId,
      Long taskId,
      String mentionedAgentId,
      String createdBy,
      Instant now) {
    this.projectId = projectId;
    this.documentId = documentId;
    this.taskId = taskId;
    this.mentionedAgentId = mentionedAgentId;
    this.createdBy = createdBy;
    this.createdAt = now;
  }

  public static Mention inDocument(
      long projectId, long documentId, String name, String createdBy, Instant now) {
    return new Mention(projectId, documentId, null, name, createdBy, now);
  }

  public static Mention inTaskComment(
      long projectId, long taskId, String name, String createdBy, Instant now) {
    return new Mention(projectId, null, taskId, name, createdBy, now);
  }

  public void markRead() {
    read = true;
  }

  public Long getId() {
    return id;
  }

  public long getProjectId() {
    return projectId;
  }

  public Long getDocumentId() {
    return documentId;
  }

  public Long getTaskId() {
    return taskId;
  }

  public String getMentionedAgentId() {
    return mentionedAgentId;
  }

  public String getCreatedBy() {
    return createdBy;
  }

  public boolean isRead() {
    return read;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }
}
