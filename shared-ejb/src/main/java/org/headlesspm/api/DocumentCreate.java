package org.headlesspm.api;

import jakarta.json.JsonObject;
import java.time.Instant;

/** Body of {@code POST /api/v1/documents}. */
public record DocumentCreate(
    DocumentType docType, String title, String content, JsonObject metaData, Instant expiresAt) {}
