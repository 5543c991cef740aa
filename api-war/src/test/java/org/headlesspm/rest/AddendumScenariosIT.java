package org.headlesspm.rest;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
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
 * The black-box acceptance scenarios 26 to 41 of API-ADDENDUM.md A8, in order, against one fresh
 * server configured as A8 requires ({@code GIT_HTTP_HOST=git.test}, {@code GIT_HTTP_PORT=9000}),
 * followed by the addendum rules A8 does not exercise (methods numbered from 42).
 *
 * <p>Scenario 26 ends with "restart the server": the start-up creation and repair of the dashboard
 * records is covered by {@link SchemaUpgradeIT}, which boots a server on a database written by the
 * previous schema version and checks that every project ends up with exactly one {@code
 * dashboard-user}, the existing one keeping its id.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AddendumScenariosIT extends ApiTest {

  static final String GIT_CONFIG =
      "headless-pm.git.http-host=git.test\nheadless-pm.git.http-port=9000\n";

  private static final String DASHBOARD = "dashboard-user";

  /** The generated URL of project "Addendum Q" (see scenario 28). */
  private static final String Q_URL = "http://git.test:9000/git/addendumq.git";

  private static long p1;
  private static long q;
  private static long epicP1;
  private static long featureP1;
  private static long featureQ;
  private static long dashboardP1;
  private static long dashboardQ;

  @Deployment(testable = false)
  static WebArchive deployment() {
    return ApiDeployment.freshApiWith(GIT_CONFIG);
  }

  /** A8 preamble: pm1 and gpm in P1 as in API §8, then be4 and be5; a feature for new tasks. */
  @Test
  @Order(0)
  void preconditions() {
    p1 = defaultProjectId();
    assertEquals("project_pm", register("pm1", p1, "pm", "senior").getString("agent.role"));
    register("gpm", p1, "global_pm", "principal");
    register("be4", p1, "backend_dev", "senior");
    register("be5", p1, "backend_dev", "junior");
    epicP1 = createEpic("pm1", p1);
    featureP1 = createFeature("pm1", epicP1);
  }

  @Test
  @Order(26)
  void s26_dashboardIdentity() {
    JsonPath inP1 = agents(p1);
    assertEquals(1, inP1.getList("findAll { it.agent_id == 'dashboard-user' }").size());
    assertEquals("ui_admin", inP1.getString("find { it.agent_id == 'dashboard-user' }.role"));
    assertEquals("principal", inP1.getString("find { it.agent_id == 'dashboard-user' }.level"));
    assertEquals("ui", inP1.getString("find { it.agent_id == 'dashboard-user' }.connection_type"));
    dashboardP1 = inP1.getLong("find { it.agent_id == 'dashboard-user' }.id");

    q =
        api()
            .body(Map.of("name", "Addendum Q", "description", "scenario 26"))
            .post("/api/v1/projects")
            .then()
            .statusCode(200)
            .body("agent_count", equalTo(1))
            .body("epic_count", equalTo(0))
            .body("task_count", equalTo(0))
            .extract()
            .jsonPath()
            .getLong("id");
    JsonPath inQ = agents(q);
    assertEquals(List.of(DASHBOARD), inQ.getList("agent_id"));
    assertEquals("ui_admin", inQ.getString("[0].role"));
    assertEquals("principal", inQ.getString("[0].level"));
    assertEquals("ui", inQ.getString("[0].connection_type"));
    dashboardQ = inQ.getLong("[0].id");
    assertNotEquals(dashboardP1, dashboardQ, "each project has a record of its own");
    JsonPath qDashboard = availability(DASHBOARD, q);
    assertEquals("idle", qDashboard.getString("status"));
    assertNull(qDashboard.get("current_task_id"));

    register("pmq", q, "project_pm", "senior");
    register("beq", q, "backend_dev", "principal");

    // Still exactly one dashboard-user per project, with the same ids (the restart itself: see
    // SchemaUpgradeIT).
    JsonPath all = api().get("/api/v1/agents").then().statusCode(200).extract().jsonPath();
    List<Integer> dashboardProjects =
        all.getList("findAll { it.agent_id == 'dashboard-user' }.project_id", Integer.class);
    assertEquals(
        dashboardProjects.stream().distinct().count(),
        dashboardProjects.size(),
        "one record per project: " + dashboardProjects);
    List<Integer> projects = api().get("/api/v1/projects").jsonPath().getList("id", Integer.class);
    assertEquals(projects.size(), dashboardProjects.size(), "every project has one");
    assertEquals(dashboardP1, agentRecordId(p1, DASHBOARD));
    assertEquals(dashboardQ, agentRecordId(q, DASHBOARD));
  }

  @Test
  @Order(27)
  void s27_reserved() {
    registration(DASHBOARD, p1, "qa", "junior", null).then().statusCode(403);
    registration(DASHBOARD, q, "project_pm", "senior", null).then().statusCode(403);
    registration("system-admin", p1, "backend_dev", "senior", null)
        .then()
        .statusCode(403)
        .body("detail", containsString("Reserved agent ID"));
    registration("x1", p1, "UI_ADMIN", "senior", null)
        .then()
        .statusCode(403)
        .body("detail", containsString("Reserved role 'ui_admin'"));
    registration("x2", p1, "global_pm", "senior", null)
        .then()
        .statusCode(200)
        .body("agent.role", equalTo("global_pm"));
    registration("x3", p1, "pm", "senior", null)
        .then()
        .statusCode(200)
        .body("agent.role", equalTo("project_pm"));
    api()
        .delete("/api/v1/agents/dashboard-user?requester_agent_id=pm1&project_id=" + p1)
        .then()
        .statusCode(400);
    // E5 never touched the server-created records.
    JsonPath inP1 = agents(p1);
    assertEquals("ui_admin", inP1.getString("find { it.agent_id == 'dashboard-user' }.role"));
    assertEquals(dashboardP1, agentRecordId(p1, DASHBOARD));
  }

  @Test
  @Order(28)
  void s28_repositoryDefaults() {
    api()
        .get("/api/v1/projects/{id}", p1)
        .then()
        .statusCode(200)
        .body("repository_url", equalTo("http://git.test:9000/git/headless-pm.git"))
        .body("repository_main_branch", equalTo("main"))
        .body("repository_clone_path", nullValue());
    JsonPath context =
        api().get("/api/v1/context/{id}", p1).then().statusCode(200).extract().jsonPath();
    assertEquals("http://git.test:9000/git/headless-pm.git", context.getString("repository_url"));
    assertEquals("main", context.getString("repository_main_branch"));
    assertTrue(context.getMap("").containsKey("repository_clone_path"));
    assertNull(context.get("repository_clone_path"));
    // A8 writes addendum-q.git, but A4.5 generates the URL from the directory of API §4.11.1,
    // which removes spaces ("My Proj!" -> myproj): "Addendum Q" -> addendumq. The rule wins.
    api().get("/api/v1/projects/{id}", q).then().body("repository_url", equalTo(Q_URL));
    createProjectWith(body("name", "Repo Demo!", "description", "d"))
        .then()
        .statusCode(200)
        .body("repository_url", equalTo("http://git.test:9000/git/repodemo.git"))
        .body("repository_main_branch", equalTo("main"))
        .body("repository_clone_path", nullValue());
    createProjectWith(
            body(
                "name",
                "Blank Repo",
                "description",
                "d",
                "repository_url",
                "   ",
                "repository_main_branch",
                null))
        .then()
        .statusCode(200)
        .body("repository_url", equalTo("http://git.test:9000/git/blankrepo.git"))
        .body("repository_main_branch", equalTo("main"));
  }

  @Test
  @Order(29)
  void s29_repositoryValidation() {
    createProjectWith(body("name", "Repo Bad Url", "description", "d", "repository_url", "my repo"))
        .then()
        .statusCode(400)
        .body("detail", startsWith("Invalid repository URL"));
    createProjectWith(
            body(
                "name",
                "Repo Scp Url",
                "description",
                "d",
                "repository_url",
                "git@github.com:acme/app.git"))
        .then()
        .statusCode(200)
        .body("repository_url", equalTo("git@github.com:acme/app.git"));
    createProjectWith(
            body("name", "Repo Bad Branch", "description", "d", "repository_main_branch", "a..b"))
        .then()
        .statusCode(400)
        .body("detail", startsWith("Invalid repository main branch"));
    createProjectWith(
            body(
                "name",
                "Repo Release Branch",
                "description",
                "d",
                "repository_main_branch",
                "release/2.0"))
        .then()
        .statusCode(200)
        .body("repository_main_branch", equalTo("release/2.0"));

    patchQ(body("repository_main_branch", "develop")).then().statusCode(200);
    assertEquals("develop", projectQ().getString("repository_main_branch"));
    patchQ(body("repository_url", "https://example.test/q.git"))
        .then()
        .statusCode(200)
        .body("repository_url", equalTo("https://example.test/q.git"));
    assertEquals("https://example.test/q.git", projectQ().getString("repository_url"));
    patchQ(body("repository_url", "")).then().statusCode(200);
    assertEquals(Q_URL, projectQ().getString("repository_url"));
    patchQ(body("repository_clone_path", "/srv/q")).then().statusCode(200);
    assertEquals("/srv/q", projectQ().getString("repository_clone_path"));
    patchQ(body("repository_clone_path", "")).then().statusCode(200);
    assertNull(projectQ().get("repository_clone_path"));
    patchQ(body("repository_main_branch", "")).then().statusCode(400);
    assertEquals("develop", projectQ().getString("repository_main_branch"));
  }

  @Test
  @Order(30)
  void s30_deletingAnUnusedProject() {
    long unused = createProject("Unused");
    api()
        .delete("/api/v1/projects/{id}", unused)
        .then()
        .statusCode(200)
        .body("deleted_entities.agents", equalTo(1))
        .body("deleted_entities.epics", equalTo(0));
    api().get("/api/v1/projects/{id}", unused).then().statusCode(404);

    long single = createProject("Single");
    api()
        .queryParam("agent_id", DASHBOARD)
        .queryParam("project_id", single)
        .body(Map.of("name", "Only epic", "description", "d"))
        .post("/api/v1/epics")
        .then()
        .statusCode(200)
        .body("project_id", equalTo((int) single));
    api()
        .delete("/api/v1/projects/{id}", single)
        .then()
        .statusCode(400)
        .body("detail", containsString("Cannot delete project with 1 entities"));
    api()
        .delete("/api/v1/projects/{id}?force=true", single)
        .then()
        .statusCode(200)
        .body("deleted_entities.agents", equalTo(1))
        .body("deleted_entities.epics", equalTo(1));
  }

  private static long managementTask;
  private static long regularTask;

  @Test
  @Order(31)
  void s31_managementTasks() {
    long epic = createEpic("pmq", q);
    featureQ = createFeature("pmq", epic);
    managementTask =
        createTaskWith(
                "pmq", taskBody(featureQ, "M", "backend_dev", "junior", "task_type", "management"))
            .then()
            .statusCode(200)
            .body("task_type", equalTo("management"))
            .extract()
            .jsonPath()
            .getLong("id");
    regularTask =
        createTaskWith("pmq", taskBody(featureQ, "R", "backend_dev", "junior"))
            .then()
            .statusCode(200)
            .body("task_type", equalTo("regular"))
            .extract()
            .jsonPath()
            .getLong("id");
    assertEquals(regularTask, next("backend_dev", "principal", q).getLong("id"));
    JsonPath listed =
        api().get("/api/v1/tasks?project_id=" + q).then().statusCode(200).extract().jsonPath();
    assertEquals(
        "management", listed.getString("find { it.id == " + managementTask + " }.task_type"));
    assertEquals("regular", listed.getString("find { it.id == " + regularTask + " }.task_type"));

    api().post("/api/v1/tasks/{id}/lock?agent_id=beq", regularTask).then().statusCode(200);
    assertEquals("null", nextRaw("backend_dev", "principal", q), "M is withheld");
    status(regularTask, "beq", "dev_done");
    api()
        .post("/api/v1/tasks/{id}/lock?agent_id=beq", managementTask)
        .then()
        .statusCode(200)
        .body("task_type", equalTo("management"))
        .body("locked_by", equalTo("beq"));
    status(managementTask, "beq", "dev_done");
    assertEquals(regularTask, next("qa", "junior", q).getLong("id"), "R, not the older M");

    createTaskWith("pmq", taskBody(featureQ, "W1", "backend_dev", "junior", "task_type", "waiting"))
        .then()
        .statusCode(422);
    createTaskWith(
            "pmq", taskBody(featureQ, "M2", "backend_dev", "junior", "task_type", "MANAGEMENT"))
        .then()
        .statusCode(200)
        .body("task_type", equalTo("management"));
  }

  @Test
  @Order(32)
  void s32_editingDetails() throws Exception {
    JsonPath created = createTask("pm1", featureP1, "backend_dev", "junior");
    long e = created.getLong("id");
    Instant before = Instant.parse(created.getString("updated_at"));
    Instant dashboardActive = Instant.parse(availability(DASHBOARD, p1).getString("last_activity"));
    Thread.sleep(20);
    Map<String, Object> edit = body("title", "New title", "target_role", "frontend_dev");
    JsonPath edited =
        details(e, DASHBOARD, edit)
            .then()
            .statusCode(200)
            .body("title", equalTo("New title"))
            .body("target_role", equalTo("frontend_dev"))
            .body("status", equalTo("created"))
            .extract()
            .jsonPath();
    assertTrue(Instant.parse(edited.getString("updated_at")).isAfter(before), "updated_at");
    assertTrue(
        Instant.parse(availability(DASHBOARD, p1).getString("last_activity"))
            .isAfter(dashboardActive),
        "the editor's last_activity is refreshed (A4.7)");
    JsonPath log = changelog(e);
    int rows = log.getList("").size();
    assertEquals("created", log.getString("[0].old_status"));
    assertEquals("created", log.getString("[0].new_status"));
    assertEquals(DASHBOARD, log.getString("[0].changed_by"));
    assertTrue(
        log.getString("[0].notes").startsWith("Task details updated:"), log.getString("[0].notes"));
    assertTrue(
        log.getString("[0].notes").contains("target_role: backend_dev -> frontend_dev"),
        log.getString("[0].notes"));

    details(e, DASHBOARD, edit)
        .then()
        .statusCode(200)
        .body("updated_at", equalTo(edited.getString("updated_at")));
    assertEquals(rows, changelog(e).getList("").size(), "no effective change, no row");

    details(e, "pm1", body("title", "x")).then().statusCode(403);
    details(e, "ghost", body("title", "x")).then().statusCode(404);
    details(e, DASHBOARD, body("target_role", "ui_admin")).then().statusCode(400);
    details(999_999, DASHBOARD, body("title", "x")).then().statusCode(404);
  }

  @Test
  @Order(33)
  void s33_anEditWakesAWaiter() throws Exception {
    long w =
        createTaskWith("pmq", taskBody(featureQ, "W", "backend_dev", "junior"))
            .then()
            .statusCode(200)
            .extract()
            .jsonPath()
            .getLong("id");
    Instant start = Instant.now();
    CompletableFuture<Response> waiting =
        CompletableFuture.supplyAsync(
            () ->
                api()
                    .get(
                        "/api/v1/tasks/next?role=frontend_dev&level=senior&timeout=30&project_id="
                            + q));
    Thread.sleep(2000);
    details(w, DASHBOARD, body("target_role", "frontend_dev")).then().statusCode(200);
    Instant edited = Instant.now();
    Response answer = waiting.get();
    long latency = Duration.between(edited, Instant.now()).toMillis();
    System.out.println("Long-poll wake-up after an E59 edit: " + latency + " ms");
    assertEquals(200, answer.statusCode());
    assertEquals(w, answer.jsonPath().getLong("id"));
    assertTrue(latency < 2500, "woken by the edit: " + latency + " ms");
    assertTrue(Duration.between(start, Instant.now()).toSeconds() < 10, "well before the timeout");
  }

  @Test
  @Order(34)
  void s34_manualCompletion() {
    long t = newTask();
    api().post("/api/v1/tasks/{id}/lock?agent_id=be4", t).then().statusCode(200);
    assertEquals("working", availability("be4", p1).getString("status"));
    Instant pmActive = Instant.parse(availability("pm1", p1).getString("last_activity"));
    complete(t, "committed", "pm1")
        .then()
        .statusCode(200)
        .body("status", equalTo("committed"))
        .body("locked_by", nullValue())
        .body("locked_at", nullValue());
    JsonPath be4 = availability("be4", p1);
    assertEquals("idle", be4.getString("status"));
    assertNull(be4.get("current_task_id"));
    assertTrue(
        Instant.parse(availability("pm1", p1).getString("last_activity")).isAfter(pmActive),
        "the caller's last_activity is refreshed (A3.2 E60 step 4)");
    JsonPath log = changelog(t);
    assertEquals("under_work", log.getString("[0].old_status"));
    assertEquals("committed", log.getString("[0].new_status"));
    assertEquals("pm1", log.getString("[0].changed_by"));
    assertEquals(
        "Task manually completed by project_pm (target status: committed)",
        log.getString("[0].notes"));

    complete(t, "created", "pm1").then().statusCode(400);
    complete(t, "committed", "be4").then().statusCode(403);
    complete(t, "committed", "pmq").then().statusCode(403);
    complete(t, "dev_done", DASHBOARD).then().statusCode(200).body("status", equalTo("dev_done"));
    assertEquals(
        "Task manually completed by ui_admin (target status: dev_done)",
        changelog(t).getString("[0].notes"));
    complete(t, "evaluation", "gpm").then().statusCode(200).body("status", equalTo("qa_done"));
  }

  @Test
  @Order(35)
  void s35_statusChangeByTheDashboard() {
    long d = newTask();
    api()
        .queryParam("agent_id", DASHBOARD)
        .body(Map.of("status", "pending"))
        .put("/api/v1/tasks/{id}/status", d)
        .then()
        .statusCode(200)
        .body("task.status", equalTo("pending"))
        .body("next_task", nullValue())
        .body("workflow_status", equalTo("management"))
        .body("task_completed", equalTo((int) d))
        .body("auto_continue", equalTo(false))
        .body("session_momentum", equalTo("neutral"))
        .body("continuation_prompt", equalTo("Task status updated successfully"));
    assertEquals("created", status(d, DASHBOARD, "created"));
  }

  @Test
  @Order(36)
  void s36_durationParsing() {
    long t3 = newTask();
    for (String input : List.of("1h30m", "1h 30m", "90m", "1.5h")) {
      assertEquals(90, addTime(t3, input).getInt("minutes"), input);
    }
    JsonPath entry = addTime(t3, "1H");
    assertEquals(60, entry.getInt("minutes"));
    assertEquals(t3, entry.getLong("task_id"));
    assertEquals(DASHBOARD, entry.getString("created_by"));
    assertNull(entry.get("description"));
    assertEquals(480, addTime(t3, "1d").getInt("minutes"));
    assertEquals(2400, addTime(t3, "1w").getInt("minutes"));
    assertEquals(9600, addTime(t3, "1M").getInt("minutes"));
    assertEquals(9600, addTime(t3, "1mo").getInt("minutes"));
    assertEquals(-15, addTime(t3, "-15m").getInt("minutes"));
    assertEquals(45, addTime(t3, 45).getInt("minutes"));
    for (String bad : List.of("0", "0.5m", "1x", "1h 1h", ".5h", "55M", "")) {
      time(t3, DASHBOARD, body("time_input", bad)).then().statusCode(400);
    }
    time(t3, DASHBOARD, body("time_input", "1h", "description", "d".repeat(501)))
        .then()
        .statusCode(422);
  }

  @Test
  @Order(37)
  void s37_totalsAndEntries() {
    long t2 = newTask();
    api()
        .get("/api/v1/tasks/{id}/time", t2)
        .then()
        .statusCode(200)
        .body("total_minutes", equalTo(0))
        .body("total_formatted", equalTo("0m"))
        .body("entries", empty());
    JsonPath task = api().get("/api/v1/tasks/{id}", t2).then().statusCode(200).extract().jsonPath();
    assertEquals(0, task.getInt("total_time_minutes"));
    assertEquals("0m", task.getString("total_time_formatted"));

    long e1 = addTime(t2, "1h30m").getLong("id");
    long e2 = addTime(t2, "1d").getLong("id");
    long e3 = addTime(t2, "-15m").getLong("id");
    long e4 = addTime(t2, 45).getLong("id");
    JsonPath tracked =
        api().get("/api/v1/tasks/{id}/time", t2).then().statusCode(200).extract().jsonPath();
    assertEquals(
        List.of(e4, e3, e2, e1), tracked.getList("entries.id", Long.class), "newest first");
    assertEquals(List.of(45, -15, 480, 90), tracked.getList("entries.minutes", Integer.class));
    assertEquals(600, tracked.getInt("total_minutes"));
    assertEquals("1d 2h", tracked.getString("total_formatted"));
    api()
        .get("/api/v1/tasks/{id}", t2)
        .then()
        .body("total_time_minutes", equalTo(600))
        .body("total_time_formatted", equalTo("1d 2h"))
        .body("updated_at", equalTo(task.getString("updated_at")));

    time(t2, "pm1", body("time_input", "1h")).then().statusCode(403);
    api().delete("/api/v1/time-entries/{id}?agent_id=pm1", e2).then().statusCode(403);
    api()
        .delete("/api/v1/time-entries/{id}?agent_id=dashboard-user", e2)
        .then()
        .statusCode(200)
        .body("message", equalTo("Time entry " + e2 + " deleted successfully"));
    api().delete("/api/v1/time-entries/{id}?agent_id=dashboard-user", e2).then().statusCode(404);
    api()
        .get("/api/v1/tasks/{id}/time", t2)
        .then()
        .body("total_minutes", equalTo(120))
        .body("total_formatted", equalTo("2h"))
        .body("entries.id", equalTo(List.of((int) e4, (int) e3, (int) e1)));

    api().delete("/api/v1/tasks/{id}?agent_id=pm1", t2).then().statusCode(200);
    api().get("/api/v1/tasks/{id}/time", t2).then().statusCode(404);
    for (long gone : List.of(e1, e3, e4)) {
      api()
          .delete("/api/v1/time-entries/{id}?agent_id=dashboard-user", gone)
          .then()
          .statusCode(404);
    }
  }

  @Test
  @Order(38)
  void s38_formatting() {
    long a = newTask();
    addTime(a, "1d");
    addTime(a, "1h");
    addTime(a, "1m");
    assertEquals("1d 1h 1m", timeOf(a).getString("total_formatted"));
    assertEquals(541, timeOf(a).getInt("total_minutes"));
    long b = newTask();
    addTime(b, "-1h30m");
    assertEquals("-1h 30m", timeOf(b).getString("total_formatted"));
    assertEquals(-90, timeOf(b).getInt("total_minutes"));
    long c = newTask();
    addTime(c, "1mo 1w");
    assertEquals("1mo 1w", timeOf(c).getString("total_formatted"));
    assertEquals(12000, timeOf(c).getInt("total_minutes"));
  }

  @Test
  @Order(39)
  void s39_assignmentAndLocks() {
    long x = newTask();
    api()
        .post("/api/v1/tasks/{id}/assign?target_agent_id=be5&assigner_agent_id=dashboard-user", x)
        .then()
        .statusCode(200)
        .body("locked_by", equalTo("be5"))
        .body("status", equalTo("under_work"));
    assertEquals("Task assigned to be5 by Project PM", changelog(x).getString("[0].notes"));
    assertEquals(DASHBOARD, changelog(x).getString("[0].changed_by"));
    long y = newTask();
    api()
        .post("/api/v1/tasks/{id}/assign?target_agent_id=dashboard-user&assigner_agent_id=pm1", y)
        .then()
        .statusCode(403);
    api().post("/api/v1/tasks/{id}/lock?agent_id=dashboard-user", y).then().statusCode(403);
    api()
        .post("/api/v1/tasks/{id}/assign?target_agent_id=be4&assigner_agent_id=gpm", y)
        .then()
        .statusCode(403);
    api()
        .get("/api/v1/tasks/{id}", y)
        .then()
        .body("status", equalTo("created"))
        .body("locked_by", nullValue());
  }

  @Test
  @Order(40)
  void s40_deletesAndCreationByTheDashboard() {
    long one = newTask();
    api().delete("/api/v1/tasks/{id}?agent_id=dashboard-user", one).then().statusCode(200);
    api().get("/api/v1/tasks/{id}", one).then().statusCode(404);
    long two = newTask();
    api().delete("/api/v1/tasks/{id}?agent_id=pm1", two).then().statusCode(200);

    long epic = createEpic("pm1", p1);
    long feature = createFeature("pm1", epic);
    api().delete("/api/v1/features/{id}?agent_id=dashboard-user", feature).then().statusCode(200);
    api().delete("/api/v1/epics/{id}?agent_id=dashboard-user", epic).then().statusCode(200);
    api().get("/api/v1/epics/{id}", epic).then().statusCode(404);

    api()
        .queryParam("agent_id", DASHBOARD)
        .queryParam("project_id", q)
        .body(Map.of("name", "Dashboard epic in Q", "description", "d"))
        .post("/api/v1/epics")
        .then()
        .statusCode(200)
        .body("project_id", equalTo((int) q));
    api()
        .queryParam("agent_id", DASHBOARD)
        .body(Map.of("name", "Dashboard epic", "description", "d"))
        .post("/api/v1/epics")
        .then()
        .statusCode(200)
        .body("project_id", equalTo((int) p1));
    createTaskWith(DASHBOARD, taskBody(featureQ, "By the dashboard", "qa", "junior"))
        .then()
        .statusCode(200)
        .body("project_id", equalTo((int) q))
        .body("created_by", equalTo(DASHBOARD));
  }

  @Test
  @Order(41)
  void s41_branchNames() {
    assertEquals("hotfix/hotfix-payment-crash", branchOf("Hotfix: payment crash", ""));
    assertEquals("feature/add-debug-logging", branchOf("Add debug logging", ""));
    JsonPath bangs =
        createTaskWith("pm1", taskBody(featureP1, "!!!", "backend_dev", "junior", "branch", ""))
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    assertEquals("feature/task-" + bangs.getLong("id"), bangs.getString("branch"));
    assertEquals("feature/implement-user-login", branchOf("Implement user login", "  "));
    assertEquals("hotfix/hotfix-payment-crash", branchOf("Hotfix: payment crash", "  "));
    Map<String, Object> missing = taskBody(featureP1, "No branch", "backend_dev", "junior");
    missing.remove("branch");
    createTaskWith("pm1", missing).then().statusCode(422);
    assertEquals("wip/x", branchOf("Fix the bug", "wip/x"));

    long t =
        createTaskWith(
                "pm1",
                taskBody(featureP1, "Add debug logging", "backend_dev", "junior", "branch", ""))
            .then()
            .statusCode(200)
            .extract()
            .jsonPath()
            .getLong("id");
    details(t, DASHBOARD, body("title", "Fix login validation bug", "branch", ""))
        .then()
        .statusCode(200)
        .body("title", equalTo("Fix login validation bug"))
        .body("branch", equalTo("fix/fix-login-validation-bug"));
  }

  // --- addendum rules that A8 does not exercise ----------------------------------------------

  /** E5: connection type {@code ui} is accepted from external agents (A3.1). */
  @Test
  @Order(42)
  void x42_registrationAcceptsConnectionTypeUi() {
    registration("ui1", p1, "frontend_dev", "junior", "ui")
        .then()
        .statusCode(200)
        .body("agent.connection_type", equalTo("ui"))
        .body("agent.role", equalTo("frontend_dev"));
  }

  /**
   * Routes with an optional project_id ignore dashboard records when they infer the project (A3.1
   * last paragraph): Q's dashboard-user is the most recently seen record, yet a document created by
   * dashboard-user without project_id lands in the default project.
   */
  @Test
  @Order(43)
  void x43_optionalProjectRoutesIgnoreDashboardRecords() {
    api()
        .get(
            "/api/v1/tasks/next?role=qa&level=junior&simulate=true&agent_id=dashboard-user&project_id="
                + q)
        .then()
        .statusCode(200);
    long doc =
        api()
            .queryParam("author_id", DASHBOARD)
            .body(Map.of("doc_type", "update", "title", "From the dashboard", "content", "hi"))
            .post("/api/v1/documents")
            .then()
            .statusCode(200)
            .body("project_id", equalTo((int) p1))
            .body("author_id", equalTo(DASHBOARD))
            .extract()
            .jsonPath()
            .getLong("id");
    JsonPath listed =
        api()
            .get("/api/v1/documents?author_id=dashboard-user")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    assertTrue(listed.getList("id", Long.class).contains(doc), "listed in the default project");
    assertTrue(listed.getList("project_id", Long.class).stream().allMatch(id -> id == p1));
  }

  /** E27: role ui_admin answers null at once, whatever the timeout (A3.1). */
  @Test
  @Order(44)
  void x44_nextForUiAdminAnswersNullAtOnce() {
    for (String timeout : List.of("&timeout=30", "")) {
      Instant start = Instant.now();
      Response answer =
          api().get("/api/v1/tasks/next?role=ui_admin&level=principal&project_id=" + p1 + timeout);
      long waited = Duration.between(start, Instant.now()).toMillis();
      assertEquals(200, answer.statusCode());
      assertEquals("null", answer.asString().trim());
      assertTrue(waited < 3000, "no waiting: " + waited + " ms");
    }
    Response mirror =
        anonymous().get("/api/v1/public/tasks/next?role=ui_admin&skill_level=principal&agent_id=x");
    assertEquals(200, mirror.statusCode());
    assertEquals("null", mirror.asString().trim());
  }

  /** E62: agent_id is optional and ignored, so a developer may read the entries (A3.3). */
  @Test
  @Order(45)
  void x45_developersMayReadTimeEntries() {
    long t = newTask();
    addTime(t, "30m");
    api()
        .get("/api/v1/tasks/{id}/time?agent_id=be4", t)
        .then()
        .statusCode(200)
        .body("total_minutes", equalTo(30))
        .body("total_formatted", equalTo("30m"))
        .body("entries", hasSize(1));
  }

  /** /api/v1/time-entries/{id} knows only DELETE (A3). */
  @Test
  @Order(46)
  void x46_timeEntriesKnowOnlyDelete() {
    api().body("{\"minutes\": 5}").put("/api/v1/time-entries/1").then().statusCode(405);
    api().get("/api/v1/time-entries/1").then().statusCode(405);
  }

  /**
   * E14 without force succeeds when nothing but the dashboard record is left (A3.1): done on a
   * project of its own so that P1 stays intact. Also E7 by the dashboard identity (A3.1).
   */
  @Test
  @Order(47)
  void x47_projectHoldingOnlyItsDashboardRecordDeletesWithoutForce() {
    long lonely = createProject("Lonely");
    register("lonely_dev", lonely, "backend_dev", "senior");
    api()
        .delete("/api/v1/projects/{id}", lonely)
        .then()
        .statusCode(400)
        .body("detail", containsString("Cannot delete project with 1 entities"));
    api()
        .delete("/api/v1/agents/lonely_dev?requester_agent_id=dashboard-user&project_id=" + lonely)
        .then()
        .statusCode(200);
    assertEquals(List.of(DASHBOARD), agents(lonely).getList("agent_id"));
    api()
        .delete("/api/v1/projects/{id}", lonely)
        .then()
        .statusCode(200)
        .body("deleted_entities.agents", equalTo(1))
        .body("deleted_entities.epics", equalTo(0))
        .body("deleted_entities.tasks", equalTo(0))
        .body("deleted_entities.documents", equalTo(0))
        .body("deleted_entities.services", equalTo(0));
    api().get("/api/v1/agents?project_id=" + lonely).then().body("", empty());
    assertEquals(dashboardP1, agentRecordId(p1, DASHBOARD), "other projects keep theirs");
  }

  /**
   * A4.8: a manual completion to dev_done wakes waiting QA requests, and turning a management task
   * into a regular one wakes the developers waiting for it. A project of its own, so that no other
   * task is eligible.
   */
  @Test
  @Order(48)
  void x48_completionAndTypeChangeWakeWaiters() throws Exception {
    long wake = createProject("Wake project");
    register("pmw", wake, "project_pm", "senior");
    long feature = createFeature("pmw", createEpic("pmw", wake));
    long regular = createTaskId("pmw", feature, "frontend_dev", "junior");
    CompletableFuture<Response> qa = waitFor("qa", "junior", wake);
    Thread.sleep(1500);
    complete(regular, "dev_done", "pmw").then().statusCode(200);
    Instant completed = Instant.now();
    Response woken = qa.get();
    long latency = Duration.between(completed, Instant.now()).toMillis();
    assertEquals(regular, woken.jsonPath().getLong("id"));
    assertTrue(latency < 2500, "QA woken by E60: " + latency + " ms");

    long management =
        createTaskWith(
                "pmw",
                taskBody(feature, "Plan", "backend_dev", "junior", "task_type", "management"))
            .then()
            .statusCode(200)
            .extract()
            .jsonPath()
            .getLong("id");
    CompletableFuture<Response> dev = waitFor("backend_dev", "senior", wake);
    Thread.sleep(1500);
    details(management, DASHBOARD, body("task_type", "regular"))
        .then()
        .statusCode(200)
        .body("task_type", equalTo("regular"));
    Instant retyped = Instant.now();
    woken = dev.get();
    latency = Duration.between(retyped, Instant.now()).toMillis();
    assertEquals(management, woken.jsonPath().getLong("id"));
    assertTrue(latency < 2500, "developer woken by E59: " + latency + " ms");
  }

  // --- helpers -------------------------------------------------------------------------------

  private CompletableFuture<Response> waitFor(String role, String level, long project) {
    return CompletableFuture.supplyAsync(
        () ->
            api()
                .get(
                    "/api/v1/tasks/next?timeout=30&role="
                        + role
                        + "&level="
                        + level
                        + "&project_id="
                        + project));
  }

  /** A JSON object that may hold nulls, in the given order. */
  private static Map<String, Object> body(Object... keysAndValues) {
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      map.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return map;
  }

  private static Map<String, Object> taskBody(
      long feature, String title, String role, String difficulty, Object... extra) {
    Map<String, Object> map =
        body(
            "feature_id",
            feature,
            "title",
            title,
            "description",
            "d",
            "target_role",
            role,
            "difficulty",
            difficulty,
            "branch",
            "feature/x");
    map.putAll(body(extra));
    return map;
  }

  /** "A new task": created, unlocked, made by pm1 in a feature of P1. */
  private long newTask() {
    return createTaskId("pm1", featureP1, "backend_dev", "junior");
  }

  private Response createTaskWith(String creator, Map<String, Object> body) {
    return api().queryParam("agent_id", creator).body(body).post("/api/v1/tasks/create");
  }

  private String branchOf(String title, String branch) {
    return createTaskWith(
            "pm1", taskBody(featureP1, title, "backend_dev", "junior", "branch", branch))
        .then()
        .statusCode(200)
        .extract()
        .jsonPath()
        .getString("branch");
  }

  private Response registration(
      String agentId, long project, String role, String level, String connectionType) {
    Map<String, Object> body =
        body("agent_id", agentId, "project_id", project, "role", role, "level", level);
    if (connectionType != null) {
      body.put("connection_type", connectionType);
    }
    return api().body(body).post("/api/v1/register");
  }

  private JsonPath agents(long project) {
    return api()
        .get("/api/v1/agents?project_id=" + project)
        .then()
        .statusCode(200)
        .extract()
        .jsonPath();
  }

  private long agentRecordId(long project, String agentId) {
    JsonPath records = agents(project);
    List<Object> matching = records.getList("findAll { it.agent_id == '" + agentId + "' }");
    assertEquals(1, matching.size(), agentId + " in project " + project);
    return records.getLong("find { it.agent_id == '" + agentId + "' }.id");
  }

  private Response createProjectWith(Map<String, Object> body) {
    return api().body(body).post("/api/v1/projects");
  }

  private Response patchQ(Map<String, Object> body) {
    return api().body(body).patch("/api/v1/projects/{id}", q);
  }

  private JsonPath projectQ() {
    return api().get("/api/v1/projects/{id}", q).then().statusCode(200).extract().jsonPath();
  }

  private JsonPath next(String role, String level, long project) {
    return api()
        .get(
            "/api/v1/tasks/next?simulate=true&role="
                + role
                + "&level="
                + level
                + "&project_id="
                + project)
        .then()
        .statusCode(200)
        .extract()
        .jsonPath();
  }

  private String nextRaw(String role, String level, long project) {
    return api()
        .get(
            "/api/v1/tasks/next?simulate=true&role="
                + role
                + "&level="
                + level
                + "&project_id="
                + project)
        .then()
        .statusCode(200)
        .extract()
        .asString()
        .trim();
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

  private JsonPath changelog(long task) {
    return api()
        .get("/api/v1/changelog?task_id=" + task)
        .then()
        .statusCode(200)
        .extract()
        .jsonPath();
  }

  private Response details(long task, String agent, Map<String, Object> body) {
    return api().queryParam("agent_id", agent).body(body).put("/api/v1/tasks/{id}/details", task);
  }

  private Response complete(long task, String target, String agent) {
    return api()
        .queryParam("target_status", target)
        .queryParam("agent_id", agent)
        .put("/api/v1/tasks/{id}/complete", task);
  }

  private Response time(long task, String agent, Map<String, Object> body) {
    return api().queryParam("agent_id", agent).body(body).post("/api/v1/tasks/{id}/time", task);
  }

  private JsonPath addTime(long task, Object input) {
    return time(task, DASHBOARD, body("time_input", input))
        .then()
        .statusCode(200)
        .extract()
        .jsonPath();
  }

  private JsonPath timeOf(long task) {
    return api().get("/api/v1/tasks/{id}/time", task).then().statusCode(200).extract().jsonPath();
  }
}
