package org.headlesspm.mcp.session;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.logging.Logger;

/**
 * Every live session of this server, on all transports. A session ends on DELETE, when it was idle
 * longer than the idle timeout, or at shutdown; its token usage is then persisted.
 */
public class Sessions implements AutoCloseable {

  private static final Logger LOG = Logger.getLogger(Sessions.class.getName());

  private final Map<String, AgentSession> sessions = new ConcurrentHashMap<>();
  private final Duration idleTimeout;
  private final Consumer<AgentSession> onEnd;
  private final ScheduledExecutorService sweeper =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread thread = new Thread(r, "mcp-session-sweeper");
            thread.setDaemon(true);
            return thread;
          });

  public Sessions(Duration idleTimeout, Consumer<AgentSession> onEnd) {
    this.idleTimeout = idleTimeout;
    this.onEnd = onEnd;
    long period = Math.max(10, Math.min(60, idleTimeout.toSeconds() / 2));
    sweeper.scheduleAtFixedRate(this::sweep, period, period, TimeUnit.SECONDS);
  }

  /** The session with this id, created on first use. */
  public AgentSession get(String id, String transport) {
    AgentSession session = sessions.computeIfAbsent(id, key -> new AgentSession(key, transport));
    session.touch();
    return session;
  }

  public AgentSession find(String id) {
    return id == null ? null : sessions.get(id);
  }

  public Collection<AgentSession> all() {
    return sessions.values();
  }

  public int count() {
    return sessions.size();
  }

  /** Ends the session: cancels its running requests, persists usage, forgets its identity. */
  public void end(String id) {
    AgentSession session = id == null ? null : sessions.remove(id);
    if (session != null) {
      session.cancelAll();
      onEnd.accept(session);
      LOG.info(
          () ->
              "Session "
                  + session.prefix()
                  + " ended: agent "
                  + (session.identity() == null ? "-" : session.identity().agentId())
                  + ", ~"
                  + session.sessionTokens()
                  + " tokens over "
                  + session.toolCallCount()
                  + " tool calls");
    }
  }

  private void sweep() {
    Instant limit = Instant.now().minus(idleTimeout);
    sessions.values().stream()
        .filter(s -> s.lastActivity().isBefore(limit) && s.inFlightCount() == 0)
        .map(AgentSession::id)
        .toList()
        .forEach(this::end);
  }

  @Override
  public void close() {
    sweeper.shutdownNow();
    sessions.keySet().stream().toList().forEach(this::end);
  }
}
