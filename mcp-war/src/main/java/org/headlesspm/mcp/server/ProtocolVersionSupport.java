package org.headlesspm.mcp.server;

import io.modelcontextprotocol.spec.McpServerSession;
import io.modelcontextprotocol.spec.McpServerTransportProvider;
import io.modelcontextprotocol.spec.McpStreamableServerSession;
import io.modelcontextprotocol.spec.McpStreamableServerTransportProvider;
import java.util.ArrayList;
import java.util.List;
import reactor.core.publisher.Mono;

/**
 * The SDK's servlet transports announce fixed protocol lists (Streamable HTTP: 2025-03-26 and
 * newer; legacy SSE: only 2024-11-05), and its server answers an unknown requested version with the
 * last one of that list. These wrappers hand the server our list from {@code MCP_PROTOCOL_VERSIONS}
 * instead (oldest first, newest last), so that every transport negotiates 2025-06-18, 2025-03-26
 * and 2024-11-05 and answers anything else with the newest (MCP.md 6.3). The SDK's wire handling is
 * the same for the three revisions.
 */
public final class ProtocolVersionSupport {

  private ProtocolVersionSupport() {}

  /** Our versions in the order the SDK expects: oldest first, the preferred one last. */
  static List<String> sdkOrder(List<String> newestFirst) {
    List<String> list = new ArrayList<>(newestFirst);
    java.util.Collections.reverse(list);
    return List.copyOf(list);
  }

  /** Streamable HTTP provider with our version list. */
  public static McpStreamableServerTransportProvider streamable(
      McpStreamableServerTransportProvider delegate, List<String> versions) {
    List<String> order = sdkOrder(versions);
    return new McpStreamableServerTransportProvider() {
      @Override
      public void setSessionFactory(McpStreamableServerSession.Factory factory) {
        delegate.setSessionFactory(factory);
      }

      @Override
      public Mono<Void> notifyClients(String method, Object params) {
        return delegate.notifyClients(method, params);
      }

      @Override
      public Mono<Void> notifyClient(String sessionId, String method, Object params) {
        return delegate.notifyClient(sessionId, method, params);
      }

      @Override
      public Mono<Void> closeGracefully() {
        return delegate.closeGracefully();
      }

      @Override
      public List<String> protocolVersions() {
        return order;
      }
    };
  }

  /** Legacy HTTP+SSE (or stdio) provider with our version list. */
  public static McpServerTransportProvider sessions(
      McpServerTransportProvider delegate, List<String> versions) {
    List<String> order = sdkOrder(versions);
    return new McpServerTransportProvider() {
      @Override
      public void setSessionFactory(McpServerSession.Factory factory) {
        delegate.setSessionFactory(factory);
      }

      @Override
      public Mono<Void> notifyClients(String method, Object params) {
        return delegate.notifyClients(method, params);
      }

      @Override
      public Mono<Void> notifyClient(String sessionId, String method, Object params) {
        return delegate.notifyClient(sessionId, method, params);
      }

      @Override
      public Mono<Void> closeGracefully() {
        return delegate.closeGracefully();
      }

      @Override
      public List<String> protocolVersions() {
        return order;
      }
    };
  }
}
