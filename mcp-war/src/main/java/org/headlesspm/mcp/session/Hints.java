package org.headlesspm.mcp.session;

/**
 * Identity hints a client gave when it connected (MCP.md 2.3): headers {@code X-Agent-Id}, {@code
 * X-Agent-Role}, {@code X-Agent-Level}, {@code X-Project-Id} or the query parameters {@code
 * agent_id}, {@code role}, {@code skill_level}, {@code project_id}. Any field may be null.
 */
public record Hints(String agentId, String role, String skillLevel, Long projectId) {
  public static final Hints NONE = new Hints(null, null, null, null);

  public boolean canRegister() {
    return agentId != null && role != null;
  }
}
