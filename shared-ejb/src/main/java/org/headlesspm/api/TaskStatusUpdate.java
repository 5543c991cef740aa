package org.headlesspm.api;

/** Body of {@code PUT /api/v1/tasks/{id}/status}. */
public record TaskStatusUpdate(TaskStatus status, String notes) {}
