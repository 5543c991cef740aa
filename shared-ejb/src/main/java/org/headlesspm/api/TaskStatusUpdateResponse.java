package org.headlesspm.api;

/** The updated task and what the caller should do next (API.md 4.6). */
public record TaskStatusUpdateResponse(
    TaskResponse task,
    TaskResponse nextTask,
    String workflowStatus,
    Long taskCompleted,
    boolean autoContinue,
    String continuationPrompt,
    String sessionMomentum) {}
