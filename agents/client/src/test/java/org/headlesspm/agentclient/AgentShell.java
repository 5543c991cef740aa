package org.headlesspm.agentclient;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs the {@code headless-pm-client} wrapper script as an agent's shell would: a separate process,
 * arguments as words, configuration from the environment. Variables of the test JVM that the client
 * reads are removed first, so only what a test sets counts.
 */
final class AgentShell {

  static final ObjectMapper JSON = new ObjectMapper();

  private static final List<String> CLIENT_VARIABLES =
      List.of(
          "HEADLESS_PM_URL",
          "API_KEY",
          "API_KEY_HEADLESS_PM",
          "HEADLESS_PM_API_KEY",
          "HEADLESS_PM_PROJECT_ID",
          "HEADLESS_PM_ENV_FILE",
          "SERVICE_PORT");

  private final Map<String, String> environment;

  private AgentShell(Map<String, String> environment) {
    this.environment = environment;
  }

  /** A shell whose client talks to {@code url} with {@code key} and reads no .env file. */
  static AgentShell of(String url, String key) {
    Map<String, String> environment = new HashMap<>();
    environment.put("HEADLESS_PM_URL", url);
    environment.put("API_KEY", key);
    environment.put("HEADLESS_PM_ENV_FILE", scratch().resolve("no-such.env").toString());
    return new AgentShell(environment);
  }

  /** The same shell with one more variable; {@code null} removes it. */
  AgentShell with(String name, String value) {
    Map<String, String> copy = new HashMap<>(environment);
    if (value == null) {
      copy.remove(name);
    } else {
      copy.put(name, value);
    }
    return new AgentShell(copy);
  }

  /** Runs one command line and waits for it. */
  Result run(String... args) {
    return start(args).finish();
  }

  /** Runs a command that must succeed and answers its JSON output. */
  JsonNode ok(String... args) {
    Result result = run(args);
    assertEquals(
        0,
        result.exitCode(),
        () -> String.join(" ", args) + " failed: " + result.stderr() + result.stdout());
    return result.json();
  }

  /** Starts a command without waiting (a long-polling tasks next). */
  Running start(String... args) {
    try {
      Path out = Files.createTempFile(scratch(), "out-", ".txt");
      Path err = Files.createTempFile(scratch(), "err-", ".txt");
      List<String> command = new java.util.ArrayList<>();
      command.add(System.getProperty("client.script", "headless-pm-client"));
      command.addAll(Arrays.asList(args));
      ProcessBuilder builder =
          new ProcessBuilder(command)
              .redirectOutput(out.toFile())
              .redirectError(err.toFile())
              .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
      Map<String, String> env = builder.environment();
      CLIENT_VARIABLES.forEach(env::remove);
      env.put(
          "HEADLESS_PM_CLIENT_CACHE",
          System.getProperty("client.cache", scratch().resolve("cache").toString()));
      environment.forEach(
          (name, value) -> {
            if (value == null) {
              env.remove(name);
            } else {
              env.put(name, value);
            }
          });
      return new Running(String.join(" ", args), builder.start(), out, err);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Path scratch() {
    try {
      Path dir = Path.of(System.getProperty("hpm.it.dir", "target/it-homes"), "client-io");
      return Files.createDirectories(dir.toAbsolutePath());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A started client process. */
  record Running(String commandLine, Process process, Path out, Path err) {
    Result finish() {
      try {
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
          process.destroyForcibly();
          fail("client did not finish within 5 minutes: " + commandLine);
        }
        return new Result(
            process.exitValue(),
            Files.readString(out, StandardCharsets.UTF_8),
            Files.readString(err, StandardCharsets.UTF_8));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }

  /** Exit code and output of one client run. */
  record Result(int exitCode, String stdout, String stderr) {
    JsonNode json() {
      try {
        return JSON.readTree(stdout);
      } catch (IOException e) {
        throw new AssertionError("not JSON: " + stdout + stderr, e);
      }
    }
  }
}
