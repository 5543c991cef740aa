package org.headlesspm.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The local runner as a newcomer uses it (OPERATIONS.md 4.2): {@code ./hpm start} brings the API up
 * on the built WAR, {@code health} and {@code status} see it, {@code stop} leaves nothing behind.
 * Runs on a free port with its own home folder, so it does not touch the repository's database.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HpmRunnerIT {

  @TempDir static Path home;
  private static int port;
  private static final Path ROOT = Path.of(System.getProperty("hpm.repository.root"));

  @BeforeAll
  static void freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    Files.createDirectories(home.resolve("database"));
    // Only the API is enabled (a settings file that sets only its port, as with the reference
    // scripts); pid files and logs stay in the test's home.
    Files.writeString(home.resolve("hpm.env"), "SERVICE_PORT=" + port + "\n");
  }

  @AfterAll
  static void stopWhateverRuns() throws Exception {
    hpm("stop", "--force");
  }

  @Test
  @Order(1)
  void startBringsTheApiUpAndPrintsWhereItIs() throws Exception {
    Result start = hpm("start");
    assertEquals(0, start.exit(), start.output());
    assertTrue(
        start.output().contains("http://localhost:" + port + "/api/v1/docs"), start.output());
    HttpResponse<String> projects =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/projects"))
                    .header("X-API-Key", ApiTest.KEY)
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertEquals(200, projects.statusCode());
    assertTrue(projects.body().contains("Headless-PM"));
    assertTrue(
        Files.exists(home.resolve("database/headless-pm.db")), "database in HEADLESS_PM_HOME");
    assertTrue(Files.isDirectory(home.resolve("projects/headless-pm/docs")));
  }

  @Test
  @Order(2)
  void startingTwiceReportsTheRunningServer() throws Exception {
    Result again = hpm("start");
    assertEquals(0, again.exit(), again.output());
    assertTrue(again.output().contains("already running"), again.output());
  }

  @Test
  @Order(3)
  void healthAndStatusSeeAHealthyApi() throws Exception {
    Result health = hpm("health");
    assertEquals(0, health.exit(), health.output());
    assertTrue(health.output().contains("1/1 services healthy"), health.output());
    Result json = hpm("health", "--json");
    assertTrue(json.output().contains("\"api\":{"), json.output());
    Result status = hpm("status", "--detailed");
    assertTrue(status.output().contains("RUNNING"), status.output());
    assertTrue(status.output().contains("HEALTHY"), status.output());
  }

  @Test
  @Order(4)
  void backupThenRestoreBringsTheDataBackWithASafetyCopy() throws Exception {
    Result seed = hpm("cli", "seed");
    assertEquals(0, seed.exit(), seed.output());
    Result backup = hpm("backup");
    assertEquals(0, backup.exit(), backup.output());
    String line =
        backup
            .output()
            .lines()
            .filter(l -> l.startsWith("Backup created: "))
            .findFirst()
            .orElseThrow();
    Path file = Path.of(line.substring("Backup created: ".length()).trim());
    assertTrue(Files.exists(file), file.toString());
    Result reset = hpm("cli", "reset", "-y");
    assertEquals(0, reset.exit(), reset.output());
    assertTrue(hpm("cli", "tasks").output().contains("No tasks found"));

    Path notADatabase = home.resolve("notes.db");
    Files.writeString(notADatabase, "just text");
    Result refused = hpm("restore", notADatabase.toString(), "-y");
    assertEquals(1, refused.exit(), refused.output());
    assertTrue(refused.output().contains("not a SQLite database"), refused.output());

    String pidBefore = Files.readString(home.resolve("run/api.pid")).trim();
    Result restore = hpm("restore", file.toString(), "-y");
    assertEquals(0, restore.exit(), restore.output());
    assertTrue(restore.output().contains("Previous database kept as "), restore.output());
    try (var backups = Files.list(home.resolve("backups"))) {
      assertTrue(
          backups.anyMatch(f -> f.getFileName().toString().startsWith("pre-restore_")),
          "safety copy");
    }
    assertFalse(pidBefore.equals(Files.readString(home.resolve("run/api.pid")).trim()));
    Result tasks = hpm("cli", "tasks");
    assertEquals(0, tasks.exit(), tasks.output());
    assertTrue(tasks.output().contains("Design login UI mockups"), tasks.output());
  }

  @Test
  @Order(5)
  void stopEndsTheProcessAndRemovesItsPidFile() throws Exception {
    String pid = Files.readString(home.resolve("run/api.pid")).trim();
    Result stop = hpm("stop");
    assertEquals(0, stop.exit(), stop.output());
    assertFalse(Files.exists(home.resolve("run/api.pid")));
    assertFalse(ProcessHandle.of(Long.parseLong(pid)).map(ProcessHandle::isAlive).orElse(false));
    Result health = hpm("health");
    assertEquals(2, health.exit(), "nothing healthy after stop: " + health.output());
  }

  private record Result(int exit, String output) {}

  private static Result hpm(String... args) throws Exception {
    String[] command = new String[args.length + 1];
    command[0] = ROOT.resolve("hpm").toString();
    System.arraycopy(args, 0, command, 1, args.length);
    ProcessBuilder builder = new ProcessBuilder(command).directory(ROOT.toFile());
    builder.redirectErrorStream(true);
    Map<String, String> env = builder.environment();
    env.put("HEADLESS_PM_HOME", home.toString());
    env.put("SERVICE_PORT", Integer.toString(port));
    env.put("HPM_ENV_FILE", home.resolve("hpm.env").toString());
    env.put("HPM_RUN_DIR", home.resolve("run").toString());
    env.remove("DATABASE_URL");
    env.remove("HPM_DB_FILE");
    Process process = builder.start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(process.waitFor(6, TimeUnit.MINUTES), "hpm " + String.join(" ", args) + " hangs");
    System.out.println("./hpm " + String.join(" ", args) + "\n" + output);
    return new Result(process.exitValue(), output);
  }
}
