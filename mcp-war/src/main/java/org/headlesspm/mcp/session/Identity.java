package org.headlesspm.mcp.session;

/** Who a session's agent is, once the REST API confirmed its registration (MCP.md 2.1). */
public record Identity(String agentId, String role, String skillLevel) {}
