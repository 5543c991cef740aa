package org.headlesspm.api;

import java.util.List;

/** The registered agent, the task it could take next (not locked) and its unread mentions. */
public record AgentRegistrationResponse(
    AgentResponse agent, TaskResponse nextTask, List<MentionResponse> mentions) {}
