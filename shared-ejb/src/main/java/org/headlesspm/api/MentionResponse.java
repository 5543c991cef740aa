package org.headlesspm.api;

import java.time.Instant;

/** An @mention of an agent in a document or a task comment. */
public record MentionResponse(
    long id,
    Long documentId,
    Long taskId,
    String mentionedAgentId,
    String createdBy,
    boolean isRead,
    Instant createdAt,
    String documentTitle,
    String taskTitle) {}
