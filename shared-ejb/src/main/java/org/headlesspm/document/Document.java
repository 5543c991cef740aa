package org.headlesspm.document;

import jakarta.json.JsonObject;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.headlesspm.api.DocumentType;
import org.headlesspm.storage.DocumentTypeColumn;

/** A Markdown message an agent writes to the others; its @mentions notify them. */
@Entity
@Table(name = "document")
public class Document {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "project_id")
  private Long projectId;

  @Column(name = "doc_type")
  @Convert(converter = DocumentTypeColumn.class)
  private DocumentType docType;

  @Column(name = "author_id")
  private String authorId;

  private String title;
  private String content;

  @Column(name = "meta_data")
  private JsonObject metaData;

  @Column(name = "created_at")
  private Instant createdAt;

  @Column(name = "updated_at")
  private Instant updatedAt;

  @Column(name = "expires_at")
  private Instant expiresAt;

  protected Document() {}

  public Document(
      long projectId,
      DocumentType docType,
      String authorId,
      String title,
      String content,
      JsonObject metaData,
      Instant expiresAt,
      Instant now) {
    this.projectId = projectId;
    this.docType = docType;
    this.authorId = authorId;
    this.title = title;
    this.content = content;
    this.metaData = metaData;
    this.expiresAt = expiresAt;
    this.createdAt = now;
    this.updatedAt = now;
  }

  /** Fields present replace stored ones; the update time moves even for an empty update. */
  public void update(String newTitle, String newContent, JsonObject newMetaData, Instant now) {
    if (newTitle != null) {
      title = newTitle;
    }
    if (newContent != null) {
      content = newContent;
    }
    if (newMetaData != null) {
      metaData = newMetaData;
    }
    updatedAt = now;
  }

  public Long getId() {
    return id;
  }

  public long getProjectId() {
    return projectId;
  }

  public DocumentType getDocType() {
    return docType;
  }

  public String getAuthorId() {
    return authorId;
  }

  public String getTitle() {
    return title;
  }

  public String getContent() {
    return content;
  }

  public JsonObject getMetaData() {
    return metaData;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  public Instant getUpdatedAt() {
    return updatedAt;
  }

  public Instant getExpiresAt() {
    return expiresAt;
  }
}
