package org.headlesspm.mcp.tokens;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.headlesspm.mcp.Json;
import org.headlesspm.mcp.session.AgentSession;

/**
 * Estimated token usage (MCP.md 5): characters of the JSON text divided by four, per session in
 * memory and, for ended sessions, in a JSON file in the reference's layout. Writes are serialised
 * in the JVM, guarded by an OS file lock, and go through a temporary file renamed into place.
 */
public class TokenUsage {

  private static final Logger LOG = Logger.getLogger(TokenUsage.class.getName());
  private static final int MAX_SESSIONS = 10_000;

  private final Path file;

  public TokenUsage(Path file) {
    this.file = file.toAbsolutePath();
  }

  /** Tokens of a JSON value: its text's length divided by four, rounded down. */
  public static long estimate(Object json) {
    return Json.write(json).length() / 4;
  }

  /** Appends the session's record when it made at least one tool call. */
  public synchronized void persist(AgentSession session) {
    if (session.toolCallCount() == 0) {
      return;
    }
    try {
      Files.createDirectories(file.getParent());
      Path lockFile = file.resolveSibling(file.getFileName() + ".lock");
      try (FileChannel channel =
              FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
          FileLock lock = channel.lock()) {
        Map<String, Object> data = read();
        Instant end = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("agent_id", session.identity() == null ? null : session.identity().agentId());
        record.put("start_time", session.createdAt().truncatedTo(ChronoUnit.SECONDS).toString());
        record.put("end_time", end.toString());
        record.put("tokens_used", session.sessionTokens());
        record.put("session_id_prefix", session.prefix());
        record.put("transport", session.transport());
        record.put("tool_calls", session.toolCallCount());
        List<Object> sessions = sessions(data);
        sessions.add(record);
        while (sessions.size() > MAX_SESSIONS) {
          sessions.remove(0);
        }
        data.put("sessions", sessions);
        data.put("total_tokens", number(data.get("total_tokens")) + session.sessionTokens());
        Map<String, Object> daily = daily(data);
        daily.merge(
            end.atZone(ZoneOffset.UTC).toLocalDate().toString(),
            session.sessionTokens(),
            (a, b) -> number(a) + number(b));
        data.put("daily_usage", daily);
        Path temp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(temp, Json.write(data, true));
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      }
    } catch (IOException | RuntimeException e) {
      LOG.log(Level.WARNING, "Could not persist token usage to " + file, e);
    }
  }

  /** The summary of MCP.md 5.3 for one session and the live ones. */
  public synchronized Map<String, Object> summary(
      AgentSession session, Collection<AgentSession> live) {
    Map<String, Object> data = read();
    List<Object> sessions = sessions(data);
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("total_tokens", number(data.get("total_tokens")));
    result.put("session_tokens", session == null ? 0 : session.sessionTokens());
    result.put("daily_usage", daily(data));
    result.put(
        "recent_sessions",
        new ArrayList<>(sessions.subList(Math.max(0, sessions.size() - 10), sessions.size())));
    if (session != null) {
      Map<String, Object> own = new LinkedHashMap<>();
      own.put("request_tokens", session.requestTokens());
      own.put("response_tokens", session.responseTokens());
      own.put("tool_calls", new TreeMap<>(session.toolCalls()));
      own.put("started_at", session.createdAt().toString());
      result.put("session", own);
    }
    result.put("live_sessions_tokens", live.stream().mapToLong(AgentSession::sessionTokens).sum());
    result.put("estimation", "characters/4");
    return result;
  }

  private Map<String, Object> read() {
    if (!Files.isRegularFile(file)) {
      return new LinkedHashMap<>();
    }
    try {
      return new LinkedHashMap<>(Json.readMap(Files.readString(file)));
    } catch (IOException | RuntimeException corrupt) {
      try {
        Files.move(
            file,
            file.resolveSibling(file.getFileName() + ".corrupt-" + Instant.now().toEpochMilli()));
      } catch (IOException ignored) {
        // a fresh file is started anyway
      }
      LOG.warning("Token usage file " + file + " was unreadable; started a fresh one");
      return new LinkedHashMap<>();
    }
  }

  @SuppressWarnings("unchecked")
  private static List<Object> sessions(Map<String, Object> data) {
    return data.get("sessions") instanceof List<?> list
        ? new ArrayList<>((List<Object>) list)
        : new ArrayList<>();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> daily(Map<String, Object> data) {
    return data.get("daily_usage") instanceof Map<?, ?> map
        ? new TreeMap<>((Map<String, Object>) map)
        : new TreeMap<>();
  }

  private static long number(Object value) {
    return value instanceof Number n ? n.longValue() : 0;
  }
}
