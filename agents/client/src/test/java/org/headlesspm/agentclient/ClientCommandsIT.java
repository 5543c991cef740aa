package org.headlesspm.agentclient;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.headlesspm.testing.HeadlessPmStack;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Every command of {@code headless-pm-client} against the real API, run as a separate process the
 * way an agent runs it, plus its configuration and its error exits. The tests build on each other
 * (a project, its agents, planning, work, communication, clean-up) and share one server.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClientCommandsIT {

  private static HeadlessPmStack stack;
  private static AgentShell shell;
  private static ApiReader api;

  private static long project;
  private static long epic;
  private static long feature;
  private static long firstTask;
  private static long secondTask;

  @BeforeAll
  static void startServer() {
    stack = HeadlessPmStack.builder().start();
    shell = AgentShell.of(stack.apiUrl(), stack.apiKey());
    api = new ApiReader(stack.apiUrl(), stack.apiKey());
  }

  @AfterAll
  static void stopServer() {
    if (stack != null) {
      stack.close();
    }
  }

  @Test
  @Order(1)
  void helpIsTheAgentManualAndListsEveryCommand() {
    AgentShell.Result help = shell.run("--help");
    assertEquals(0, help.exitCode(), help.stderr());
    for (String command :
        List.of(
            "register",
            "context",
            "projects create",
            "projects list",
            "projects get",
            "projects update",
            "projects delete",
            "epics create",
            "epics list",
            "epics delete",
            "features create",
            "features list",
            "features delete",
            "tasks create",
            "tasks next",
            "tasks lock",
            "tasks status",
            "tasks comment",
            "tasks delete",
            "tasks assign",
            "tasks list",
            "tasks get",
            "documents create",
            "documents list",
            "documents get",
            "documents update",
            "documents delete",
            "mentions",
            "mention-read",
            "services register",
            "services list",
            "services heartbeat",
            "services unregister",
            "changes",
            "changelog",
            "agents list",
            "agents delete")) {
      assertTrue(
          help.stdout().contains("\n  " + command + " ")
              || help.stdout().contains("\n  " + command + "\n"),
          "help lists " + command);
    }
    for (String topic :
        List.of("HOW TO WORK", "STATUSES", "WHEN TO LOCK", "GIT BY COMPLEXITY", "@name")) {
      assertTrue(help.stdout().contains(topic), "manual explains " + topic);
    }
    assertTrue(help.stdout().contains("agents/roles/"), "manual points to the role files");

    AgentShell.Result lockHelp = shell.run("tasks", "lock", "--help");
    assertEquals(0, lockHelp.exitCode());
    assertTrue(lockHelp.stdout().contains("Usage: headless-pm-client tasks lock TASK_ID"));
    assertTrue(lockHelp.stdout().contains("--agent-id ID"));

    AgentShell.Result groupHelp = shell.run("tasks", "--help");
    assertEquals(0, groupHelp.exitCode());
    assertTrue(groupHelp.stdout().contains("tasks assign TASK_ID"));
    assertTrue(groupHelp.stdout().contains("tasks next --role ROLE"));
  }

  @Test
  @Order(2)
  void projectsAreCreatedListedReadAndUpdated() {
    JsonNode created =
        shell.ok(
            "projects",
            "create",
            "--name",
            "Shop",
            "--description",
            "A web shop",
            "--repository-main-branch",
            "trunk");
    project = created.get("id").asLong();
    assertEquals("trunk", created.get("repository_main_branch").asText());

    JsonNode list = shell.ok("projects", "list");
    assertTrue(names(list, "name").contains("Shop"));
    assertEquals("Shop", shell.ok("projects", "get", Long.toString(project)).get("name").asText());

    JsonNode updated =
        shell.ok(
            "projects",
            "update",
            "--project-id",
            Long.toString(project),
            "--description",
            "The web shop");
    assertEquals("The web shop", updated.get("description").asText());
    assertEquals("The web shop", api.get("projects/" + project).get("description").asText());
  }

  @Test
  @Order(3)
  void agentsRegisterAndReadTheirContext() {
    String id = Long.toString(project);
    JsonNode pm =
        shell.ok(
            "register",
            "--agent-id",
            "pm_ada",
            "--role",
            "project_pm",
            "--level",
            "principal",
            "--project-id",
            id);
    assertEquals(project, pm.get("agent").get("project_id").asLong());
    assertTrue(pm.has("next_task") && pm.has("mentions"));
    // Without --project-id an agent joins the server's default project.
    long defaultProject = api.get("context").get("project_id").asLong();
    JsonNode elsewhere =
        shell.ok("register", "--agent-id", "be_ben", "--role", "backend_dev", "--level", "junior");
    assertEquals(defaultProject, elsewhere.get("agent").get("project_id").asLong());
    shell.ok(
        "register",
        "--agent-id",
        "be_bob",
        "--role",
        "backend_dev",
        "--level",
        "senior",
        "--project-id",
        id);
    shell.ok(
        "register",
        "--agent-id",
        "qa_quinn",
        "--role",
        "qa",
        "--level",
        "senior",
        "--project-id",
        id);
    shell.ok(
        "register",
        "--agent-id",
        "fe_fay",
        "--role",
        "frontend_dev",
        "--level",
        "junior",
        "--project-id",
        id,
        "--connection-type",
        "client");

    assertTrue(contains(shell.ok("agents", "list"), "be_ben", defaultProject));

    assertEquals(project, shell.ok("context", "--project-id", id).get("project_id").asLong());
    assertEquals(defaultProject, shell.ok("context").get("project_id").asLong());
    assertEquals(
        List.of("be_bob", "fe_fay", "pm_ada", "qa_quinn"),
        names(shell.ok("agents", "list", "--project-id", id), "agent_id").stream()
            .filter(agent -> !agent.equals("dashboard-user"))
            .sorted()
            .toList());
  }

  @Test
  @Order(4)
  void aPmPlansEpicsFeaturesAndTasks() {
    epic =
        shell
            .ok(
                "epics",
                "create",
                "--name",
                "Checkout",
                "--description",
                "Paying for the basket",
                "--agent-id",
                "pm_ada")
            .get("id")
            .asLong();
    assertEquals(project, api.get("epics/" + epic).get("project_id").asLong());
    assertTrue(
        names(shell.ok("epics", "list", "--project-id", Long.toString(project)), "name")
            .contains("Checkout"));

    feature =
        shell
            .ok(
                "features",
                "create",
                "--epic-id",
                Long.toString(epic),
                "--name",
                "Card payment",
                "--description",
                "Pay by card",
                "--agent-id",
                "pm_ada")
            .get("id")
            .asLong();
    assertEquals(
        List.of("Card payment"),
        names(shell.ok("features", "list", "--epic-id", Long.toString(epic)), "name"));

    JsonNode first =
        shell.ok(
            "tasks",
            "create",
            "--feature-id",
            Long.toString(feature),
            "--title",
            "Payment endpoint",
            "--description",
            "POST /payments",
            "--target-role",
            "backend_dev",
            "--difficulty",
            "senior",
            "--complexity",
            "minor",
            "--agent-id",
            "pm_ada");
    firstTask = first.get("id").asLong();
    assertEquals("created", first.get("status").asText());
    assertEquals("feature/payment-endpoint", first.get("branch").asText());

    secondTask =
        shell
            .ok(
                "tasks",
                "create",
                "--feature-id",
                Long.toString(feature),
                "--title",
                "Refunds",
                "--description",
                "POST /refunds",
                "--target-role",
                "backend_dev",
                "--difficulty",
                "junior",
                "--branch",
                "feature/refunds",
                "--agent-id",
                "pm_ada")
            .get("id")
            .asLong();

    JsonNode listed =
        shell.ok("tasks", "list", "--project-id", Long.toString(project), "--status", "created");
    assertEquals(List.of("Refunds", "Payment endpoint"), names(listed, "title"));
    assertEquals(
        "major", shell.ok("tasks", "get", Long.toString(secondTask)).get("complexity").asText());
  }

  @Test
  @Order(5)
  void aDeveloperTakesLocksCommentsAndFinishesATask() {
    JsonNode next =
        shell.ok(
            "tasks",
            "next",
            "--role",
            "backend_dev",
            "--level",
            "senior",
            "--agent-id",
            "be_bob",
            "--simulate");
    assertEquals(firstTask, next.get("id").asLong());

    JsonNode locked = shell.ok("tasks", "lock", Long.toString(firstTask), "--agent-id", "be_bob");
    assertEquals("under_work", locked.get("status").asText());
    assertEquals("be_bob", locked.get("locked_by").asText());

    AgentShell.Result taken =
        shell.run("tasks", "lock", Long.toString(firstTask), "--agent-id", "qa_quinn");
    assertEquals(1, taken.exitCode());
    assertTrue(taken.stderr().contains("409"), taken.stderr());
    assertTrue(taken.stderr().contains("already locked"), taken.stderr());

    shell.ok(
        "tasks",
        "comment",
        Long.toString(firstTask),
        "--comment",
        "Which card types, @pm_ada?",
        "--agent-id",
        "be_bob");
    assertTrue(
        api.get("tasks/" + firstTask).get("notes").asText().contains("be_bob: Which card types"));

    JsonNode done =
        shell.ok(
            "tasks",
            "status",
            Long.toString(firstTask),
            "--status",
            "dev_done",
            "--agent-id",
            "be_bob",
            "--notes",
            "Implemented");
    assertEquals("dev_done", done.get("task").get("status").asText());
    assertEquals(secondTask, done.get("next_task").get("id").asLong());
    assertTrue(api.get("tasks/" + firstTask).get("locked_by").isNull());
  }

  @Test
  @Order(6)
  void aPmAssignsATaskToANamedAgent() {
    JsonNode assigned =
        shell.ok(
            "tasks",
            "assign",
            Long.toString(secondTask),
            "--target-agent-id",
            "be_bob",
            "--agent-id",
            "pm_ada");
    assertEquals("be_bob", assigned.get("locked_by").asText());
    assertEquals("under_work", api.get("tasks/" + secondTask).get("status").asText());
  }

  @Test
  @Order(7)
  void mentionsReachTheAgentAndAreMarkedRead() {
    JsonNode unread = shell.ok("mentions", "--agent-id", "pm_ada");
    assertEquals(1, unread.size(), unread.toString());
    JsonNode mention = unread.get(0);
    assertEquals(firstTask, mention.get("task_id").asLong());

    JsonNode read = shell.ok("mention-read", mention.get("id").asText(), "--agent-id", "pm_ada");
    assertTrue(read.get("is_read").asBoolean());
    assertEquals(0, shell.ok("mentions", "--agent-id", "pm_ada").size());
    JsonNode all = shell.ok("mentions", "--agent-id", "pm_ada", "--all", "--limit", "10");
    assertEquals(1, all.size());
    assertTrue(all.get(0).get("is_read").asBoolean());
  }

  @Test
  @Order(8)
  void documentsAreWrittenReadUpdatedAndDeleted() throws IOException {
    Path text = AgentShell.scratch().resolve("design.md");
    Files.writeString(
        text, "# Payments\nCards only for now. @qa_quinn please test.\n", StandardCharsets.UTF_8);
    JsonNode created =
        shell.ok(
            "documents",
            "create",
            "--type",
            "update",
            "--title",
            "Payment design",
            "--content-file",
            text.toString(),
            "--author-id",
            "be_bob",
            "--meta-data",
            "{\"pr\": 17}");
    long document = created.get("id").asLong();
    assertEquals(project, created.get("project_id").asLong(), "the author's project");
    assertEquals(17, api.get("documents/" + document).get("meta_data").get("pr").asInt());
    assertEquals(
        document,
        shell.ok("mentions", "--agent-id", "qa_quinn").get(0).get("document_id").asLong());

    JsonNode listed =
        shell.ok(
            "documents",
            "list",
            "--type",
            "update",
            "--author-id",
            "be_bob",
            "--limit",
            "5",
            "--project-id",
            Long.toString(project));
    assertEquals(List.of("Payment design"), names(listed, "title"));
    assertTrue(
        shell
            .ok("documents", "get", Long.toString(document))
            .get("content")
            .asText()
            .startsWith("# Payments\n"));

    shell.ok(
        "documents",
        "update",
        Long.toString(document),
        "--title",
        "Payment design v2",
        "--content",
        "Cards and invoices");
    assertEquals("Payment design v2", api.get("documents/" + document).get("title").asText());

    shell.ok("documents", "delete", "--document-id", Long.toString(document));
    assertEquals(0, api.get("documents?project_id=" + project).size());
  }

  @Test
  @Order(9)
  void textBeyondAsciiSurvivesAPosixLocale() {
    AgentShell posix = shell.with("LANG", "C").with("LC_ALL", null).with("LC_CTYPE", null);
    String title = "Zürich — naïve café ✓";
    JsonNode created =
        posix.ok(
            "documents",
            "create",
            "--type",
            "standup",
            "--title",
            title,
            "--content",
            "Ünïcödé",
            "--author-id",
            "qa_quinn");
    assertEquals(title, api.get("documents/" + created.get("id").asLong()).get("title").asText());
    assertEquals(title, created.get("title").asText());
  }

  @Test
  @Order(10)
  void servicesAreRegisteredPingedAndRemoved() {
    JsonNode registered =
        shell.ok(
            "services",
            "register",
            "--name",
            "shop-api",
            "--ping-url",
            stack.apiUrl() + "/health",
            "--port",
            "8080",
            "--agent-id",
            "be_bob",
            "--meta-data",
            "{\"version\": \"1.0\"}");
    assertEquals("shop-api", registered.get("service_name").asText());
    assertEquals(project, registered.get("project_id").asLong());
    assertEquals(
        List.of("shop-api"),
        names(
            shell.ok("services", "list", "--project-id", Long.toString(project)), "service_name"));
    assertEquals(
        "up",
        shell
            .ok("services", "heartbeat", "shop-api", "--agent-id", "be_bob")
            .get("status")
            .asText());
    shell.ok("services", "unregister", "--name", "shop-api", "--agent-id", "be_bob");
    assertEquals(0, api.get("services?project_id=" + project).size());
  }

  @Test
  @Order(11)
  void changesAndChangelogTellWhatHappened() {
    JsonNode changes = shell.ok("changes", "--since", "0", "--agent-id", "be_bob");
    assertTrue(changes.has("last_timestamp"), changes.toString());
    assertTrue(changes.get("changes").size() > 0, changes.toString());

    JsonNode changelog =
        shell.ok("changelog", "--limit", "2", "--project-id", Long.toString(project));
    assertEquals(2, changelog.size());
    JsonNode ofTask = shell.ok("changelog", "--task-id", Long.toString(firstTask));
    assertEquals(
        List.of("under_work", "created"),
        List.of(
            ofTask.get(0).get("old_status").asText(), ofTask.get(1).get("old_status").asText()));
  }

  @Test
  @Order(12)
  void aWaitingNextIsAnsweredByTheTaskCreatedMeanwhile() {
    AgentShell.Running waiting =
        shell.start(
            "tasks",
            "next",
            "--role",
            "frontend_dev",
            "--level",
            "junior",
            "--agent-id",
            "fe_fay",
            "--timeout",
            "240");
    long task =
        shell
            .ok(
                "tasks",
                "create",
                "--feature-id",
                Long.toString(feature),
                "--title",
                "Card form",
                "--description",
                "The card entry form",
                "--target-role",
                "frontend_dev",
                "--difficulty",
                "junior",
                "--agent-id",
                "pm_ada")
            .get("id")
            .asLong();
    AgentShell.Result answer = waiting.finish();
    assertEquals(0, answer.exitCode(), answer.stderr());
    assertEquals(task, answer.json().get("id").asLong());

    AgentShell.Result none =
        shell.run("tasks", "next", "--role", "architect", "--level", "principal", "--timeout", "0");
    assertEquals(0, none.exitCode(), none.stderr());
    assertEquals("null", none.stdout().strip());
  }

  @Test
  @Order(13)
  void configurationComesFromTheEnvFileAndTheEnvironmentWins() throws IOException {
    Path envFile = AgentShell.scratch().resolve("client.env");
    Files.writeString(
        envFile,
        "# written by ClientCommandsIT\n"
            + "export API_KEY=\""
            + stack.apiKey()
            + "\"\n"
            + "HEADLESS_PM_URL="
            + stack.apiUrl()
            + "/api/v1/\n"
            + "HEADLESS_PM_PROJECT_ID='"
            + project
            + "'\n");
    AgentShell fromFile = AgentShell.of("", "").with("HEADLESS_PM_ENV_FILE", envFile.toString());
    JsonNode tasks = fromFile.ok("tasks", "list");
    assertFalse(tasks.isEmpty());
    for (JsonNode task : tasks) {
      assertEquals(project, task.get("project_id").asLong(), "HEADLESS_PM_PROJECT_ID applies");
    }

    AgentShell.Result envWins = fromFile.with("API_KEY", "not-the-key").run("projects", "list");
    assertEquals(1, envWins.exitCode());
    assertTrue(envWins.stderr().contains("401"), envWins.stderr());

    AgentShell.Result optionWins =
        fromFile
            .with("API_KEY", "not-the-key")
            .run("--api-key", stack.apiKey(), "projects", "list");
    assertEquals(0, optionWins.exitCode(), optionWins.stderr());
  }

  @Test
  @Order(14)
  void failuresExitNonZeroWithTheApisMessage() throws IOException {
    AgentShell.Result wrongKey = shell.with("API_KEY", "wrong").run("projects", "list");
    assertEquals(1, wrongKey.exitCode());
    assertTrue(wrongKey.stderr().contains("Invalid API key"), wrongKey.stderr());
    assertEquals("", wrongKey.stdout());

    AgentShell.Result unknownTask = shell.run("tasks", "get", "99999");
    assertEquals(1, unknownTask.exitCode());
    assertTrue(
        unknownTask.stderr().contains("HTTP 404: Task with ID 99999 not found"),
        unknownTask.stderr());

    AgentShell.Result forbidden =
        shell.run("tasks", "delete", Long.toString(firstTask), "--agent-id", "be_bob");
    assertEquals(1, forbidden.exitCode());
    assertTrue(forbidden.stderr().contains("HTTP 403"), forbidden.stderr());

    AgentShell.Result invalid =
        shell.run("register", "--agent-id", "x1", "--role", "wizard", "--level", "senior");
    assertEquals(1, invalid.exitCode());
    assertTrue(invalid.stderr().contains("HTTP 422: body.role"), invalid.stderr());

    assertUsage(shell.run("tasks", "lock", "12"), "tasks lock needs --agent-id");
    assertUsage(shell.run("tasks", "lock", "twelve", "--agent-id", "be_bob"), "whole number");
    assertUsage(shell.run("tasks", "lock", "--agent-id", "be_bob"), "needs TASK_ID");
    assertUsage(shell.run("tasks", "fly"), "unknown command 'tasks fly'");
    assertUsage(shell.run("teleport"), "unknown command 'teleport'");
    assertUsage(shell.run("tasks"), "'tasks' needs one of");
    assertUsage(shell.run("tasks", "list", "--colour", "red"), "unknown option --colour");
    assertUsage(shell.run("tasks", "list", "--limit"), "--limit needs a value");
    assertUsage(
        shell.run(
            "documents", "create", "--type", "update", "--title", "t", "--author-id", "be_bob"),
        "needs --content or --content-file");
    assertUsage(
        shell.run(
            "services",
            "register",
            "--name",
            "s",
            "--ping-url",
            "http://x",
            "--agent-id",
            "be_bob",
            "--meta-data",
            "{oops"),
        "--meta-data is not JSON");

    AgentShell.Result unreachable =
        shell.with("HEADLESS_PM_URL", "http://localhost:" + freePort()).run("projects", "list");
    assertEquals(3, unreachable.exitCode());
    assertTrue(unreachable.stderr().contains("cannot reach the Headless PM API"));
  }

  @Test
  @Order(15)
  void everythingIsDeletedAgain() {
    shell.ok("tasks", "delete", Long.toString(firstTask), "--agent-id", "pm_ada");
    AgentShell.Result gone = shell.run("tasks", "get", Long.toString(firstTask));
    assertEquals(1, gone.exitCode());

    JsonNode extra =
        shell.ok(
            "features",
            "create",
            "--epic-id",
            Long.toString(epic),
            "--name",
            "Vouchers",
            "--description",
            "Later",
            "--agent-id",
            "pm_ada");
    shell.ok("features", "delete", extra.get("id").asText(), "--agent-id", "pm_ada");
    shell.ok("epics", "delete", "--epic-id", Long.toString(epic), "--agent-id", "pm_ada");
    assertEquals(0, api.get("epics?project_id=" + project).size());

    // Registered in one project only: the client finds the project itself.
    shell.ok("agents", "delete", "--agent-id", "fe_fay", "--requester-agent-id", "pm_ada");
    // Registered in two projects: it must be told which.
    shell.ok(
        "register",
        "--agent-id",
        "be_ben",
        "--role",
        "backend_dev",
        "--level",
        "junior",
        "--project-id",
        Long.toString(project));
    AgentShell.Result ambiguous =
        shell.run("agents", "delete", "--agent-id", "be_ben", "--requester-agent-id", "pm_ada");
    assertEquals(1, ambiguous.exitCode());
    assertTrue(ambiguous.stderr().contains("--project-id"), ambiguous.stderr());
    shell.ok(
        "agents",
        "delete",
        "--agent-id",
        "be_ben",
        "--requester-agent-id",
        "pm_ada",
        "--project-id",
        Long.toString(project));
    assertFalse(names(api.get("agents?project_id=" + project), "agent_id").contains("be_ben"));
    long defaultProject = api.get("context").get("project_id").asLong();
    assertTrue(contains(api.get("agents"), "be_ben", defaultProject), "the other record stays");

    shell.ok("projects", "delete", Long.toString(project), "--force");
    assertFalse(names(api.get("projects"), "name").contains("Shop"));
  }

  private static void assertUsage(AgentShell.Result result, String message) {
    assertEquals(2, result.exitCode(), result.stderr());
    assertTrue(result.stderr().contains(message), result.stderr());
  }

  private static List<String> names(JsonNode array, String field) {
    List<String> names = new ArrayList<>();
    array.forEach(node -> names.add(node.get(field).asText()));
    return names;
  }

  private static boolean contains(JsonNode agents, String agentId, long projectId) {
    for (JsonNode agent : agents) {
      if (agent.get("agent_id").asText().equals(agentId)
          && agent.get("project_id").asLong() == projectId) {
        return true;
      }
    }
    return false;
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
