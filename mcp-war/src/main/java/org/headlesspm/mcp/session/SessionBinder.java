package org.headlesspm.mcp.session;

import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.server.McpAsyncServerExchange;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Connects an MCP SDK exchange to this server's session state: the session id the SDK gave, the
 * client's name and version, and the identity hints the HTTP layer put into the transport context
 * under the keys below.
 */
public class SessionBinder {

  /** Transport-context key of the JSON-RPC id of the current request (as JSON text). */
  public static final String REQUEST_ID = "hpm.request-id";

  /**
   * Transport-context key of the session id as the client knows it ({@code Mcp-Session-Id}, or the
   * {@code sessionId} of the legacy SSE message URL, which differs from the SDK's own id).
   */
  public static final String SESSION = "hpm.session";

  /** Transport-context key of the {@link Hints} of the current HTTP request. */
  public static final String HINTS = "hpm.hints";

  private final Sessions sessions;
  private final Consumer<AgentSession> onNew;

  public SessionBinder(Sessions sessions, Consumer<AgentSession> onNew) {
    this.sessions = sessions;
    this.onNew = onNew;
  }

  public AgentSession bind(McpAsyncServerExchange exchange, String transport) {
    McpTransportContext context = exchange.transportContext();
    Object clientSide = context == null ? null : context.get(SESSION);
    String id =
        clientSide != null
            ? clientSide.toString()
            : exchange.sessionId() == null ? "stdio" : exchange.sessionId();
    boolean known = sessions.find(id) != null;
    AgentSession session = sessions.get(id, transport);
    if (exchange.getClientInfo() != null) {
      session.client(exchange.getClientInfo().name(), exchange.getClientInfo().version());
    }
    if (context != null && context.get(HINTS) instanceof Hints hints) {
      session.hints(hints);
    }
    if (!known) {
      onNew.accept(session);
    }
    return session;
  }

  /** The transport context for one HTTP request: its JSON-RPC id and identity hints. */
  public static McpTransportContext context(Object requestId, Object sessionId, Hints hints) {
    Map<String, Object> values = new java.util.HashMap<>();
    values.put(HINTS, hints);
    if (requestId != null) {
      values.put(REQUEST_ID, requestId);
    }
    if (sessionId != null) {
      values.put(SESSION, sessionId);
    }
    return McpTransportContext.create(values);
  }
}
