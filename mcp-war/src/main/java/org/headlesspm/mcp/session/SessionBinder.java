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

  /** Transport-context key of the {@link Hints} of the current HTTP request. */
  public static final String HINTS = "hpm.hints";

  private final Sessions sessions;
  private final Consumer<AgentSession> onNew;

  public SessionBinder(Sessions sessions, Consumer<AgentSession> onNew) {
    this.sessions = sessions;
    this.onNew = onNew;
  }

  public AgentSession bind(McpAsyncServerExchange exchange, String transport) {
    String id = exchange.sessionId() == null ? "stdio" : exchange.sessionId();
    boolean known = sessions.find(id) != null;
    AgentSession session = sessions.get(id, transport);
    if (exchange.getClientInfo() != null) {
      session.client(exchange.getClientInfo().name(), exchange.getClientInfo().version());
    }
    McpTransportContext context = exchange.transportContext();
    if (context != null && context.get(HINTS) instanceof Hints hints) {
      session.hints(hints);
    }
    if (!known) {
      onNew.accept(session);
    }
    return session;
  }

  /** The transport context for one HTTP request: its JSON-RPC id and identity hints. */
  public static McpTransportContext context(Object requestId, Hints hints) {
    return McpTransportContext.create(
        requestId == null ? Map.of(HINTS, hints) : Map.of(REQUEST_ID, requestId, HINTS, hints));
  }
}
