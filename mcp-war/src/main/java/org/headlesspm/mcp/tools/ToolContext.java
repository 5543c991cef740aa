package org.headlesspm.mcp.tools;

import io.modelcontextprotocol.server.McpAsyncServerExchange;
import java.util.Map;
import org.headlesspm.mcp.session.AgentSession;

/**
 * One tool call: the session it belongs to, its validated arguments, the MCP exchange (for progress
 * notifications), its progress token and JSON-RPC id (for cancellation).
 */
public record ToolContext(
    String tool,
    AgentSession session,
    Map<String, Object> args,
    McpAsyncServerExchange exchange,
    Object progressToken,
    String requestId) {

  public String string(String name) {
    Object value = args.get(name);
    return value == null ? null : value.toString();
  }

  public Long integer(String name) {
    return args.get(name) instanceof Number n ? n.longValue() : null;
  }

  public boolean flag(String name, boolean fallback) {
    return args.get(name) instanceof Boolean b ? b : fallback;
  }

  @SuppressWarnings("unchecked")
  public Map<String, Object> object(String name) {
    return args.get(name) instanceof Map<?, ?> m ? (Map<String, Object>) m : null;
  }
}
