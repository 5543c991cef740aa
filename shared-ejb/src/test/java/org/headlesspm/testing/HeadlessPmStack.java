package org.headlesspm.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.headlesspm.testing.PayaraService.Kind;

/**
 * A running Headless PM for integration tests: the API on a fresh SQLite file in its own home
 * folder, plus the MCP server and the dashboard when asked for, each in its own Payara Micro on a
 * free port, wired together the way {@code ./hpm start} wires them.
 *
 * <pre>{@code
 * try (HeadlessPmStack stack = HeadlessPmStack.builder().withMcp().start()) {
 *   String api = stack.apiUrl();   // http://localhost:<port>
 *   String mcp = stack.url(Kind.MCP);
 * }
 * }</pre>
 */
public final class HeadlessPmStack implements AutoCloseable {

  private final Path home;
  private final String apiKey;
  private final Map<Kind, PayaraService> services = new EnumMap<>(Kind.class);

  private HeadlessPmStack(Path home, String apiKey) {
    this.home = home;
    this.apiKey = apiKey;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The home folder ({@code HEADLESS_PM_HOME}): {@code database/}, {@code projects/}, logs. */
  public Path home() {
    return home;
  }

  public Path databaseFile() {
    return home.resolve("database").resolve("headless-pm.db");
  }

  public String apiKey() {
    return apiKey;
  }

  public String apiUrl() {
    return url(Kind.API);
  }

  public String url(Kind kind) {
    return service(kind).url();
  }

  public PayaraService service(Kind kind) {
    PayaraService service = services.get(kind);
    if (service == null) {
      throw new IllegalStateException(kind + " is not part of this stack");
    }
    return service;
  }

  @Override
  public void close() {
    List<Kind> reverse = new ArrayList<>(services.keySet());
    java.util.Collections.reverse(reverse);
    reverse.forEach(kind -> services.get(kind).close());
  }

  /** What to start, and the environment every service gets on top of the defaults. */
  public static final class Builder {
    private final List<Kind> kinds = new ArrayList<>(List.of(Kind.API));
    private final Map<String, String> environment = new HashMap<>();
    private String apiKey = "test-key";
    private Path home;

    public Builder withMcp() {
      kinds.add(Kind.MCP);
      return this;
    }

    public Builder withDashboard() {
      kinds.add(Kind.DASHBOARD);
      return this;
    }

    public Builder apiKey(String apiKey) {
      this.apiKey = apiKey;
      return this;
    }

    /** An environment variable for every service (MicroProfile Config reads them). */
    public Builder env(String name, String value) {
      environment.put(name, value);
      return this;
    }

    /** Reuses a home folder (and its database) instead of a fresh one. */
    public Builder home(Path home) {
      this.home = home;
      return this;
    }

    /** Starts the services in order (API first) and waits until each is ready. */
    public HeadlessPmStack start() {
      Path folder = home != null ? home : freshHome();
      HeadlessPmStack stack = new HeadlessPmStack(folder, apiKey);
      try {
        for (String dir : List.of("database", "projects", "agents", "logs")) {
          Files.createDirectories(folder.resolve(dir));
        }
        Map<Kind, Integer> ports = new EnumMap<>(Kind.class);
        kinds.forEach(kind -> ports.put(kind, freePort()));
        for (Kind kind : kinds) {
          Map<String, String> env = baseEnvironment(stack, ports);
          env.putAll(environment);
          PayaraService service =
              new PayaraService(
                  kind,
                  ports.get(kind),
                  env,
                  folder.resolve("logs").resolve(kind.serviceName() + ".log"));
          stack.services.put(kind, service);
          service.start();
        }
        return stack;
      } catch (IOException e) {
        stack.close();
        throw new UncheckedIOException(e);
      } catch (RuntimeException e) {
        stack.close();
        throw e;
      }
    }

    private Map<String, String> baseEnvironment(HeadlessPmStack stack, Map<Kind, Integer> ports) {
      Map<String, String> env = new HashMap<>();
      env.put("API_KEY", stack.apiKey);
      env.put("HEADLESS_PM_HOME", stack.home.toString());
      env.put("HPM_DB_FILE", stack.databaseFile().toString());
      env.put("DATABASE_URL", "sqlite:///" + stack.databaseFile());
      env.put("API_BASE_URL", "http://localhost:" + ports.get(Kind.API));
      env.put("SERVICE_PORT", Integer.toString(ports.get(Kind.API)));
      if (ports.containsKey(Kind.MCP)) {
        env.put("MCP_PORT", Integer.toString(ports.get(Kind.MCP)));
        env.put("MCP_BASE_URL", "http://localhost:" + ports.get(Kind.MCP));
      }
      if (ports.containsKey(Kind.DASHBOARD)) {
        env.put("DASHBOARD_PORT", Integer.toString(ports.get(Kind.DASHBOARD)));
      }
      // The defaults ./hpm exports for the boot command files (docker/lib/common.sh).
      env.put("HEADLESS_PM_DB_POOL_MAX", "8");
      env.put("HEADLESS_PM_DB_JOURNAL_MODE", "WAL");
      env.put("HEADLESS_PM_DB_BUSY_TIMEOUT_MS", "10000");
      env.put("HPM_MONITORING_LEVEL", "LOW");
      env.put("HPM_APP_LOG_LEVEL", "INFO");
      return env;
    }

    private static Path freshHome() {
      try {
        Path base = Path.of(System.getProperty("hpm.it.dir", "target/it-homes")).toAbsolutePath();
        Files.createDirectories(base);
        return Files.createTempDirectory(base, "stack-");
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    private static int freePort() {
      try (ServerSocket socket = new ServerSocket(0)) {
        socket.setReuseAddress(true);
        return socket.getLocalPort();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
