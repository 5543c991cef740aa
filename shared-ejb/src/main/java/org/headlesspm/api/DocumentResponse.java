package org.headlesspm.api;

import jakarta.json.JsonObject;
import java.time.Instant;
import java.util.List;

/** A document with the handles it mentions. */
public record DocumentResponse(
    long id,
    long projectId,
    DocumentType docType,
    String authorId,
    String title,
    String content,
    JsonObject metaData,
    Instant createdAt,
    Instant updatedAt,
    Instant expiresAt,
    List<String> mentions) {}
