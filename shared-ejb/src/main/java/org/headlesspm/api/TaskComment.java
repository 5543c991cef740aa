package org.headlesspm.api;

/** Body of {@code POST /api/v1/tasks/{id}/comment}. */
public record TaskComment(String comment) {}
