package org.headlesspm.api;

/** Body of {@code POST /api/v1/projects/{id}/docs/{path}}. */
public record DocFileWrite(String content) {}
