package org.headlesspm.rest;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.instanceOf;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The 25 black-box acceptance scenarios of API.md section 8, in order, against one fresh server.
 * Scenarios about next-task selection use a project of their own so that tasks of earlier scenarios
 * cannot interfere; scenario 7 covers the default-project scope itself.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AcceptanceScenariosIT extends ApiTest {

  private static long p1;
  private static long p2;

  @Deployment(testable = false)
  static WebArchive deployment() {
    return ApiDeployment.freshApi();
  }

  @Test
  @Order(1)
  void s01_seeding() {
    api()
        .get("/api/v1/projects")
        .then()
        .statusCode(200)
        .body("", hasSize(1))
        .body("[0].name", equalTo("Headless-PM"))
        .body("[0].shared_path", equalTo("./projects/headless-pm/shared"))
        .body("[0].instructions_path", equalTo("./projects/headless-pm/instructions"))
        .body("[0].project_docs_path", equalTo("./projects/headless-pm/docs"))
        .body("[0].code_guidelines_path", equalTo("./CLAUDE.md"))
        .body("[0].agent_count", equalTo(1));
    p1 = defaultProjectId();
    assertEquals(1, p1, "on an empty database the default project gets id 1");
    api()
        .get("/api/v1/agents")
        .then()
        .statusCode(200)
        .body("", hasSize(1))
        .body("[0].agent_id", equalTo("dashboard-user"))
        // API-ADDENDUM.md A7 #22: the dashboard identity is ui_admin / principal / ui.
        .body("[0].role", equalTo("ui_admin"))
        .body("[0].level", equalTo("principal"))
        .body("[0].connection_type", equalTo("ui"))
        .body("[0].project_name", equalTo("Headless-PM"));
    assertTrue(Files.isDirectory(ApiDeployment.home().resolve("projects/headless-pm/docs")));
  }

  @Test
  @Order(2)
  void s02_auth() {
    anonymous()
        .get("/api/v1/agents")
        .then()
        .statusCode(401)
        .body("detail", equalTo("Invalid API key"));
    anonymous().header("X-API-Key", "x").get("/api/v1/agents").then().statusCode(401);
    anonymous().post("/api/v1/tasks/create").then().statusCode(401);
    anonymous().header("X-API-Key", "x").get("/api/v1/public/agents").then().statusCode(200);
    anonymous()
        .get("/health")
        .then()
        .statusCode(200)
        .body("status", equalTo("healthy"))
        .body("pid", instanceOf(Integer.class))
        .body("depends_on", empty());
    api().get("/api/v1/nope").then().statusCode(404);
  }

  @Test
  @Order(3)
  void s03_registration() {
    JsonPath pm1 = register("pm1", p1, "pm", "senior");
    assertEquals("project_pm", pm1.getString("agent.role"));
    assertEquals("client", pm1.getString("agent.connection_type"));
    assertEquals("Headless-PM", pm1.getString("agent.project_name"));
    assertNull(pm1.get("next_task"));
    assertEquals(List.of(), pm1.getList("mentions"));

    api()
        .body(
            Map.of(
                "agent_id", "pm1",
                "project_id", p1,
                "role", "qa",
                "level", "senior",
                "connection_type", "MCP"))
        .post("/api/v1/register")
        .then()
        .statusCode(200)
        .body("agent.role", equalTo("project_pm"))
        .body("agent.connection_type", equalTo("mcp"));
    api()
        .body(
            Map.of("agent_id", "ghost_project", "project_id", 999, "role", "qa", "level", "senior"))
        .post("/api/v1/register")
        .then()
        .statusCode(404);
    assertEquals(
        "backend_dev", register("be_upper", p1, "BACKEND_DEV", "senior").getString("agent.role"));
    api()
        .body(Map.of("agent_id", "wizard1", "project_id", p1, "role", "wizard", "level", "senior"))
        .post("/api/v1/register")
        .then()
        .statusCode(422);
  }

  @Test
  @Order(4)
  void s04_hierarchyAndPermissions() {
    api()
        .queryParam("agent_id", "pm1")
        .body(Map.of("name", "Epic one", "description", "d"))
        .post("/api/v1/epics")
        .then()
        .statusCode(200)
        .body("project_id", equalTo((int) p1))
        .body("task_count", equalTo(0))
        .body("completed_task_count", equalTo(0))
        .body("in_progress_task_count", equalTo(0));
    long epic = createEpic("pm1", p1);
    createFeature("pm1", epic);
    register("be1", p1, "backend_dev", "senior");
    epicBy("be1", null).then().statusCode(403);
    epicBy("ghost", null).then().statusCode(404);
    register("gpm", p1, "global_pm", "principal");
    p2 = createProject("Project Two");
    epicBy("gpm", p2).then().statusCode(200).body("project_id", equalTo((int) p2));
    epicBy("pm1", p2).then().statusCode(403);
  }

  @Test
  @Order(5)
  void s05_taskCreation() {
    long feature = createFeature("pm1", createEpic("pm1", p1));
    api()
        .queryParam("agent_id", "pm1")
        .body(
            Map.of(
                "feature_id", feature,
                "title", "Scenario five",
                "description", "d",
                "target_role", "backend_dev",
                "difficulty", "junior",
                "branch", "feature/five"))
        .post("/api/v1/tasks/create")
        .then()
        .statusCode(200)
        .body("status", equalTo("created"))
        .body("complexity", equalTo("major"))
        .body("created_by", equalTo("pm1"))
        .body("epic_id", notNullValue())
        .body("project_id", equalTo((int) p1))
        .body("locked_by", nullValue())
        .body("task_type", equalTo("regular"))
        .body("poll_interval", nullValue());
    api()
        .queryParam("limit", 1)
        .get("/api/v1/changelog")
        .then()
        .statusCode(200)
        .body("[0].old_status", equalTo("created"))
        .body("[0].new_status", equalTo("created"))
        .body("[0].notes", equalTo("Task created"));
    api()
        .queryParam("agent_id", "pm1")
        .body(
            Map.of(
                "feature_id", feature,
                "title", "No branch",
                "description", "d",
                "target_role", "backend_dev",
                "difficulty", "junior"))
        .post("/api/v1/tasks/create")
        .then()
        .statusCode(422);
    long featureInP2 = createFeature("gpm", createEpic("gpm", p2));
    api()
        .queryParam("agent_id", "be1")
        .body(taskBody(featureInP2, "backend_dev", "junior"))
        .post("/api/v1/tasks/create")
        .then()
        .statusCode(403);
    api()
        .queryParam("agent_id", "gpm")
        .body(taskBody(featureInP2, "backend_dev", "junior"))
        .post("/api/v1/tasks/create")
        .then()
        .statusCode(200);
  }

  // Scenarios 6 to 12 share one project so that selection sees only their tasks.
  private static long p6;
  private static long taskA;
  private static long taskB;

  @Test
  @Order(6)
  void s06_skillMatching() {
    p6 = createProject("Skill project");
    register("pm6", p6, "project_pm", "senior");
    register("be6", p6, "backend_dev", "senior");
    register("be6b", p6, "backend_dev", "senior");
    long feature = createFeature("pm6", createEpic("pm6", p6));
    taskA = createTaskId("pm6", feature, "backend_dev", "junior");
    taskB = createTaskId("pm6", feature, "backend_dev", "senior");
    long taskC = createTaskId("pm6", feature, "backend_dev", "principal");
    assertEquals(taskA, nextNow("backend_dev", "junior", p6).getLong("id"));
    assertEquals(taskA, nextNow("backend_dev", "senior", p6).getLong("id"));
    assertEquals(taskA, nextNow("backend_dev", "principal", p6).getLong("id"));
    api().post("/api/v1/tasks/{id}/lock?agent_id=be6b", taskA).then().statusCode(200);
    Response none = next("backend_dev", "junior", p6);
    none.then().statusCode(200);
    assertEquals("null", none.asString().trim(), "a 'no task' answer is exactly null");
    assertEquals(taskB, nextNow("backend_dev", "senior", p6).getLong("id"));
    assertEquals(taskB, nextNow("backend_dev", "principal", p6).getLong("id"));
    assertEquals("null", next("frontend_dev", "principal", p6).asString().trim());
    assertNotNull(taskC);
    // Release A again for the next scenarios: be6b finishes nothing, PM puts it back.
    api()
        .queryParam("agent_id", "pm6")
        .body(Map.of("status", "created"))
        .put("/api/v1/tasks/{id}/status", taskA)
        .then()
        .statusCode(200);
  }

  @Test
  @Order(7)
  void s07_projectScopingOfNext() {
    long p7 = createProject("Scope project");
    register("pm7", p7, "project_pm", "senior");
    register("only7", p7, "backend_dev", "principal");
    long task =
        createTaskId("pm7", createFeature("pm7", createEpic("pm7", p7)), "backend_dev", "junior");
    JsonPath noProject =
        api()
            .get("/api/v1/tasks/next?role=backend_dev&level=principal&simulate=true")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    if (noProject.get() != null) {
      assertEquals(
          p1, noProject.getLong("project_id"), "without a project the default one is searched");
    }
    assertEquals(task, nextNow("backend_dev", "principal", p7).getLong("id"));
    assertEquals(
        task,
        api()
            .get("/api/v1/tasks/next?role=backend_dev&level=principal&simulate=true&agent_id=only7")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath()
            .getLong("id"));
  }

  @Test
  @Order(8)
  void s08_longPoll() throws Exception {
    long p8 = createProject("Poll project");
    register("pm8", p8, "project_pm", "senior");
    long feature = createFeature("pm8", createEpic("pm8", p8));

    Instant start = Instant.now();
    api()
        .get("/api/v1/tasks/next?role=qa&level=senior&timeout=6&project_id=" + p8)
        .then()
        .statusCode(200);
    Duration waited = Duration.between(start, Instant.now());
    assertTrue(waited.toMillis() >= 6000, "must not answer before the timeout: " + waited);
    assertTrue(waited.toMillis() < 12000, "answers within timeout + 5 s: " + waited);

    CompletableFuture<Response> waiting =
        CompletableFuture.supplyAsync(
            () ->
                api()
                    .get(
                        "/api/v1/tasks/next?role=backend_dev&level=senior&timeout=30&project_id="
                            + p8));
    Thread.sleep(2000);
    long created = createTaskId("pm8", feature, "backend_dev", "senior");
    Instant createdAt = Instant.now();
    Response answer = waiting.get();
    long latency = Duration.between(createdAt, Instant.now()).toMillis();
    System.out.println("Long-poll wake-up measured from the create response: " + latency + " ms");
    assertEquals(created, answer.jsonPath().getLong("id"));
    assertTrue(latency < 1000, "woken by the creation, not the 5 s re-check: " + latency + " ms");

    start = Instant.now();
    api()
        .get("/api/v1/tasks/next?role=qa&level=senior&timeout=0&project_id=" + p8)
        .then()
        .statusCode(200);
    assertTrue(Duration.between(start, Instant.now()).toMillis() < 3000);
    api().get("/api/v1/tasks/next?level=senior").then().statusCode(400);
    api().get("/api/v1/tasks/next?role=qa").then().statusCode(400);
    api().get("/api/v1/tasks/next?role=qa&level=wizard").then().statusCode(422);
  }

  @Test
  @Order(9)
  void s09_lock() {
    JsonPath locked =
        api()
            .post("/api/v1/tasks/{id}/lock?agent_id=be6", taskA)
            .then()
            .statusCode(200)
            .body("status", equalTo("under_work"))
            .body("locked_by", equalTo("be6"))
            .body("locked_at", notNullValue())
            .extract()
            .jsonPath();
    JsonPath be6 = availability("be6", p6);
    assertEquals("working", be6.getString("status"));
    assertFalse(be6.getBoolean("is_available"));
    assertEquals(taskA, be6.getLong("current_task_id"));
    assertEquals(locked.getString("title"), be6.getString("current_task_title"));
    api().post("/api/v1/tasks/{id}/lock?agent_id=be6b", taskA).then().statusCode(409);
    api().post("/api/v1/tasks/{id}/lock?agent_id=be6", taskB).then().statusCode(409);
    api()
        .get("/api/v1/changelog?task_id=" + taskA)
        .then()
        .body("[0].old_status", equalTo("created"))
        .body("[0].new_status", equalTo("under_work"))
        .body("[0].changed_by", equalTo("be6"));
    register("only_p2", p2, "backend_dev", "senior");
    api().post("/api/v1/tasks/{id}/lock?agent_id=only_p2", taskB).then().statusCode(403);
    api().post("/api/v1/tasks/{id}/lock?agent_id=nobody_at_all", taskB).then().statusCode(404);
    api().post("/api/v1/tasks/999999/lock?agent_id=be6").then().statusCode(404);
  }

  @Test
  @Order(10)
  void s10_release() {
    api()
        .queryParam("agent_id", "be6")
        .body(Map.of("status", "dev_done", "notes", "done"))
        .put("/api/v1/tasks/{id}/status", taskA)
        .then()
        .statusCode(200)
        .body("task.status", equalTo("dev_done"))
        .body("task.locked_by", nullValue())
        .body("task.notes", equalTo("done"))
        .body("task_completed", equalTo((int) taskA))
        .body("next_task.id", equalTo((int) taskB))
        .body("workflow_status", equalTo("continue"))
        .body("auto_continue", equalTo(true))
        .body(
            "continuation_prompt",
            equalTo("Continue with the next task without waiting for confirmation"))
        .body("session_momentum", equalTo("high"));
    JsonPath be6 = availability("be6", p6);
    assertEquals("idle", be6.getString("status"));
    assertNull(be6.get("current_task_id"));

    register("fe6", p6, "frontend_dev", "senior");
    api()
        .queryParam("agent_id", "fe6")
        .body(Map.of("status", "dev_done", "notes", "done"))
        .put("/api/v1/tasks/{id}/status", taskA)
        .then()
        .statusCode(200)
        .body("next_task", nullValue())
        .body("workflow_status", equalTo("no_tasks"))
        .body("auto_continue", equalTo(false))
        .body("continuation_prompt", equalTo("No more tasks available"))
        .body("session_momentum", equalTo("low"));
    api()
        .get("/api/v1/changelog?task_id=" + taskA)
        .then()
        .body("changed_by", hasItem("be6"))
        .body(
            "find { it.changed_by == 'be6' && it.new_status == 'dev_done' }.old_status",
            equalTo("under_work"))
        .body(
            "find { it.changed_by == 'be6' && it.new_status == 'dev_done' }.notes",
            equalTo("done"));
  }

  @Test
  @Order(11)
  void s11_holderResetBySomeoneElse() {
    api().post("/api/v1/tasks/{id}/lock?agent_id=be6", taskB).then().statusCode(200);
    String pmStatusBefore = availability("pm6", p6).getString("status");
    api()
        .queryParam("agent_id", "pm6")
        .body(Map.of("status", "created"))
        .put("/api/v1/tasks/{id}/status", taskB)
        .then()
        .statusCode(200);
    JsonPath be6 = availability("be6", p6);
    assertEquals("idle", be6.getString("status"));
    assertNull(be6.get("current_task_id"));
    assertEquals(pmStatusBefore, availability("pm6", p6).getString("status"));
  }

  @Test
  @Order(12)
  void s12_qaFlow() {
    JsonPath qa = register("qa6", p6, "qa", "junior");
    assertEquals(
        taskA, qa.getLong("next_task.id"), "QA is offered the dev_done task whatever its role");
    assertEquals("dev_done", qa.getString("next_task.status"));
    api()
        .post("/api/v1/tasks/{id}/lock?agent_id=qa6", taskA)
        .then()
        .statusCode(200)
        .body("status", equalTo("under_work"));
    api()
        .queryParam("agent_id", "qa6")
        .body(Map.of("status", "qa_done"))
        .put("/api/v1/tasks/{id}/status", taskA)
        .then()
        .statusCode(200)
        .body("task.status", equalTo("qa_done"))
        .body("task.locked_by", nullValue());
    assertEquals("idle", availability("qa6", p6).getString("status"));
  }

  @Test
  @Order(13)
  void s13_legacyAndCase() {
    long feature = newFeature(p1);
    String pm = "pm1";
    long t = createTaskId(pm, feature, "backend_dev", "junior");
    assertEquals("qa_done", status(t, pm, "evaluation"));
    assertEquals("committed", status(t, pm, "approved"));
    assertEquals("dev_done", status(t, pm, "Dev_Done"));
    status(t, pm, "evaluation");
    api()
        .get("/api/v1/tasks?status=evaluation")
        .then()
        .statusCode(200)
        .body("status", everyItem(equalTo("qa_done")))
        .body("id", hasItem((int) t));
    long forPm = createTaskId(pm, feature, "pm", "junior");
    api()
        .get("/api/v1/tasks?role=pm")
        .then()
        .statusCode(200)
        .body("target_role", everyItem(equalTo("project_pm")))
        .body("id", hasItem((int) forPm));
  }

  @Test
  @Order(14)
  void s14_lockability() {
    long t = createTaskId("pm1", newFeature(p1), "backend_dev", "junior");
    status(t, "pm1", "committed");
    register("be14", p1, "backend_dev", "senior");
    api().post("/api/v1/tasks/{id}/lock?agent_id=be14", t).then().statusCode(409);
    api()
        .get("/api/v1/tasks/{id}", t)
        .then()
        .body("status", equalTo("committed"))
        .body("locked_by", nullValue());
  }

  @Test
  @Order(15)
  void s15_assign() {
    long feature = newFeature(p1);
    long t = createTaskId("pm1", feature, "backend_dev", "junior");
    long other = createTaskId("pm1", feature, "backend_dev", "junior");
    register("be2", p1, "backend_dev", "senior");
    api()
        .post("/api/v1/tasks/{id}/assign?target_agent_id=be2&assigner_agent_id=pm1", t)
        .then()
        .statusCode(200)
        .body("locked_by", equalTo("be2"))
        .body("status", equalTo("under_work"));
    api()
        .get("/api/v1/changelog?task_id=" + t)
        .then()
        .body("[0].old_status", equalTo("created"))
        .body("[0].new_status", equalTo("under_work"))
        .body("[0].changed_by", equalTo("pm1"))
        .body("[0].notes", equalTo("Task assigned to be2 by Project PM"));
    api()
        .post("/api/v1/tasks/{id}/assign?target_agent_id=be2&assigner_agent_id=pm1", other)
        .then()
        .statusCode(409);
    register("idle15", p1, "backend_dev", "senior");
    api()
        .post("/api/v1/tasks/{id}/assign?target_agent_id=idle15&assigner_agent_id=gpm", other)
        .then()
        .statusCode(403);
    api()
        .post("/api/v1/tasks/{id}/assign?target_agent_id=idle15&assigner_agent_id=be1", other)
        .then()
        .statusCode(403);
  }

  @Test
  @Order(16)
  void s16_commentsAndMentions() {
    register("qa1", p1, "qa", "junior");
    long t = createTaskId("pm1", newFeature(p1), "backend_dev", "junior");
    api()
        .queryParam("agent_id", "pm1")
        .body(Map.of("comment", "ping @be1 and @qa1, cc @be1"))
        .post("/api/v1/tasks/{id}/comment", t)
        .then()
        .statusCode(200)
        .body("message", equalTo("Comment added successfully"));
    api()
        .get("/api/v1/tasks/{id}", t)
        .then()
        .body("notes", endsWith("pm1: ping @be1 and @qa1, cc @be1"));
    JsonPath mentions =
        api()
            .get("/api/v1/mentions?project_id=" + p1 + "&agent_id=be1")
            .then()
            .statusCode(200)
            .body("", hasSize(1))
            .body("[0].task_id", equalTo((int) t))
            .body("[0].task_title", notNullValue())
            .body("[0].is_read", equalTo(false))
            .body("[0].created_by", equalTo("pm1"))
            .extract()
            .jsonPath();
    long mention = mentions.getLong("[0].id");
    assertTrue(
        register("be1", p1, "backend_dev", "senior")
            .getList("mentions.id")
            .contains((int) mention));
    api().put("/api/v1/mentions/{id}/read?agent_id=qa1", mention).then().statusCode(403);
    api()
        .put("/api/v1/mentions/{id}/read?agent_id=be1", mention)
        .then()
        .statusCode(200)
        .body("is_read", equalTo(true));
    api()
        .get("/api/v1/mentions?project_id=" + p1 + "&agent_id=be1&unread_only=true")
        .then()
        .body("id", not(hasItem((int) mention)));
  }

  @Test
  @Order(17)
  void s17_documents() {
    JsonPath doc =
        api()
            .queryParam("author_id", "pm1")
            .queryParam("project_id", p1)
            .body(
                Map.of(
                    "doc_type",
                    "update",
                    "title",
                    "Status",
                    "content",
                    "@be1 @ghost_9 mail a@b.com"))
            .post("/api/v1/documents")
            .then()
            .statusCode(200)
            .body("mentions", contains("be1", "ghost_9", "b"))
            .extract()
            .jsonPath();
    assertEquals(doc.getString("created_at"), doc.getString("updated_at"));
    long id = doc.getLong("id");
    documentWith(Map.of("doc_type", "update", "title", "x".repeat(201), "content", "c"))
        .then()
        .statusCode(422);
    documentWith(Map.of("doc_type", "update", "title", "t", "content", "c".repeat(50_001)))
        .then()
        .statusCode(400);
    documentWith(Map.of("doc_type", "note", "title", "t", "content", "c")).then().statusCode(422);
    api()
        .body(Map.of("content", "@qa1"))
        .put("/api/v1/documents/{id}", id)
        .then()
        .statusCode(200)
        .body("mentions", contains("qa1"));
    long expired =
        documentWith(
                Map.of(
                    "doc_type", "standup",
                    "title", "old",
                    "content", "gone",
                    "expires_at", "2020-01-01T00:00:00Z"))
            .then()
            .statusCode(200)
            .extract()
            .jsonPath()
            .getLong("id");
    api()
        .get("/api/v1/documents?project_id=" + p1)
        .then()
        .body("id", hasItem((int) id))
        .body("id", not(hasItem((int) expired)));
    api().get("/api/v1/documents/{id}", expired).then().statusCode(200);
    api().delete("/api/v1/documents/{id}", id).then().statusCode(200);
    api()
        .get("/api/v1/mentions?project_id=" + p1)
        .then()
        .body("document_id", not(hasItem((int) id)));
  }

  @Test
  @Order(18)
  void s18_changeFeed() throws Exception {
    long p18 = createProject("Feed project");
    register("pm18", p18, "project_pm", "senior");
    long t = createTaskId("pm18", createFeature("pm18", createEpic("pm18", p18)), "qa", "junior");
    Instant t0 = Instant.now();
    Thread.sleep(20);
    long doc =
        api()
            .queryParam("author_id", "pm18")
            .queryParam("project_id", p18)
            .body(Map.of("doc_type", "update", "title", "t", "content", "hello"))
            .post("/api/v1/documents")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath()
            .getLong("id");
    api().body(Map.of("title", "t2")).put("/api/v1/documents/{id}", doc).then().statusCode(200);
    status(t, "pm18", "dev_done");
    JsonPath feed =
        api()
            .get("/api/v1/changes?since=" + t0 + "&project_id=" + p18)
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    assertEquals(
        List.of("document_created", "document_updated", "task_updated"),
        feed.getList("changes.type"));
    assertEquals("created", feed.getString("changes[2].data.old_status"));
    assertEquals("dev_done", feed.getString("changes[2].data.new_status"));
    assertEquals("pm18", feed.getString("changes[2].data.changed_by"));
    String last = feed.getString("last_timestamp");
    assertEquals(feed.getString("changes[2].timestamp"), last);

    String epoch = t0.getEpochSecond() + "." + String.format("%06d", t0.getNano() / 1000);
    assertEquals(
        feed.getList("changes.type"),
        api()
            .get("/api/v1/changes?since=" + epoch + "&project_id=" + p18)
            .then()
            .statusCode(200)
            .extract()
            .jsonPath()
            .getList("changes.type"));
    api()
        .get("/api/v1/changes?since=" + last + "&project_id=" + p18)
        .then()
        .statusCode(200)
        .body("changes", empty())
        .body("last_timestamp", equalTo(last));
    api().get("/api/v1/changes?since=garbage").then().statusCode(422);
  }

  @Test
  @Order(19)
  void s19_services() throws Exception {
    api()
        .queryParam("agent_id", "be1")
        .queryParam("project_id", p1)
        .body(Map.of("service_name", "api", "ping_url", "http://127.0.0.1:1/health", "port", 8080))
        .post("/api/v1/services/register")
        .then()
        .statusCode(200)
        .body("status", equalTo("up"))
        .body("last_heartbeat", notNullValue());
    api()
        .post("/api/v1/services/api/heartbeat?agent_id=pm1&project_id=" + p1)
        .then()
        .statusCode(403);
    api()
        .post("/api/v1/services/api/heartbeat?agent_id=be1&project_id=" + p1)
        .then()
        .statusCode(200)
        .body("status", equalTo("up"));
    Map<String, Object> down = awaitService("api", "down");
    assertEquals(false, down.get("last_ping_success"));
    assertNotNull(down.get("last_ping_at"));

    api()
        .queryParam("agent_id", "be1")
        .queryParam("project_id", p1)
        .body(Map.of("service_name", "self", "ping_url", root() + "/health", "status", "UP"))
        .post("/api/v1/services/register")
        .then()
        .statusCode(200)
        .body("status", equalTo("up"));
    api()
        .queryParam("agent_id", "be1")
        .queryParam("project_id", p1)
        .body(Map.of("service_name", "self", "ping_url", root() + "/health", "status", "down"))
        .post("/api/v1/services/register")
        .then()
        .statusCode(200)
        .body("status", equalTo("down"));
    assertEquals(true, awaitService("self", "up").get("last_ping_success"));
    api().delete("/api/v1/services/api?agent_id=pm1&project_id=" + p1).then().statusCode(403);
    api().delete("/api/v1/services/api?agent_id=be1&project_id=" + p1).then().statusCode(200);
  }

  @Test
  @Order(20)
  void s20_staleLock() throws Exception {
    long p20 = createProject("Stale project");
    register("pm20", p20, "project_pm", "senior");
    register("sleepy", p20, "backend_dev", "senior");
    long t =
        createTaskId(
            "pm20", createFeature("pm20", createEpic("pm20", p20)), "backend_dev", "junior");
    api().post("/api/v1/tasks/{id}/lock?agent_id=sleepy", t).then().statusCode(200);
    // Another process (here: this test) writes the file: the holder was last active long ago.
    try (Connection db =
            DriverManager.getConnection("jdbc:sqlite:" + ApiDeployment.databaseFile());
        PreparedStatement update =
            db.prepareStatement(
                "UPDATE agent SET last_seen = ?, last_activity = ? WHERE agent_id = 'sleepy'")) {
      db.createStatement().execute("PRAGMA busy_timeout = 10000");
      update.setString(1, "2020-01-01 00:00:00.000000");
      update.setString(2, "2020-01-01 00:00:00.000000");
      assertEquals(1, update.executeUpdate());
    }
    register("someone_else", p20, "qa", "junior");
    api()
        .get("/api/v1/tasks/{id}", t)
        .then()
        .body("status", equalTo("created"))
        .body("locked_by", nullValue());
    api()
        .get("/api/v1/changelog?task_id=" + t)
        .then()
        .body("[0].changed_by", equalTo("system"))
        .body("[0].old_status", equalTo("under_work"))
        .body("[0].new_status", equalTo("created"))
        .body("[0].notes", equalTo("Lock released: sleepy inactive for more than 30 minutes"));
    assertEquals("offline", availability("sleepy", p20).getString("status"));
    register("sleepy", p20, "backend_dev", "senior");
    assertEquals("idle", availability("sleepy", p20).getString("status"));
  }

  @Test
  @Order(21)
  void s21_pendingGate() {
    long feature = newFeature(p1);
    long t = createTaskId("pm1", feature, "backend_dev", "junior");
    api()
        .queryParam("agent_id", "be1")
        .body(Map.of("status", "pending"))
        .put("/api/v1/tasks/{id}/status", t)
        .then()
        .statusCode(403);
    assertEquals("pending", status(t, "pm1", "pending"));
    api().post("/api/v1/tasks/{id}/lock?agent_id=be1", t).then().statusCode(409);
    api()
        .get("/api/v1/tasks?status=created&role=backend_dev&project_id=" + p1)
        .then()
        .body("id", not(hasItem((int) t)));
    assertFalse(
        api().get("/api/v1/public/tasks?status=pending").jsonPath().getList("id").isEmpty());
    api()
        .queryParam("agent_id", "be1")
        .body(Map.of("status", "created"))
        .put("/api/v1/tasks/{id}/status", t)
        .then()
        .statusCode(403);
    assertEquals("created", status(t, "pm1", "created"));
  }

  @Test
  @Order(22)
  void s22_deletes() {
    long featureP1 = newFeature(p1);
    long t = createTaskId("pm1", featureP1, "backend_dev", "junior");
    api().delete("/api/v1/tasks/{id}?agent_id=be1", t).then().statusCode(403);
    long featureP2 = createFeature("gpm", createEpic("gpm", p2));
    long inP2 = createTaskId("gpm", featureP2, "backend_dev", "junior");
    api().delete("/api/v1/tasks/{id}?agent_id=pm1", inP2).then().statusCode(403);
    register("holder22", p2, "backend_dev", "senior");
    api().post("/api/v1/tasks/{id}/lock?agent_id=holder22", inP2).then().statusCode(200);
    api().delete("/api/v1/tasks/{id}?agent_id=gpm", inP2).then().statusCode(200);
    assertEquals("idle", availability("holder22", p2).getString("status"));
    assertNull(availability("holder22", p2).get("current_task_id"));

    long epic = createEpic("pm1", p1);
    long feature = createFeature("pm1", epic);
    long gone = createTaskId("pm1", feature, "backend_dev", "junior");
    api().delete("/api/v1/epics/{id}?agent_id=pm1", epic).then().statusCode(200);
    api().get("/api/v1/tasks").then().body("id", not(hasItem((int) gone)));
    api().get("/api/v1/changelog?task_id=" + gone).then().body("", empty());

    register("be22", p1, "backend_dev", "senior");
    long createdByBe22 = createTaskId("be22", featureP1, "backend_dev", "junior");
    api()
        .delete("/api/v1/agents/be22?requester_agent_id=pm1&project_id=" + p1)
        .then()
        .statusCode(200);
    api().get("/api/v1/tasks/{id}", createdByBe22).then().body("created_by", equalTo("be22"));
    api()
        .delete("/api/v1/agents/pm1?requester_agent_id=pm1&project_id=" + p1)
        .then()
        .statusCode(400);
  }

  @Test
  @Order(23)
  void s23_projects() {
    api()
        .body(Map.of("name", "My Proj!", "description", "d"))
        .post("/api/v1/projects")
        .then()
        .statusCode(200)
        .body("shared_path", equalTo("./projects/myproj/shared"))
        .body("instructions_path", equalTo("./projects/myproj/instructions"))
        .body("project_docs_path", equalTo("./projects/myproj/docs"));
    api()
        .body(Map.of("name", "My Proj!", "description", "d"))
        .post("/api/v1/projects")
        .then()
        .statusCode(400);
    api()
        .body(Map.of("name", "myproj", "description", "d"))
        .post("/api/v1/projects")
        .then()
        .statusCode(400);
    api()
        .body(Map.of("name", "!!!", "description", "d"))
        .post("/api/v1/projects")
        .then()
        .statusCode(400);

    JsonPath before = api().get("/api/v1/projects/{id}", p2).jsonPath();
    api()
        .body(Map.of("description", "new words"))
        .patch("/api/v1/projects/{id}", p2)
        .then()
        .statusCode(200)
        .body("description", equalTo("new words"))
        .body("agent_count", equalTo(before.getInt("agent_count")))
        .body("epic_count", equalTo(before.getInt("epic_count")))
        .body("task_count", equalTo(before.getInt("task_count")));
    assertTrue(
        Instant.parse(api().get("/api/v1/projects/{id}", p2).jsonPath().getString("updated_at"))
            .isAfter(Instant.parse(before.getString("updated_at"))));

    api()
        .queryParam("author_id", "gpm")
        .queryParam("project_id", p2)
        .body(Map.of("doc_type", "update", "title", "p2 doc", "content", "x"))
        .post("/api/v1/documents")
        .then()
        .statusCode(200);
    api()
        .queryParam("agent_id", "gpm")
        .queryParam("project_id", p2)
        .body(Map.of("service_name", "p2svc", "ping_url", "http://127.0.0.1:1/"))
        .post("/api/v1/services/register")
        .then()
        .statusCode(200);
    JsonPath counted = api().get("/api/v1/projects/{id}", p2).jsonPath();
    api()
        .delete("/api/v1/projects/{id}", p2)
        .then()
        .statusCode(400)
        .body("detail", org.hamcrest.Matchers.containsString("Cannot delete project with"));
    api()
        .delete("/api/v1/projects/{id}?force=true", p2)
        .then()
        .statusCode(200)
        .body("deleted_entities.agents", equalTo(counted.getInt("agent_count")))
        .body("deleted_entities.epics", equalTo(counted.getInt("epic_count")))
        .body("deleted_entities.tasks", equalTo(counted.getInt("task_count")))
        .body("deleted_entities.documents", equalTo(1))
        .body("deleted_entities.services", equalTo(1));
    api().get("/api/v1/projects/{id}", p2).then().statusCode(404);
    api().get("/api/v1/agents?project_id=" + p2).then().body("", empty());
    api().get("/api/v1/epics?project_id=" + p2).then().body("", empty());
    api().get("/api/v1/tasks?project_id=" + p2).then().body("", empty());
  }

  @Test
  @Order(24)
  void s24_projectFiles() throws Exception {
    api()
        .body(Map.of("content", "# hi"))
        .post("/api/v1/projects/{id}/docs/Sub Dir/My File!.MD", p1)
        .then()
        .statusCode(200)
        .body("path", equalTo("subdir/myfile.md"))
        .body("created", equalTo(true))
        .body("size", equalTo(4));
    api()
        .get("/api/v1/projects/{id}/docs/subdir/myfile.md", p1)
        .then()
        .statusCode(200)
        .body("content", equalTo("# hi"));
    api()
        .get("/api/v1/projects/{id}/docs", p1)
        .then()
        .body("files.path", hasItem("subdir/myfile.md"));
    api().get("/api/v1/projects/{id}/docs/subdir", p1).then().statusCode(400);
    api().get("/api/v1/projects/{id}/docs/missing.md", p1).then().statusCode(404);
    int traversal =
        io.restassured.RestAssured.given()
            .urlEncodingEnabled(false)
            .header("X-API-Key", KEY)
            .get(root() + "/api/v1/projects/" + p1 + "/docs/%2E%2E%2Fx.md")
            .statusCode();
    assertEquals(400, traversal);
    api()
        .body(Map.of("content", "bad\u0000byte"))
        .post("/api/v1/projects/{id}/docs/nul.md", p1)
        .then()
        .statusCode(400);
    // A symbolic link inside docs that points outside is refused (real-path containment).
    Path docs = ApiDeployment.home().resolve("projects/headless-pm/docs");
    Path outside = Files.writeString(ApiDeployment.home().resolve("secret.txt"), "secret");
    Files.createSymbolicLink(docs.resolve("escape.txt"), outside);
    api().get("/api/v1/projects/{id}/docs/escape.txt", p1).then().statusCode(400);
    api()
        .get("/api/v1/projects/{id}/docs", p1)
        .then()
        .body("files.path", not(hasItem("escape.txt")));
  }

  @Test
  @Order(25)
  void s25_publicMirrors() {
    Response next =
        anonymous().get("/api/v1/public/tasks/next?role=backend_dev&skill_level=senior&agent_id=x");
    assertEquals(200, next.statusCode());
    anonymous()
        .get("/api/v1/public/projects")
        .then()
        .statusCode(200)
        .body("[0].agent_count", notNullValue())
        .body("[0].shared_path", notNullValue());
    anonymous()
        .get("/api/v1/context")
        .then()
        .statusCode(200)
        .body("project_name", equalTo("Headless-PM"));
    anonymous().get("/api/v1/public/context/999").then().statusCode(404);
  }

  // --- helpers -------------------------------------------------------------------------------

  private Response epicBy(String agentId, Long projectId) {
    var request = api().queryParam("agent_id", agentId);
    if (projectId != null) {
      request.queryParam("project_id", projectId);
    }
    return request.body(Map.of("name", unique("epic"), "description", "d")).post("/api/v1/epics");
  }

  private static Map<String, Object> taskBody(long feature, String role, String difficulty) {
    return Map.of(
        "feature_id",
        feature,
        "title",
        unique("task"),
        "description",
        "d",
        "target_role",
        role,
        "difficulty",
        difficulty,
        "branch",
        "b");
  }

  private Response next(String role, String level, long projectId) {
    return api()
        .get(
            "/api/v1/tasks/next?simulate=true&role="
                + role
                + "&level="
                + level
                + "&project_id="
                + projectId);
  }

  private JsonPath nextNow(String role, String level, long projectId) {
    return next(role, level, projectId).then().statusCode(200).extract().jsonPath();
  }

  private String status(long task, String agent, String status) {
    return api()
        .queryParam("agent_id", agent)
        .body(Map.of("status", status))
        .put("/api/v1/tasks/{id}/status", task)
        .then()
        .statusCode(200)
        .extract()
        .jsonPath()
        .getString("task.status");
  }

  private Response documentWith(Map<String, Object> body) {
    return api()
        .queryParam("author_id", "pm1")
        .queryParam("project_id", p1)
        .body(body)
        .post("/api/v1/documents");
  }

  private Map<String, Object> awaitService(String name, String wanted) throws InterruptedException {
    Instant deadline = Instant.now().plusSeconds(40);
    while (Instant.now().isBefore(deadline)) {
      Map<String, Object> service =
          api()
              .get("/api/v1/services?project_id=" + p1)
              .jsonPath()
              .get("find { it.service_name == '" + name + "' }");
      if (service != null
          && wanted.equals(service.get("status"))
          && service.get("last_ping_at") != null) {
        return service;
      }
      Thread.sleep(500);
    }
    throw new AssertionError("service " + name + " never became " + wanted);
  }
}
