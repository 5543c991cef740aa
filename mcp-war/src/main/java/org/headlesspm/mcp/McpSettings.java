package org.headlesspm.mcp;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The MCP server's configuration (MCP.md 1.3), read once at start-up from MicroProfile Config
 * (environment variables map directly) or any other name lookup.
 */
public record McpSettings(
    String apiBaseUrl,
    Long defaultProjectId,
    Duration apiTimeout,
    int nextTaskWaitSeconds,
    int nextTaskMaxWaitSeconds,
    Duration progressInterval,
    Duration keepAlive,
    Duration sessionIdleTimeout,
    int maxSessions,
    int maxBodyBytes,
    List<String> allowedOrigins,
    boolean requireApiKey,
    String apiKey,
    Path tokenUsageFile,
    Path filesRoot,
    Path agentDocsDir,
    List<String> protocolVersions,
    boolean legacySse,
    boolean prettyJson,
    String version) {

  public static final String DEFAULT_API_KEY = "development-key";

  /** Reads every setting through {@code lookup} (a name to its value, if set). */
  public static McpSettings load(Function<String, Optional<String>> lookup) {
    Reader r = new Reader(lookup);
    return new McpSettings(
        normaliseBaseUrl(
            r.first("http://localhost:6969", "API_BASE_URL", "HEADLESS_PM_URL", "API_URL")),
        r.optional("MCP_DEFAULT_PROJECT_ID").map(Long::valueOf).orElse(null),
        Duration.ofSeconds(r.integer("MCP_API_TIMEOUT_SECONDS", 30)),
        r.integer("MCP_NEXT_TASK_WAIT_SECONDS", 30),
        r.integer("MCP_NEXT_TASK_MAX_WAIT_SECONDS", 180),
        Duration.ofSeconds(Math.max(1, r.integer("MCP_PROGRESS_INTERVAL_SECONDS", 10))),
        Duration.ofSeconds(Math.max(1, r.integer("MCP_SSE_KEEPALIVE_SECONDS", 15))),
        Duration.ofSeconds(r.integer("MCP_SESSION_IDLE_TIMEOUT_SECONDS", 3600)),
        r.integer("MCP_MAX_SESSIONS", 1000),
        r.integer("MCP_MAX_BODY_BYTES", 4 * 1024 * 1024),
        r.list("MCP_ALLOWED_ORIGINS", ""),
        Boolean.parseBoolean(r.first("false", "MCP_REQUIRE_API_KEY")),
        r.first(DEFAULT_API_KEY, "API_KEY", "API_KEY_HEADLESS_PM", "HEADLESS_PM_API_KEY"),
        r.optional("MCP_TOKEN_USAGE_FILE")
            .map(Path::of)
            .orElseGet(
                () ->
                    r.optional("HEADLESS_PM_HOME")
                        .map(home -> Path.of(home, "run", "mcp_token_usage.json"))
                        .orElse(Path.of("mcp_token_usage.json"))),
        r.directory("MCP_FILES_ROOT", "/app/projects", "projects"),
        r.directory("MCP_AGENT_DOCS_DIR", "/app/agents/mcp", "agents/mcp"),
        r.list("MCP_PROTOCOL_VERSIONS", "2025-06-18,2025-03-26,2024-11-05"),
        Boolean.parseBoolean(r.first("true", "MCP_ENABLE_LEGACY_SSE")),
        Boolean.parseBoolean(r.first("false", "MCP_PRETTY_JSON")),
        "2.0.0");
  }

  /** Strips a trailing {@code /} and a trailing {@code /api/v1} (MCP.md 1.3). */
  static String normaliseBaseUrl(String url) {
    String result = url.strip();
    while (result.endsWith("/")) {
      result = result.substring(0, result.length() - 1);
    }
    if (result.endsWith("/api/v1")) {
      result = result.substring(0, result.length() - "/api/v1".length());
    }
    return result;
  }

  /** The newest supported protocol revision (the answer to an unknown one). */
  public String newestProtocolVersion() {
    return protocolVersions.get(0);
  }

  private record Reader(Function<String, Optional<String>> lookup) {
    Optional<String> optional(String name) {
      return lookup.apply(name).map(String::strip).filter(v -> !v.isEmpty());
    }

    String first(String fallback, String... names) {
      for (String name : names) {
        Optional<String> value = optional(name);
        if (value.isPresent()) {
          return value.get();
        }
      }
      return fallback;
    }

    int integer(String name, int fallback) {
      return optional(name).map(Integer::parseInt).orElse(fallback);
    }

    /**
     * The configured directory; else the container default when it exists; else the folder below
     * {@code HEADLESS_PM_HOME} (the repository root under {@code ./hpm}).
     */
    Path directory(String name, String containerDefault, String belowHome) {
      Optional<String> configured = optional(name);
      if (configured.isPresent()) {
        return Path.of(configured.get());
      }
      Path container = Path.of(containerDefault);
      Optional<String> home = optional("HEADLESS_PM_HOME");
      if (java.nio.file.Files.isDirectory(container) || home.isEmpty()) {
        return container;
      }
      return Path.of(home.get()).resolve(belowHome);
    }

    List<String> list(String name, String fallback) {
      return Arrays.stream(first(fallback, name).split(","))
          .map(String::strip)
          .filter(s -> !s.isEmpty())
          .toList();
    }
  }
}
