package org.headlesspm.testing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One Headless PM service in its own Payara Micro process, started with the same command line, boot
 * files and environment as {@code ./hpm start}. Used by integration tests that drive the product
 * from outside (MCP, dashboard, agent client, crash tests).
 */
public final class PayaraService implements AutoCloseable {

  /** The three services, their module, and the path that answers 200 once they are ready. */
  public enum Kind {
    API("api-war", "/health/ready"),
    MCP("mcp-war", "/health"),
    DASHBOARD("dashboard-war", "/api/health");

    final String module;
    final String healthPath;

    Kind(String module, String healthPath) {
      this.module = module;
      this.healthPath = healthPath;
    }

    public String serviceName() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /** Generous: a loaded 2-core machine has been seen to need minutes for one boot. */
  private static final Duration START_TIMEOUT =
      Duration.ofSeconds(Long.getLong("hpm.start.timeout.seconds", 600));

  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private final Kind kind;
  private final int port;
  private final Map<String, String> environment;
  private final Path log;
  private Process process;

  PayaraService(Kind kind, int port, Map<String, String> environment, Path log) {
    this.kind = kind;
    this.port = port;
    this.environment = Map.copyOf(environment);
    this.log = log;
  }

  public Kind kind() {
    return kind;
  }

  public int port() {
    return port;
  }

  /** {@code http://localhost:<port>}, without a trailing slash. */
  public String url() {
    return "http://localhost:" + port;
  }

  public Path log() {
    return log;
  }

  public boolean isRunning() {
    return process != null && process.isAlive();
  }

  /** Starts the process and waits until its health path answers 200. */
  public PayaraService start() {
    if (isRunning()) {
      return this;
    }
    Path root = Repository.root();
    Path war = root.resolve(kind.module).resolve("target").resolve(kind.module + ".war");
    Path runtime = root.resolve("target").resolve("runtime");
    requireFile(war, "build it first: mvn -DskipTests package (or run the reactor with -am)");
    requireFile(runtime.resolve("payara-micro.jar"), "run mvn generate-resources at the root");
    try {
      Files.createDirectories(log.getParent());
      Path bootFile = log.resolveSibling(kind.serviceName() + "-post-boot.asadmin");
      String boot = Files.readString(root.resolve("docker/payara/post-boot-common.asadmin"));
      if (kind == Kind.API) {
        boot += Files.readString(root.resolve("docker/payara/post-boot-sqlite.asadmin"));
      }
      Files.writeString(bootFile, boot);
      List<String> command = new ArrayList<>();
      command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
      command.add("-XX:+ExitOnOutOfMemoryError");
      command.add("-jar");
      command.add(runtime.resolve("payara-micro.jar").toString());
      command.addAll(
          List.of(
              "--nocluster",
              "--disablephonehome",
              "--name",
              "headless-pm-" + kind.serviceName(),
              "--port",
              Integer.toString(port),
              "--addlibs",
              runtime.resolve("libs").toString(),
              "--prebootcommandfile",
              root.resolve("docker/payara/pre-boot.asadmin").toString(),
              "--postbootcommandfile",
              bootFile.toString(),
              "--shutdowngrace",
              "10000",
              "--deploy",
              war.toString(),
              "--contextroot",
              "ROOT"));
      ProcessBuilder builder =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
              .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
      builder.environment().putAll(environment);
      process = builder.start();
    } catch (IOException e) {
      throw new IllegalStateException("cannot start " + kind.serviceName() + ": " + e, e);
    }
    awaitHealthy();
    return this;
  }

  private void awaitHealthy() {
    Instant deadline = Instant.now().plus(START_TIMEOUT);
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) {
        throw new IllegalStateException(
            kind.serviceName() + " exited with " + process.exitValue() + "; log:\n" + logTail());
      }
      if (healthStatus() == 200) {
        return;
      }
      sleep(500);
    }
    close();
    throw new IllegalStateException(
        kind.serviceName() + " not ready after " + START_TIMEOUT + "; log:\n" + logTail());
  }

  /** The HTTP status of the service's health path, or -1 when nothing answers. */
  public int healthStatus() {
    try {
      HttpRequest request =
          HttpRequest.newBuilder(URI.create(url() + kind.healthPath))
              .timeout(Duration.ofSeconds(10))
              .build();
      return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    } catch (IOException e) {
      return -1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return -1;
    }
  }

  /** The last lines of the service's log, for failure messages. */
  public String logTail() {
    try {
      List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    } catch (IOException e) {
      return "(no log: " + e + ")";
    }
  }

  /** Kills the process with SIGKILL, as a crash would, and waits for it to be gone. */
  public void kill() {
    if (process == null) {
      return;
    }
    process.descendants().forEach(ProcessHandle::destroyForcibly);
    process.destroyForcibly();
    waitFor(Duration.ofSeconds(30));
  }

  /** Stops the process gracefully (SIGTERM), falling back to SIGKILL after 30 s. */
  @Override
  public void close() {
    if (process == null || !process.isAlive()) {
      return;
    }
    process.destroy();
    if (!waitFor(Duration.ofSeconds(30))) {
      kill();
    }
  }

  private boolean waitFor(Duration timeout) {
    try {
      return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private static void requireFile(Path file, String hint) {
    if (!Files.isRegularFile(file)) {
      throw new IllegalStateException(file + " is missing; " + hint);
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }
}
