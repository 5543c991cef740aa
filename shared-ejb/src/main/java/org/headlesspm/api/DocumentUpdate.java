package org.headlesspm.api;

import jakarta.json.JsonObject;

/** Body of {@code PUT /api/v1/documents/{id}}: each non-null field replaces the stored one. */
public record DocumentUpdate(String title, String content, JsonObject metaData) {}
