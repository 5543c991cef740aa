package org.headlesspm.mcp.session;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The state of one MCP session (MCP.md 2.1): identity, project, change-feed cursor, token counters
 * and the running requests that a client may cancel. Nothing is shared between sessions.
 */
public class AgentSession {

  private final String id;
  private final String transport;
  private final Instant createdAt = Instant.now();
  private volatile Instant lastActivity = createdAt;
  private volatile String protocolVersion;
  private volatile String clientName;
  private volatile String clientVersion;
  private volatile Hints hints = Hints.NONE;
  private volatile Identity identity;
  private volatile Long projectId;
  private volatile Instant changesCursor;
  private volatile boolean autoRegistrationTried;
  private final AtomicLong requestTokens = new AtomicLong();
  private final AtomicLong responseTokens = new AtomicLong();
  private final Map<String, Integer> toolCalls = new ConcurrentHashMap<>();
  private final Map<String, CompletableFuture<?>> inFlight = new ConcurrentHashMap<>();

  public AgentSession(String id, String transport) {
    this.id = id;
    this.transport = transport;
  }

  public String id() {
    return id;
  }

  /** The first 8 characters of the id: enough for logs and {@code /status}, never a credential. */
  public String prefix() {
    return id.length() > 8 ? id.substring(0, 8) : id;
  }

  public String transport() {
    return transport;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public Instant lastActivity() {
    return lastActivity;
  }

  public void touch() {
    lastActivity = Instant.now();
  }

  public String protocolVersion() {
    return protocolVersion;
  }

  public void protocolVersion(String version) {
    this.protocolVersion = version;
  }

  public void client(String name, String version) {
    if (name != null) {
      this.clientName = name;
      this.clientVersion = version;
    }
  }

  public String clientName() {
    return clientName;
  }

  public String clientVersion() {
    return clientVersion;
  }

  public Hints hints() {
    return hints;
  }

  public void hints(Hints hints) {
    if (hints != null && this.hints == Hints.NONE) {
      this.hints = hints;
    }
  }

  public Identity identity() {
    return identity;
  }

  public void identity(Identity identity) {
    this.identity = identity;
  }

  public Long projectId() {
    return projectId;
  }

  public void projectId(Long projectId) {
    this.projectId = projectId;
  }

  public Instant changesCursor() {
    return changesCursor;
  }

  public void changesCursor(Instant cursor) {
    this.changesCursor = cursor;
  }

  /** True the first time only: automatic registration is tried once eagerly, once lazily. */
  public synchronized boolean claimAutoRegistration() {
    if (autoRegistrationTried) {
      return false;
    }
    autoRegistrationTried = true;
    return true;
  }

  public synchronized void releaseAutoRegistration() {
    autoRegistrationTried = false;
  }

  public void countTool(String tool, long request, long response) {
    requestTokens.addAndGet(request);
    responseTokens.addAndGet(response);
    toolCalls.merge(tool, 1, Integer::sum);
  }

  public long requestTokens() {
    return requestTokens.get();
  }

  public long responseTokens() {
    return responseTokens.get();
  }

  public long sessionTokens() {
    return requestTokens.get() + responseTokens.get();
  }

  public Map<String, Integer> toolCalls() {
    return Map.copyOf(toolCalls);
  }

  public int toolCallCount() {
    return toolCalls.values().stream().mapToInt(Integer::intValue).sum();
  }

  /** Registers a running request under its JSON-RPC id (as JSON text) for cancellation. */
  public void started(String requestId, CompletableFuture<?> job) {
    if (requestId != null) {
      inFlight.put(requestId, job);
    }
  }

  public void finished(String requestId) {
    if (requestId != null) {
      inFlight.remove(requestId);
    }
  }

  /** Cancels the running request with this JSON-RPC id; true if there was one. */
  public boolean cancel(String requestId) {
    CompletableFuture<?> job = requestId == null ? null : inFlight.remove(requestId);
    if (job == null) {
      return false;
    }
    job.cancel(true);
    return true;
  }

  public int inFlightCount() {
    return inFlight.size();
  }

  public void cancelAll() {
    inFlight.values().forEach(job -> job.cancel(true));
    inFlight.clear();
  }
}
