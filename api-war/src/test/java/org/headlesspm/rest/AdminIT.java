package org.headlesspm.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.headlesspm.testing.HeadlessPmStack;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The administration routes of OPERATIONS.md 5.3 and 6.7 on one running API (started as {@code
 * ./hpm} starts it), through HTTP and through {@code ./hpm cli}/{@code ./hpm backup}, plus the
 * MicroProfile Metrics the API exports (8.5). A second, short-lived API checks that {@code
 * headless-pm.admin.enabled=false} removes the routes.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AdminIT {

  private static final Path ROOT = Path.of(System.getProperty("hpm.repository.root"));
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static HeadlessPmStack stack;

  @BeforeAll
  static void startApi() {
    stack = HeadlessPmStack.builder().start();
  }

  @AfterAll
  static void stopApi() {
    if (stack != null) {
      stack.close();
    }
  }

  @Test
  @Order(1)
  void routesNeedTheApiKey() throws Exception {
    HttpResponse<String> answer =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(stack.apiUrl() + "/api/v1/admin/status")).build(),
            HttpResponse.BodyHandlers.ofString());
    assertEquals(401, answer.statusCode());
  }

  @Test
  @Order(2)
  void statusAnswersJsonByDefaultAndATextTableWhenAskedFor() throws Exception {
    HttpResponse<String> json = call("GET", "/api/v1/admin/status", "application/json");
    assertEquals(200, json.statusCode());
    assertEquals("0", json.headers().firstValue("X-HPM-Exit-Code").orElse(""));
    JsonObject status = parse(json.body());
    assertEquals(1, status.getInt("agents"), "dashboard-user only: " + status);
    assertEquals(0, status.getJsonObject("tasks").getInt("pending"));
    HttpResponse<String> text = call("GET", "/api/v1/admin/status", "text/plain");
    assertTrue(text.headers().firstValue("Content-Type").orElse("").startsWith("text/plain"));
    assertTrue(text.body().startsWith("Headless PM Status\n" + "=".repeat(50)), text.body());
    assertTrue(text.body().contains("  Under Work: 0"), text.body());
    assertTrue(text.body().contains("Documents Today: 0 (since "), text.body());
  }

  @Test
  @Order(3)
  void seedCreatesTheSampleDataOnceThroughTheServices() throws Exception {
    JsonObject first = parse(call("POST", "/api/v1/admin/seed", "application/json").body());
    assertTrue(first.getBoolean("seeded"), first.toString());
    assertTrue(
        first.getString("output").contains("Created: 1 epic, 1 feature, 3 tasks, 4 agents"),
        first.toString());
    JsonObject second = parse(call("POST", "/api/v1/admin/seed", "application/json").body());
    assertFalse(second.getBoolean("seeded"), second.toString());
    assertTrue(second.getString("output").contains("already seeded"), second.toString());

    JsonObject tasks = parse(call("GET", "/api/v1/admin/tasks", "application/json").body());
    assertEquals(3, tasks.getInt("count"), "seeding twice made 3 tasks, not 6: " + tasks);
    String mentions =
        call("GET", "/api/v1/mentions?agent_id=backend_dev_senior_001", "application/json").body();
    assertTrue(mentions.contains("\"mentioned_agent_id\":\"backend_dev_senior_001\""), mentions);
    String changelog = call("GET", "/api/v1/changelog?limit=50", "application/json").body();
    assertEquals(3, changelog.split("Task created", -1).length - 1, changelog);

    HttpResponse<String> unknown = call("POST", "/api/v1/admin/seed?project_id=999", "text/plain");
    assertEquals(404, unknown.statusCode());
    assertEquals("1", unknown.headers().firstValue("X-HPM-Exit-Code").orElse(""));
    assertTrue(unknown.body().contains("Project with ID 999 not found"), unknown.body());
  }

  @Test
  @Order(4)
  void listingsPrintTheReferenceColumns() throws Exception {
    String tasks = call("GET", "/api/v1/admin/tasks?role=backend_dev", "text/plain").body();
    assertTrue(tasks.contains("| Implement JWT authentication A... |"), tasks);
    assertFalse(tasks.contains("Design login UI mockups"), tasks);
    String agents = call("GET", "/api/v1/admin/agents", "text/plain").body();
    assertTrue(
        agents.contains("| Agent ID ") && agents.contains("architect_principal_001"), agents);
    String documents =
        call("GET", "/api/v1/admin/documents?doc_type=critical_issue", "text/plain").body();
    assertTrue(documents.contains("Test Environment Down"), documents);
    assertFalse(documents.contains("Daily Standup"), documents);
    String services = call("GET", "/api/v1/admin/services", "text/plain").body();
    assertEquals("No services registered\n", services);
    String projects = call("GET", "/api/v1/admin/projects", "text/plain").body();
    assertTrue(projects.contains("| Headless-PM |"), projects);
    String dashboard = call("GET", "/api/v1/admin/dashboard", "text/plain").body();
    assertTrue(dashboard.contains("Ready for Pickup |     3 |"), dashboard);
    assertTrue(dashboard.contains("User Authentication"), dashboard);
  }

  @Test
  @Order(5)
  void invalidFiltersAnswer400WithTheReferenceMessage() throws Exception {
    for (String[] bad :
        new String[][] {
          {"/api/v1/admin/tasks?status=bogus", "Invalid status: bogus"},
          {"/api/v1/admin/tasks?role=wizard", "Invalid role: wizard"},
          {"/api/v1/admin/documents?doc_type=memo", "Invalid document type: memo"},
        }) {
      HttpResponse<String> answer = call("GET", bad[0], "text/plain");
      assertEquals(400, answer.statusCode(), bad[0]);
      assertEquals("1", answer.headers().firstValue("X-HPM-Exit-Code").orElse(""));
      assertEquals("{\"detail\":\"" + bad[1] + "\"}", answer.body());
    }
  }

  @Test
  @Order(6)
  void sanityCheckFindsAndFixesLegacyValues() throws Exception {
    HttpResponse<String> clean = call("POST", "/api/v1/admin/sanity-check", "text/plain");
    assertEquals("0", clean.headers().firstValue("X-HPM-Exit-Code").orElse(""), clean.body());
    assertTrue(clean.body().contains("All checks passed! Database is healthy."), clean.body());
    // What an old reference database holds: a legacy status, written behind the API's back.
    try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + stack.databaseFile());
        Statement sql = db.createStatement()) {
      sql.execute("PRAGMA busy_timeout = 10000");
      sql.executeUpdate("UPDATE task SET status = 'approved' WHERE title LIKE 'Design%'");
    }
    HttpResponse<String> dirty =
        call("POST", "/api/v1/admin/sanity-check?check_only=enums", "application/json");
    assertEquals("1", dirty.headers().firstValue("X-HPM-Exit-Code").orElse(""), dirty.body());
    assertTrue(dirty.body().contains("has invalid status 'approved'"), dirty.body());
    HttpResponse<String> fixed =
        call("POST", "/api/v1/admin/sanity-check?fix=true", "application/json");
    assertEquals("0", fixed.headers().firstValue("X-HPM-Exit-Code").orElse(""), fixed.body());
    assertTrue(fixed.body().contains("approved → committed"), fixed.body());
    JsonObject status = parse(call("GET", "/api/v1/admin/status", "application/json").body());
    assertEquals(1, status.getJsonObject("tasks").getInt("committed"), status.toString());

    HttpResponse<String> wrong =
        call("POST", "/api/v1/admin/sanity-check?check_only=spelling", "application/json");
    assertEquals(400, wrong.statusCode());
  }

  @Test
  @Order(7)
  void onlineBackupIsAValidCopyWithTheRows() throws Exception {
    HttpResponse<String> answer = call("POST", "/api/v1/admin/backup", "application/json");
    assertEquals(200, answer.statusCode(), answer.body());
    JsonObject backup = parse(answer.body());
    String name = backup.getString("name");
    assertTrue(name.matches("backup_\\d{8}_\\d{6}(_\\d+)?\\.db"), name);
    assertEquals("3", backup.getString("schema_version"));
    Path file = stack.home().resolve("backups").resolve(name);
    assertEquals(Files.size(file), backup.getJsonNumber("size_bytes").longValue());
    try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement sql = db.createStatement()) {
      try (ResultSet check = sql.executeQuery("PRAGMA integrity_check")) {
        assertTrue(check.next());
        assertEquals("ok", check.getString(1));
      }
      try (ResultSet tasks = sql.executeQuery("SELECT COUNT(*) FROM task")) {
        assertTrue(tasks.next());
        assertEquals(3, tasks.getInt(1));
      }
    }
    String list = call("GET", "/api/v1/admin/backups", "text/plain").body();
    assertTrue(list.contains("| " + name + " |"), list);
  }

  @Test
  @Order(8)
  void hpmCliAndBackupTalkToTheRunningApi() throws Exception {
    Result status = hpm("cli", "status");
    assertEquals(0, status.exit(), status.output());
    assertTrue(status.output().contains("Registered Agents: 5"), status.output());
    Result invalid = hpm("cli", "tasks", "--status", "bogus");
    assertEquals(1, invalid.exit(), invalid.output());
    assertTrue(invalid.output().contains("Invalid status: bogus"), invalid.output());
    Result cancelled = hpm("cli", "reset");
    assertEquals(1, cancelled.exit(), cancelled.output());
    assertTrue(cancelled.output().contains("Operation cancelled"), cancelled.output());
    Result backup = hpm("backup");
    assertEquals(0, backup.exit(), backup.output());
    assertTrue(backup.output().contains("Backup created: "), backup.output());
  }

  @Test
  @Order(9)
  void hpmCliDeletesAProjectOnlyWhenConfirmed() throws Exception {
    HttpResponse<String> created =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(stack.apiUrl() + "/api/v1/projects"))
                .header("X-API-Key", stack.apiKey())
                .header("Content-Type", "application/json")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "{\"name\":\"Doomed\",\"description\":\"to be deleted\"}"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertEquals(200, created.statusCode(), created.body());
    String id = Long.toString(parse(created.body()).getJsonNumber("id").longValue());
    Result cancelled = hpm("cli", "delete-project", id);
    assertEquals(1, cancelled.exit(), cancelled.output());
    assertTrue(cancelled.output().contains("Project " + id + ": Doomed"), cancelled.output());
    assertTrue(cancelled.output().contains("Operation cancelled"), cancelled.output());
    Result deleted = hpm("cli", "delete-project", id, "-y");
    assertEquals(0, deleted.exit(), deleted.output());
    assertTrue(deleted.output().contains("Project " + id + " deleted"), deleted.output());
    assertEquals(404, call("GET", "/api/v1/projects/" + id, "application/json").statusCode());
  }

  @Test
  @Order(10)
  void metricsExportRequestTimersAndDomainGauges() throws Exception {
    HttpResponse<String> metrics =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(stack.apiUrl() + "/metrics"))
                .header("Accept", "text/plain")
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertEquals(200, metrics.statusCode());
    String text = metrics.body();
    assertTrue(text.contains("headless_pm_http_requests_seconds_count{"), text);
    assertTrue(text.contains("route=\"/api/v1/admin/status\""), text);
    assertTrue(
        text.lines()
            .anyMatch(
                l ->
                    l.startsWith("headless_pm_tasks{")
                        && l.contains("status=\"created\"")
                        && l.matches(".* 2(\\.0)?$")),
        text);
    assertTrue(text.contains("headless_pm_agents_active{"), text);
    assertTrue(text.contains("headless_pm_db_file_bytes{"), text);
    assertTrue(text.contains("headless_pm_db_busy_retries_total{"), text);
    assertTrue(text.contains("headless_pm_service_pings_total{"), text);
    assertTrue(text.contains("jvm_uptime_seconds"), "base scope: " + text);
  }

  @Test
  @Order(11)
  void resetNeedsTheConfirmationThenEmptiesTheDatabase() throws Exception {
    HttpResponse<String> refused = call("POST", "/api/v1/admin/reset", "application/json");
    assertEquals(400, refused.statusCode());
    assertTrue(refused.body().contains("confirm=DELETE"), refused.body());
    HttpResponse<String> done =
        call("POST", "/api/v1/admin/reset?confirm=DELETE", "application/json");
    assertEquals(200, done.statusCode(), done.body());
    JsonObject status = parse(call("GET", "/api/v1/admin/status", "application/json").body());
    assertEquals(1, status.getInt("agents"), "only the re-created dashboard-user: " + status);
    assertEquals(0, status.getJsonObject("tasks").getInt("created"));
    String projects = call("GET", "/api/v1/admin/projects", "text/plain").body();
    assertTrue(projects.contains("Headless-PM"), "init ran after the reset: " + projects);
    JsonObject init = parse(call("POST", "/api/v1/admin/init", "application/json").body());
    assertFalse(init.getBoolean("default_project_created"), init.toString());
  }

  @Test
  @Order(12)
  void disabledAdministrationAnswers404() throws Exception {
    try (HeadlessPmStack disabled =
        HeadlessPmStack.builder().env("HEADLESS_PM_ADMIN_ENABLED", "false").start()) {
      HttpResponse<String> answer =
          HTTP.send(
              HttpRequest.newBuilder(URI.create(disabled.apiUrl() + "/api/v1/admin/status"))
                  .header("X-API-Key", disabled.apiKey())
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertEquals(404, answer.statusCode());
      assertTrue(answer.body().contains("headless-pm.admin.enabled=false"), answer.body());
      HttpResponse<String> projects =
          HTTP.send(
              HttpRequest.newBuilder(URI.create(disabled.apiUrl() + "/api/v1/projects"))
                  .header("X-API-Key", disabled.apiKey())
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertEquals(200, projects.statusCode(), "the rest of the API still serves");
    }
  }

  private static HttpResponse<String> call(String method, String path, String accept)
      throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create(stack.apiUrl() + path))
            .method(method, HttpRequest.BodyPublishers.noBody())
            .header("X-API-Key", stack.apiKey())
            .header("Accept", accept)
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static JsonObject parse(String body) {
    JsonValue value = Json.createReader(new StringReader(body)).readValue();
    return value.asJsonObject();
  }

  private record Result(int exit, String output) {}

  private static Result hpm(String... args) throws Exception {
    String[] command = new String[args.length + 1];
    command[0] = ROOT.resolve("hpm").toString();
    System.arraycopy(args, 0, command, 1, args.length);
    ProcessBuilder builder = new ProcessBuilder(command).directory(ROOT.toFile());
    builder.redirectErrorStream(true);
    builder.redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
    Map<String, String> env = builder.environment();
    env.put("HEADLESS_PM_HOME", stack.home().toString());
    env.put("SERVICE_PORT", Integer.toString(URI.create(stack.apiUrl()).getPort()));
    env.put("API_KEY", stack.apiKey());
    env.remove("DATABASE_URL");
    Process process = builder.start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(process.waitFor(2, TimeUnit.MINUTES), "hpm " + String.join(" ", args) + " hangs");
    System.out.println("./hpm " + String.join(" ", args) + "\n" + output);
    return new Result(process.exitValue(), output);
  }
}
