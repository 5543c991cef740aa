package org.headlesspm.rest;

import static org.headlesspm.rest.Contract.AGENT;
import static org.headlesspm.rest.Contract.AVAILABILITY;
import static org.headlesspm.rest.Contract.CHANGELOG;
import static org.headlesspm.rest.Contract.CHANGES;
import static org.headlesspm.rest.Contract.CHANGE_EVENT;
import static org.headlesspm.rest.Contract.CONTEXT;
import static org.headlesspm.rest.Contract.DOCUMENT;
import static org.headlesspm.rest.Contract.DOC_FILE;
import static org.headlesspm.rest.Contract.DOC_FILE_CONTENT;
import static org.headlesspm.rest.Contract.DOC_FILE_WRITTEN;
import static org.headlesspm.rest.Contract.EPIC;
import static org.headlesspm.rest.Contract.FEATURE;
import static org.headlesspm.rest.Contract.MENTION;
import static org.headlesspm.rest.Contract.MESSAGE;
import static org.headlesspm.rest.Contract.PROJECT;
import static org.headlesspm.rest.Contract.REGISTRATION;
import static org.headlesspm.rest.Contract.SERVICE;
import static org.headlesspm.rest.Contract.STATUS_UPDATE;
import static org.headlesspm.rest.Contract.TASK;
import static org.headlesspm.rest.Contract.error;
import static org.headlesspm.rest.Contract.ids;
import static org.headlesspm.rest.Contract.instant;
import static org.headlesspm.rest.Contract.invalid;
import static org.headlesspm.rest.Contract.ok;
import static org.headlesspm.rest.Contract.okList;
import static org.headlesspm.rest.Contract.shape;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Every endpoint E1–E58 of API.md section 3: its success answer with the full response object of
 * section 2.4 (nulls present, snake_case, timestamps with Z), and each error it lists, in the
 * listed order where two checks can fail at once. Plus the protocol rules of section 1 (405, CORS,
 * public routes, ids never reused). Each test builds its own projects, so the tests do not depend
 * on each other; the default project is left without tasks.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EndpointContractIT extends ApiTest {

  private static final long MISSING = 999_999;

  /** The epic an orphaned feature points at: never created, and not MISSING (kept empty). */
  private static final long ORPHANED_EPIC = 888_888;

  @Deployment(testable = false)
  static WebArchive deployment() {
    return ApiDeployment.freshApi();
  }

  // ---------------------------------------------------------------------------------------------
  // E1–E4 operational routes

  @Test
  @Order(1)
  void e01_e04_operationalRoutes() {
    JsonNode root = ok(anonymous().get("/"), List.of("message", "docs", "health"));
    assertEquals("Headless PM API", root.get("message").asText());
    assertEquals("/api/v1/docs", root.get("docs").asText());
    assertEquals("ok", root.get("health").asText());

    JsonNode health =
        ok(
            anonymous().get("/health"),
            List.of("status", "service", "version", "pid", "database", "timestamp", "depends_on"));
    assertEquals("healthy", health.get("status").asText());
    assertEquals("headless-pm-api", health.get("service").asText());
    assertEquals("2.0.0", health.get("version").asText());
    assertTrue(health.get("pid").isIntegralNumber());
    assertEquals("healthy", health.get("database").asText());
    assertTrue(health.get("depends_on").isArray() && health.get("depends_on").isEmpty());

    JsonNode status =
        ok(anonymous().get("/status"), List.of("service", "version", "metrics", "timestamp"));
    assertEquals("headless-pm-api", status.get("service").asText());
    assertEquals("2.0.0", status.get("version").asText());
    JsonNode metrics =
        shape(
            status.get("metrics"),
            List.of(
                "total_projects",
                "total_agents",
                "active_agents",
                "total_tasks",
                "total_documents",
                "total_services"));
    metrics.forEach(n -> assertTrue(n.isIntegralNumber(), "metrics are ints"));
    assertTrue(metrics.get("total_projects").asLong() >= 1);
    assertTrue(metrics.get("total_agents").asLong() >= 1);

    JsonNode apiHealth =
        ok(
            anonymous().get("/api/v1/health"),
            List.of("status", "service", "version", "database", "timestamp"));
    assertEquals("healthy", apiHealth.get("status").asText());
    assertFalse(apiHealth.has("pid"), "E4 is E2 without pid");
    assertFalse(apiHealth.has("depends_on"), "E4 is E2 without depends_on");
  }

  // ---------------------------------------------------------------------------------------------
  // E5–E9 agents

  @Test
  @Order(5)
  void e05_register() {
    long project = createProject(unique("Reg"));
    String handle = unique("fe");
    JsonNode first =
        ok(
            api()
                .body(
                    Map.of(
                        "agent_id",
                        handle,
                        "project_id",
                        project,
                        "role",
                        "frontend_dev",
                        "level",
                        "junior"))
                .post("/api/v1/register"),
            REGISTRATION);
    JsonNode agent = shape(first.get("agent"), AGENT);
    assertEquals(handle, agent.get("agent_id").asText());
    assertEquals(project, agent.get("project_id").asLong());
    assertTrue(agent.get("project_name").isTextual(), "project_name always filled");
    assertEquals("frontend_dev", agent.get("role").asText());
    assertEquals("junior", agent.get("level").asText());
    assertEquals("client", agent.get("connection_type").asText());
    assertTrue(first.get("next_task").isNull());
    assertTrue(first.get("mentions").isArray() && first.get("mentions").isEmpty());

    Map<String, Object> nullConnection = registration(handle, project, "frontend_dev", "junior");
    nullConnection.put("connection_type", null);
    assertEquals(
        "client",
        ok(api().body(nullConnection).post("/api/v1/register"))
            .get("agent")
            .get("connection_type")
            .asText());

    // next_task and mentions are filled when there is something to report
    World w = world();
    long task = createTaskId(w.pm, w.feature, "backend_dev", "junior");
    String dev = unique("be");
    document(w.project, w.pm, "hello @" + dev);
    JsonNode withWork =
        ok(
            api()
                .body(registration(dev, w.project, "backend_dev", "senior"))
                .post("/api/v1/register"),
            REGISTRATION);
    JsonNode next = shape(withWork.get("next_task"), TASK);
    assertEquals(task, next.get("id").asLong());
    assertTrue(next.get("locked_by").isNull(), "selection does not lock");
    assertEquals(1, withWork.get("mentions").size());
    JsonNode mention = shape(withWork.get("mentions").get(0), MENTION);
    assertEquals(dev, mention.get("mentioned_agent_id").asText());

    // 422 for every malformed field, before the project check
    for (String field : List.of("agent_id", "project_id", "role", "level")) {
      Map<String, Object> body = registration(unique("x"), project, "qa", "junior");
      body.remove(field);
      invalid(api().body(body).post("/api/v1/register"), field);
    }
    Map<String, Object> empty = registration("", project, "qa", "junior");
    invalid(api().body(empty).post("/api/v1/register"), "agent_id");
    invalid(
        api().body(registration(unique("x"), project, "wizard", "junior")).post("/api/v1/register"),
        "role");
    invalid(
        api().body(registration(unique("x"), project, "qa", "expert")).post("/api/v1/register"),
        "level");
    Map<String, Object> badConnection = registration(unique("x"), project, "qa", "junior");
    badConnection.put("connection_type", "ssh");
    invalid(api().body(badConnection).post("/api/v1/register"), "connection_type");
    invalid(
        api().body(registration(unique("x"), MISSING, "wizard", "junior")).post("/api/v1/register"),
        "role");

    error(
        api().body(registration(unique("x"), MISSING, "qa", "junior")).post("/api/v1/register"),
        404);
  }

  @Test
  @Order(6)
  void e06_listAgents() {
    World w = world();
    String dev = agent(w.project, "backend_dev", "senior");
    JsonNode all = okList(api().get("/api/v1/agents"), AGENT);
    assertTrue(all.size() >= 3);
    assertNonIncreasing(all, "last_seen");
    JsonNode ofProject =
        okList(api().queryParam("project_id", w.project).get("/api/v1/agents"), AGENT);
    ofProject.forEach(a -> assertEquals(w.project, a.get("project_id").asLong()));
    assertTrue(handles(ofProject).containsAll(Set.of(w.pm, dev)));
    assertNonIncreasing(ofProject, "last_seen");
    assertEquals(
        0, okList(api().queryParam("project_id", MISSING).get("/api/v1/agents"), AGENT).size());
    invalid(api().queryParam("project_id", "abc").get("/api/v1/agents"), "project_id");
  }

  @Test
  @Order(7)
  void e07_deleteAgent() {
    World w = world();
    long other = createProject(unique("Other"));
    String dev = agent(w.project, "backend_dev", "senior");
    String victim = agent(w.project, "qa", "junior");
    String foreignPm = agent(other, "project_pm", "senior");
    String foreignGpm = agent(other, "global_pm", "senior");

    // 1. unknown requester comes first, even when it also names itself and no record exists
    String ghost = unique("ghost");
    error(deleteAgent(ghost, ghost, w.project), 404, "register");
    // 2. role before the self check
    error(deleteAgent(dev, dev, w.project), 403);
    error(deleteAgent(victim, foreignPm, w.project), 403);
    // 3. self before the missing record: a global PM known only elsewhere deleting itself here
    error(deleteAgent(foreignGpm, foreignGpm, w.project), 400);
    error(deleteAgent(w.pm, w.pm, w.project), 400);
    // 4. no such record
    error(deleteAgent(unique("nobody"), w.pm, w.project), 404, "Agent not found");
    error(deleteAgent(foreignPm, w.pm, w.project), 404, "Agent not found");
    // 422: both query parameters are required
    invalid(
        api().queryParam("project_id", w.project).delete("/api/v1/agents/{a}", victim),
        "requester_agent_id");
    invalid(
        api().queryParam("requester_agent_id", w.pm).delete("/api/v1/agents/{a}", victim),
        "project_id");
    invalid(
        api()
            .queryParam("requester_agent_id", w.pm)
            .queryParam("project_id", "abc")
            .delete("/api/v1/agents/{a}", victim),
        "project_id");

    JsonNode deleted = ok(deleteAgent(victim, w.pm, w.project), MESSAGE);
    assertEquals("Agent " + victim + " deleted successfully", deleted.get("message").asText());
    error(
        api().queryParam("project_id", w.project).get("/api/v1/agents/{a}/availability", victim),
        404);

    // a global PM of another project may delete; other records of the handle stay
    String twin = agent(w.project, "qa", "junior");
    register(twin, other, "qa", "junior");
    ok(deleteAgent(twin, foreignGpm, w.project), MESSAGE);
    error(
        api().queryParam("project_id", w.project).get("/api/v1/agents/{a}/availability", twin),
        404);
    ok(
        api().queryParam("project_id", other).get("/api/v1/agents/{a}/availability", twin),
        AVAILABILITY);
  }

  @Test
  @Order(8)
  void e08_e09_availability() {
    World w = world();
    String dev = agent(w.project, "backend_dev", "senior");
    String qa = agent(w.project, "qa", "junior");
    JsonNode list =
        okList(
            api().queryParam("project_id", w.project).get("/api/v1/agents/availability"),
            AVAILABILITY);
    List<String> order = new ArrayList<>();
    list.forEach(a -> order.add(a.get("agent_id").asText()));
    assertEquals(order.stream().sorted().toList(), order, "ordered by agent_id");
    assertTrue(order.containsAll(List.of(w.pm, dev, qa)));
    list.forEach(a -> assertEquals(w.project, a.get("project_id").asLong()));

    JsonNode qas =
        okList(
            api()
                .queryParam("project_id", w.project)
                .queryParam("role", "QA")
                .get("/api/v1/agents/availability"),
            AVAILABILITY);
    assertEquals(Set.of(qa), handles(qas));
    JsonNode pms =
        okList(
            api()
                .queryParam("project_id", w.project)
                .queryParam("role", "pm")
                .get("/api/v1/agents/availability"),
            AVAILABILITY);
    assertTrue(handles(pms).contains(w.pm));
    assertEquals(
        0,
        okList(
                api().queryParam("project_id", MISSING).get("/api/v1/agents/availability"),
                AVAILABILITY)
            .size());
    invalid(api().get("/api/v1/agents/availability"), "project_id");
    invalid(
        api()
            .queryParam("project_id", w.project)
            .queryParam("role", "wizard")
            .get("/api/v1/agents/availability"),
        "role");

    JsonNode idle =
        ok(
            api().queryParam("project_id", w.project).get("/api/v1/agents/{a}/availability", dev),
            AVAILABILITY);
    assertTrue(idle.get("is_available").asBoolean());
    assertEquals("idle", idle.get("status").asText());
    assertTrue(idle.get("current_task_id").isNull());
    assertTrue(idle.get("current_task_title").isNull());
    long taskId = createTaskId(w.pm, w.feature, "backend_dev", "junior");
    ok(lock(taskId, dev));
    JsonNode working =
        ok(
            api().queryParam("project_id", w.project).get("/api/v1/agents/{a}/availability", dev),
            AVAILABILITY);
    assertFalse(working.get("is_available").asBoolean());
    assertEquals("working", working.get("status").asText());
    assertEquals(taskId, working.get("current_task_id").asLong());
    assertTrue(working.get("current_task_title").isTextual());

    error(
        api()
            .queryParam("project_id", w.project)
            .get("/api/v1/agents/{a}/availability", unique("nobody")),
        404);
    long other = createProject(unique("Other"));
    error(api().queryParam("project_id", other).get("/api/v1/agents/{a}/availability", dev), 404);
    invalid(api().get("/api/v1/agents/{a}/availability", dev), "project_id");
  }

  // ---------------------------------------------------------------------------------------------
  // E10–E14 projects

  @Test
  @Order(10)
  void e10_e14_projects() throws InterruptedException {
    String name = unique("Proj Contract");
    String dir = name.replace(" ", "").replace('_', '-').toLowerCase();
    JsonNode created =
        ok(
            api()
                .body(
                    Map.of(
                        "name", name,
                        "description", "described",
                        "shared_path", "/etc/ignored",
                        "code_guidelines_path", "./GUIDE.md"))
                .post("/api/v1/projects"),
            PROJECT);
    long id = created.get("id").asLong();
    assertEquals(name, created.get("name").asText());
    assertEquals("described", created.get("description").asText());
    assertEquals("./projects/" + dir + "/shared", created.get("shared_path").asText());
    assertEquals("./projects/" + dir + "/instructions", created.get("instructions_path").asText());
    assertEquals("./projects/" + dir + "/docs", created.get("project_docs_path").asText());
    assertEquals("./GUIDE.md", created.get("code_guidelines_path").asText());
    assertTrue(created.get("agent_count").isIntegralNumber());
    assertEquals(0, created.get("epic_count").asLong());
    assertEquals(0, created.get("task_count").asLong());
    for (String sub : List.of("docs", "shared", "instructions")) {
      assertTrue(
          Files.isDirectory(ApiDeployment.home().resolve("projects").resolve(dir).resolve(sub)));
    }
    JsonNode noGuide =
        ok(
            api().body(Map.of("name", unique("Plain"), "description", "")).post("/api/v1/projects"),
            PROJECT);
    assertTrue(noGuide.get("code_guidelines_path").isNull());

    // E10 errors: unusable name, same name, same directory, then 422s
    error(api().body(Map.of("name", "!!!", "description", "d")).post("/api/v1/projects"), 400);
    error(api().body(Map.of("name", "   ", "description", "d")).post("/api/v1/projects"), 400);
    error(
        api().body(Map.of("name", name, "description", "d")).post("/api/v1/projects"),
        400,
        "already exists");
    error(
        api().body(Map.of("name", name.toUpperCase(), "description", "d")).post("/api/v1/projects"),
        400,
        "directory");
    invalid(api().body(Map.of("description", "d")).post("/api/v1/projects"), "name");
    invalid(api().body(Map.of("name", unique("P"))).post("/api/v1/projects"), "description");
    invalid(api().body(Map.of("name", 5, "description", "d")).post("/api/v1/projects"), "name");

    // E11
    JsonNode list = okList(api().get("/api/v1/projects"), PROJECT);
    List<Long> listed = ids(list);
    assertEquals(listed.stream().sorted().toList(), listed, "ordered by id");
    assertTrue(listed.contains(id));

    // E12
    JsonNode one = ok(api().get("/api/v1/projects/{id}", id), PROJECT);
    assertEquals(name, one.get("name").asText());
    error(api().get("/api/v1/projects/{id}", MISSING), 404);
    invalid(api().get("/api/v1/projects/abc"), "project_id");

    // E13: present non-null fields replace, name ignored, counts real, updated_at advances
    String pm = unique("pm");
    register(pm, id, "project_pm", "senior");
    createEpic(pm, id);
    Thread.sleep(5);
    Map<String, Object> patch = new HashMap<>();
    patch.put("description", "patched");
    patch.put("shared_path", "./custom/shared");
    patch.put("name", "Renamed");
    patch.put("code_guidelines_path", null);
    JsonNode patched = ok(api().body(patch).patch("/api/v1/projects/{id}", id), PROJECT);
    assertEquals(name, patched.get("name").asText());
    assertEquals("patched", patched.get("description").asText());
    assertEquals("./custom/shared", patched.get("shared_path").asText());
    assertEquals(
        "./GUIDE.md", patched.get("code_guidelines_path").asText(), "null does not replace");
    assertEquals(1, patched.get("epic_count").asLong());
    assertTrue(patched.get("agent_count").asLong() >= 1);
    assertTrue(instant(patched, "updated_at").isAfter(instant(created, "updated_at")));
    assertEquals(created.get("created_at"), patched.get("created_at"));
    error(api().body(Map.of("description", "x")).patch("/api/v1/projects/{id}", MISSING), 404);
    invalid(api().body(Map.of("description", 5)).patch("/api/v1/projects/{id}", id), "description");

    // E14: 404, then the entity check; force deletes everything
    error(api().delete("/api/v1/projects/{id}", MISSING), 404);
    error(api().queryParam("force", "true").delete("/api/v1/projects/{id}", MISSING), 404);
    invalid(api().queryParam("force", "maybe").delete("/api/v1/projects/{id}", id), "force");
    long feature = createFeature(pm, createEpic(pm, id));
    long task = createTaskId(pm, feature, "backend_dev", "junior");
    document(id, pm, "doc");
    service(id, pm, unique("svc"));
    error(api().delete("/api/v1/projects/{id}", id), 400, "force=true");
    error(api().queryParam("force", "no").delete("/api/v1/projects/{id}", id), 400);
    JsonNode gone =
        ok(
            api().queryParam("force", "true").delete("/api/v1/projects/{id}", id),
            List.of("message", "deleted_entities"));
    assertEquals("Project '" + name + "' deleted successfully", gone.get("message").asText());
    JsonNode counts =
        shape(
            gone.get("deleted_entities"),
            List.of("agents", "epics", "tasks", "documents", "services"));
    assertTrue(counts.get("agents").asLong() >= 1);
    assertEquals(2, counts.get("epics").asLong());
    assertEquals(1, counts.get("tasks").asLong());
    assertEquals(1, counts.get("documents").asLong());
    assertEquals(1, counts.get("services").asLong());
    error(api().get("/api/v1/projects/{id}", id), 404);
    error(api().get("/api/v1/tasks/{id}", task), 404);
    assertEquals(0, okList(api().queryParam("project_id", id).get("/api/v1/agents"), AGENT).size());
    assertTrue(
        Files.isDirectory(ApiDeployment.home().resolve("projects").resolve(dir).resolve("docs")),
        "files are kept");

    long empty = createProject(unique("Empty"));
    JsonNode emptyGone =
        ok(api().delete("/api/v1/projects/{id}", empty), List.of("message", "deleted_entities"));
    assertEquals(0, emptyGone.get("deleted_entities").get("tasks").asLong());
  }

  // ---------------------------------------------------------------------------------------------
  // E15–E17 project files

  @Test
  @Order(15)
  void e15_e17_projectFiles() throws IOException {
    JsonNode project =
        ok(
            api().body(Map.of("name", unique("Files"), "description", "")).post("/api/v1/projects"),
            PROJECT);
    long id = project.get("id").asLong();
    Path docs =
        ApiDeployment.home().resolve(project.get("project_docs_path").asText().substring(2));

    // E15: empty, then missing directory, then files in path order
    assertEquals(
        0, ok(api().get("/api/v1/projects/{id}/docs", id), List.of("files")).get("files").size());
    deleteTree(docs);
    assertEquals(
        0, ok(api().get("/api/v1/projects/{id}/docs", id), List.of("files")).get("files").size());
    error(api().get("/api/v1/projects/{id}/docs", MISSING), 404);
    invalid(api().get("/api/v1/projects/abc/docs"), "project_id");

    // E17
    JsonNode written =
        ok(
            api().body(Map.of("content", "# b")).post("/api/v1/projects/{id}/docs/B File!.MD", id),
            DOC_FILE_WRITTEN);
    assertEquals("bfile.md", written.get("path").asText());
    assertEquals("B File!.MD", written.get("original_path").asText());
    assertEquals("bfile.md", written.get("sanitized_path").asText());
    assertEquals(3, written.get("size").asLong());
    assertTrue(written.get("created").asBoolean());
    assertTrue(written.get("message").isTextual());
    assertEquals(
        "a/archivetar.gz",
        ok(api()
                .body(Map.of("content", "x"))
                .post("/api/v1/projects/{id}/docs/a/archive.tar.gz", id))
            .get("path")
            .asText());
    assertEquals(
        "noext",
        ok(api().body(Map.of("content", "x")).post("/api/v1/projects/{id}/docs/noext", id))
            .get("path")
            .asText());
    JsonNode again =
        ok(
            api().body(Map.of("content", "é")).post("/api/v1/projects/{id}/docs/noext", id),
            DOC_FILE_WRITTEN);
    assertTrue(again.get("created").asBoolean(), "created is true on overwrite too");
    assertEquals(2, again.get("size").asLong(), "size is in UTF-8 bytes");

    JsonNode files = ok(api().get("/api/v1/projects/{id}/docs", id), List.of("files")).get("files");
    List<String> paths = new ArrayList<>();
    files.forEach(
        f -> {
          shape(f, DOC_FILE);
          assertFalse(f.get("is_directory").asBoolean());
          assertTrue(f.get("modified").isNumber());
          assertTrue(f.get("size").isIntegralNumber());
          paths.add(f.get("path").asText());
        });
    assertEquals(List.of("a/archivetar.gz", "bfile.md", "noext"), paths);
    assertEquals("archivetar.gz", files.get(0).get("name").asText());

    // E17 errors: 404 project first, then the path, then the content
    error(
        api().body(Map.of("content", "x")).post("/api/v1/projects/{id}/docs/!!!/x.md", MISSING),
        404);
    error(api().body(Map.of("content", "x")).post("/api/v1/projects/{id}/docs/!!!/x.md", id), 400);
    error(
        rawPath(api().body(Map.of("content", "x")))
            .post("/api/v1/projects/" + id + "/docs/%2E/%2E%2E"),
        400);
    error(
        api().body(Map.of("content", "a\u0000b")).post("/api/v1/projects/{id}/docs/nul.md", id),
        400);
    invalid(api().body(Map.of()).post("/api/v1/projects/{id}/docs/x.md", id), "content");
    invalid(
        api().body(Map.of("content", 5)).post("/api/v1/projects/{id}/docs/x.md", id), "content");
    assertFalse(Files.exists(docs.resolve("nul.md")));

    // E16: JSON for UTF-8, bytes for anything else
    JsonNode read = ok(api().get("/api/v1/projects/{id}/docs/bfile.md", id), DOC_FILE_CONTENT);
    assertEquals("bfile.md", read.get("path").asText());
    assertEquals("# b", read.get("content").asText());
    assertEquals(3, read.get("size").asLong());
    assertTrue(read.get("modified").isNumber());
    assertEquals(
        "x",
        ok(api().get("/api/v1/projects/{id}/docs/a/archivetar.gz", id)).get("content").asText());
    byte[] binary = {(byte) 0xff, (byte) 0xfe, 0, 1, 2};
    Files.write(docs.resolve("blob.bin"), binary);
    Response download = api().get("/api/v1/projects/{id}/docs/blob.bin", id);
    assertEquals(200, download.statusCode());
    assertTrue(download.contentType().startsWith("application/octet-stream"));
    assertEquals("attachment; filename=\"blob.bin\"", download.header("Content-Disposition"));
    assertArrayEquals(binary, download.asByteArray());

    // E16 errors in order: project, path, existence, directory
    error(rawPath(api()).get("/api/v1/projects/" + MISSING + "/docs/%2E%2E%2Fx.md"), 404);
    error(rawPath(api()).get("/api/v1/projects/" + id + "/docs/%2E%2E%2Fx.md"), 400);
    error(rawPath(api()).get("/api/v1/projects/" + id + "/docs/a..b.md"), 400);
    Contract.refusedPath(rawPath(api()).get("/api/v1/projects/" + id + "/docs/a%5Cb.md"));
    Contract.refusedPath(rawPath(api()).get("/api/v1/projects/" + id + "/docs/a%00b.md"));
    error(rawPath(api()).get("/api/v1/projects/" + id + "/docs/a%01b.md"), 400);
    error(api().get("/api/v1/projects/{id}/docs/missing.md", id), 404);
    error(api().get("/api/v1/projects/{id}/docs/a", id), 400, "directory");
    invalid(api().get("/api/v1/projects/abc/docs/x.md"), "project_id");
  }

  // ---------------------------------------------------------------------------------------------
  // E18 context (E51, E58 in the public group)

  @Test
  @Order(18)
  void e18_context() {
    JsonNode project =
        ok(
            api().body(Map.of("name", unique("Ctx"), "description", "")).post("/api/v1/projects"),
            PROJECT);
    long id = project.get("id").asLong();
    JsonNode context = ok(api().get("/api/v1/context/{id}", id), CONTEXT);
    assertEquals(id, context.get("project_id").asLong());
    assertEquals(project.get("name").asText(), context.get("project_name").asText());
    assertEquals(project.get("shared_path").asText(), context.get("shared_path").asText());
    assertEquals(
        project.get("instructions_path").asText(), context.get("instructions_path").asText());
    assertEquals(
        project.get("project_docs_path").asText(), context.get("project_docs_path").asText());
    assertTrue(context.get("code_guidelines_path").isNull());
    assertEquals("sqlite", context.get("database_type").asText());
    error(api().get("/api/v1/context/{id}", MISSING), 404);
    invalid(api().get("/api/v1/context/abc"), "project_id");
  }

  // ---------------------------------------------------------------------------------------------
  // E19–E22 epics

  @Test
  @Order(19)
  void e19_e22_epics() {
    World w = world();
    World o = world();
    String dev = agent(w.project, "backend_dev", "senior");
    String architect = agent(w.project, "architect", "senior");
    String gpm = agent(o.project, "global_pm", "principal");
    String ghost = unique("ghost");

    // E19 checks 1–4 in order
    error(epic(ghost, MISSING), 404, "Agent not found");
    error(epic(dev, MISSING), 403);
    error(epic(dev, null), 403);
    error(epic(w.pm, MISSING), 404, "Project with id");
    error(epic(w.pm, o.project), 403);
    error(epic(architect, o.project), 403);
    invalid(api().body(Map.of("name", "n", "description", "d")).post("/api/v1/epics"), "agent_id");
    invalid(
        api().queryParam("agent_id", w.pm).body(Map.of("description", "d")).post("/api/v1/epics"),
        "name");
    invalid(
        api().queryParam("agent_id", w.pm).body(Map.of("name", "n")).post("/api/v1/epics"),
        "description");
    invalid(
        api()
            .queryParam("agent_id", w.pm)
            .queryParam("project_id", "abc")
            .body(Map.of("name", "n", "description", "d"))
            .post("/api/v1/epics"),
        "project_id");

    JsonNode epic = ok(epic(w.pm, null), EPIC);
    assertEquals(w.project, epic.get("project_id").asLong());
    assertEquals("d", epic.get("description").asText());
    for (String count : List.of("task_count", "completed_task_count", "in_progress_task_count")) {
      assertEquals(0, epic.get(count).asLong());
    }
    assertEquals(w.project, ok(epic(architect, w.project), EPIC).get("project_id").asLong());
    assertEquals(w.project, ok(epic(gpm, w.project), EPIC).get("project_id").asLong());
    assertEquals(o.project, ok(epic(gpm, null), EPIC).get("project_id").asLong());

    // counts: created, under_work, committed
    long a = createTaskId(w.pm, w.feature, "backend_dev", "junior");
    long b = createTaskId(w.pm, w.feature, "backend_dev", "junior");
    createTaskId(w.pm, w.feature, "backend_dev", "junior");
    ok(lock(a, dev));
    ok(status(b, w.pm, "committed"));

    // E20
    JsonNode all = okList(api().get("/api/v1/epics"), EPIC);
    List<Long> allIds = ids(all);
    assertEquals(allIds.stream().sorted().toList(), allIds, "ordered by id");
    assertTrue(allIds.containsAll(List.of(w.epic, o.epic)));
    JsonNode mine = okList(api().queryParam("project_id", w.project).get("/api/v1/epics"), EPIC);
    mine.forEach(e -> assertEquals(w.project, e.get("project_id").asLong()));
    JsonNode counted = find(mine, w.epic);
    assertEquals(3, counted.get("task_count").asLong());
    assertEquals(1, counted.get("completed_task_count").asLong());
    assertEquals(1, counted.get("in_progress_task_count").asLong());
    invalid(api().queryParam("project_id", "abc").get("/api/v1/epics"), "project_id");

    // E21
    JsonNode single = ok(api().get("/api/v1/epics/{id}", w.epic), EPIC);
    assertEquals(3, single.get("task_count").asLong());
    assertEquals(1, single.get("completed_task_count").asLong());
    assertEquals(1, single.get("in_progress_task_count").asLong());
    error(api().get("/api/v1/epics/{id}", MISSING), 404);
    invalid(api().get("/api/v1/epics/abc"), "epic_id");

    // E22 checks 1–4 in order
    error(deleteEpic(MISSING, ghost), 404, "Agent not found");
    error(deleteEpic(MISSING, dev), 403);
    error(deleteEpic(w.epic, architect), 403);
    error(deleteEpic(MISSING, w.pm), 404, "Epic not found");
    error(deleteEpic(w.epic, o.pm), 403);
    invalid(api().delete("/api/v1/epics/{id}", w.epic), "agent_id");
    invalid(api().queryParam("agent_id", w.pm).delete("/api/v1/epics/abc"), "epic_id");

    JsonNode deleted = ok(deleteEpic(w.epic, gpm), MESSAGE);
    assertEquals("Epic " + w.epic + " deleted successfully", deleted.get("message").asText());
    error(api().get("/api/v1/epics/{id}", w.epic), 404);
    assertEquals(0, okList(api().get("/api/v1/features/{id}", w.epic), FEATURE).size());
    error(api().get("/api/v1/tasks/{id}", a), 404);
    JsonNode holder =
        ok(
            api().queryParam("project_id", w.project).get("/api/v1/agents/{a}/availability", dev),
            AVAILABILITY);
    assertEquals("idle", holder.get("status").asText());
    assertTrue(holder.get("current_task_id").isNull());
    assertEquals(
        0, okList(api().queryParam("task_id", a).get("/api/v1/changelog"), CHANGELOG).size());
    ok(deleteEpic(ok(epic(w.pm, null)).get("id").asLong(), w.pm), MESSAGE);
  }

  // ---------------------------------------------------------------------------------------------
  // E23–E25 features

  @Test
  @Order(23)
  void e23_e25_features() {
    World w = world();
    World o = world();
    String dev = agent(w.project, "backend_dev", "senior");
    String architect = agent(w.project, "architect", "senior");
    String foreignArchitect = agent(o.project, "architect", "senior");
    String gpm = agent(o.project, "global_pm", "principal");
    String ghost = unique("ghost");

    // E23 checks 1–4
    error(feature(ghost, MISSING), 404, "Agent not found");
    error(feature(dev, MISSING), 403);
    error(feature(w.pm, MISSING), 404, "Epic not found");
    error(feature(o.pm, w.epic), 403);
    error(feature(foreignArchitect, w.epic), 403);
    invalid(
        api()
            .body(Map.of("epic_id", w.epic, "name", "n", "description", "d"))
            .post("/api/v1/features"),
        "agent_id");
    invalid(
        api()
            .queryParam("agent_id", w.pm)
            .body(Map.of("name", "n", "description", "d"))
            .post("/api/v1/features"),
        "epic_id");
    invalid(
        api()
            .queryParam("agent_id", w.pm)
            .body(Map.of("epic_id", "abc", "name", "n", "description", "d"))
            .post("/api/v1/features"),
        "epic_id");
    invalid(
        api()
            .queryParam("agent_id", w.pm)
            .body(Map.of("epic_id", w.epic, "description", "d"))
            .post("/api/v1/features"),
        "name");
    invalid(
        api()
            .queryParam("agent_id", w.pm)
            .body(Map.of("epic_id", w.epic, "name", "n"))
            .post("/api/v1/features"),
        "description");

    JsonNode feature = ok(feature(architect, w.epic), FEATURE);
    assertEquals(w.epic, feature.get("epic_id").asLong());
    assertEquals("fd", feature.get("description").asText());
    long byGpm = ok(feature(gpm, w.epic), FEATURE).get("id").asLong();
    JsonNode numericString =
        ok(
            api()
                .queryParam("agent_id", w.pm)
                .body(Map.of("epic_id", String.valueOf(w.epic), "name", "n", "description", "d"))
                .post("/api/v1/features"),
            FEATURE);
    assertEquals(w.epic, numericString.get("epic_id").asLong(), "numeric strings are accepted");

    // E24
    JsonNode list = okList(api().get("/api/v1/features/{id}", w.epic), FEATURE);
    List<Long> listed = ids(list);
    assertEquals(
        List.of(w.feature, feature.get("id").asLong(), byGpm, numericString.get("id").asLong()),
        listed);
    assertEquals(0, okList(api().get("/api/v1/features/{id}", MISSING), FEATURE).size());
    invalid(api().get("/api/v1/features/abc"), "epic_id");

    // E25 checks 1–4
    long task = createTaskId(w.pm, w.feature, "backend_dev", "junior");
    error(deleteFeature(MISSING, ghost), 404, "Agent not found");
    error(deleteFeature(MISSING, dev), 403);
    error(deleteFeature(w.feature, architect), 403);
    error(deleteFeature(MISSING, w.pm), 404, "Feature not found");
    error(deleteFeature(w.feature, o.pm), 403);
    invalid(api().delete("/api/v1/features/{id}", w.feature), "agent_id");
    invalid(api().queryParam("agent_id", w.pm).delete("/api/v1/features/abc"), "feature_id");
    JsonNode deleted = ok(deleteFeature(w.feature, gpm), MESSAGE);
    assertEquals("Feature " + w.feature + " deleted successfully", deleted.get("message").asText());
    assertFalse(
        ids(okList(api().get("/api/v1/features/{id}", w.epic), FEATURE)).contains(w.feature));
    error(api().get("/api/v1/tasks/{id}", task), 404);
    ok(deleteFeature(byGpm, w.pm), MESSAGE);
  }

  // ---------------------------------------------------------------------------------------------
  // E26–E29 tasks: create, next, list, read

  @Test
  @Order(26)
  void e26_createTask() {
    World w = world();
    World o = world();
    String dev = agent(w.project, "backend_dev", "senior");
    String foreignDev = agent(o.project, "backend_dev", "senior");
    String gpm = agent(o.project, "global_pm", "principal");
    String ghost = unique("ghost");

    // checks 1, 2, 4, 5 in order (3 needs inconsistent data)
    error(newTask(ghost, taskBody(MISSING)), 404, "Creator agent not found");
    error(newTask(ghost, taskBody(w.feature)), 404, "Creator agent not found");
    error(newTask(w.pm, taskBody(MISSING)), 404, "Feature not found");
    long orphan = orphanFeature();
    error(newTask(w.pm, taskBody(orphan)), 404, "Epic not found");
    error(newTask(o.pm, taskBody(w.feature)), 403);
    error(newTask(foreignDev, taskBody(w.feature)), 403);

    for (String field :
        List.of("feature_id", "title", "description", "target_role", "difficulty", "branch")) {
      Map<String, Object> body = taskBody(w.feature);
      body.remove(field);
      invalid(newTask(w.pm, body), field);
    }
    Map<String, Object> wizard = taskBody(w.feature);
    wizard.put("target_role", "wizard");
    invalid(newTask(w.pm, wizard), "target_role");
    Map<String, Object> hard = taskBody(w.feature);
    hard.put("complexity", "huge");
    invalid(newTask(w.pm, hard), "complexity");
    invalid(api().body(taskBody(w.feature)).post("/api/v1/tasks/create"), "agent_id");
    invalid(newTask(ghost, taskBody("abc")), "feature_id");

    Map<String, Object> body = taskBody(w.feature);
    body.put("target_role", "pm");
    body.put("difficulty", "Principal");
    body.put("complexity", "MINOR");
    JsonNode task = ok(newTask(dev, body), TASK);
    assertEquals(w.feature, task.get("feature_id").asLong());
    assertEquals(w.epic, task.get("epic_id").asLong());
    assertEquals(w.project, task.get("project_id").asLong());
    assertEquals(body.get("title"), task.get("title").asText());
    assertEquals("do it", task.get("description").asText());
    assertEquals(dev, task.get("created_by").asText(), "any role may create");
    assertEquals("project_pm", task.get("target_role").asText());
    assertEquals("principal", task.get("difficulty").asText());
    assertEquals("minor", task.get("complexity").asText());
    assertEquals("feature/x", task.get("branch").asText());
    assertEquals("created", task.get("status").asText());
    assertTrue(task.get("locked_by").isNull());
    assertTrue(task.get("locked_at").isNull());
    assertTrue(task.get("notes").isNull());
    assertEquals("regular", task.get("task_type").asText());
    assertTrue(task.get("poll_interval").isNull());
    assertEquals("major", ok(newTask(w.pm, taskBody(w.feature)), TASK).get("complexity").asText());
    assertEquals(w.project, ok(newTask(gpm, taskBody(w.feature)), TASK).get("project_id").asLong());

    JsonNode row =
        okList(
                api().queryParam("task_id", task.get("id").asLong()).get("/api/v1/changelog"),
                CHANGELOG)
            .get(0);
    assertEquals("created", row.get("old_status").asText());
    assertEquals("created", row.get("new_status").asText());
    assertEquals(dev, row.get("changed_by").asText());
    assertEquals("Task created", row.get("notes").asText());
  }

  @Test
  @Order(27)
  void e27_nextTask() {
    World w = world();
    String dev = agent(w.project, "backend_dev", "senior");

    error(api().queryParam("level", "senior").get("/api/v1/tasks/next"), 400, "role");
    error(api().queryParam("role", "backend_dev").get("/api/v1/tasks/next"), 400, "level");
    error(api().get("/api/v1/tasks/next"), 400, "role");
    invalid(
        api().queryParam("role", "wizard").queryParam("level", "senior").get("/api/v1/tasks/next"),
        "role");
    invalid(
        api().queryParam("role", "qa").queryParam("level", "wizard").get("/api/v1/tasks/next"),
        "level");
    invalid(api().queryParam("level", "wizard").get("/api/v1/tasks/next"), "level");
    invalid(
        next("qa", "senior").queryParam("simulate", "maybe").get("/api/v1/tasks/next"), "simulate");
    invalid(
        next("qa", "senior").queryParam("timeout", "soon").get("/api/v1/tasks/next"), "timeout");
    invalid(
        next("qa", "senior")
            .queryParam("project_id", "abc")
            .queryParam("simulate", "true")
            .get("/api/v1/tasks/next"),
        "project_id");

    Response none =
        next("backend_dev", "senior")
            .queryParam("simulate", "true")
            .queryParam("project_id", w.project)
            .get("/api/v1/tasks/next");
    assertEquals(200, none.statusCode());
    Contract.assertJsonType(none);
    assertEquals("null", none.asString().trim());
    long started = System.nanoTime();
    Response zero =
        next("backend_dev", "senior")
            .queryParam("timeout", 0)
            .queryParam("project_id", w.project)
            .get("/api/v1/tasks/next");
    assertEquals("null", zero.asString().trim());
    assertTrue((System.nanoTime() - started) / 1_000_000 < 4000, "timeout=0 answers at once");

    long task = createTaskId(w.pm, w.feature, "backend_dev", "junior");
    JsonNode found =
        ok(
            next("BACKEND_DEV", "Senior")
                .queryParam("simulate", "1")
                .queryParam("project_id", w.project)
                .get("/api/v1/tasks/next"),
            TASK);
    assertEquals(task, found.get("id").asLong());
    assertTrue(found.get("locked_by").isNull(), "next does not lock");
    assertEquals(
        task,
        ok(
                next("backend_dev", "senior")
                    .queryParam("simulate", "true")
                    .queryParam("agent_id", dev)
                    .get("/api/v1/tasks/next"),
                TASK)
            .get("id")
            .asLong());
    assertEquals(
        task,
        ok(
                next("backend_dev", "senior")
                    .queryParam("agent_id", dev)
                    .queryParam("timeout", "0")
                    .get("/api/v1/tasks/next"),
                TASK)
            .get("id")
            .asLong());
    // an unknown agent_id is ignored: the default project has no tasks of this test
    assertEquals(
        "null",
        next("backend_dev", "senior")
            .queryParam("simulate", "true")
            .queryParam("agent_id", unique("nobody"))
            .get("/api/v1/tasks/next")
            .asString()
            .trim());
    assertEquals(
        "null",
        next("backend_dev", "junior")
            .queryParam("simulate", "true")
            .queryParam("project_id", MISSING)
            .get("/api/v1/tasks/next")
            .asString()
            .trim());
  }

  @Test
  @Order(28)
  void e28_e29_listAndReadTasks() throws InterruptedException {
    World w = world();
    String dev = agent(w.project, "backend_dev", "senior");
    long a = createTaskId(w.pm, w.feature, "backend_dev", "junior");
    Thread.sleep(2);
    long b = createTaskId(w.pm, w.feature, "qa", "senior");
    Thread.sleep(2);
    long c = createTaskId(w.pm, w.feature, "project_pm", "principal");
    ok(status(c, w.pm, "approved"));
    ok(lock(a, dev));

    JsonNode all = okList(api().get("/api/v1/tasks"), TASK);
    assertNonIncreasing(all, "created_at");
    JsonNode ofProject =
        okList(api().queryParam("project_id", w.project).get("/api/v1/tasks"), TASK);
    assertEquals(List.of(c, b, a), ids(ofProject), "created_at descending");
    assertEquals(
        List.of(c),
        ids(
            okList(
                api()
                    .queryParam("project_id", w.project)
                    .queryParam("status", "committed")
                    .get("/api/v1/tasks"),
                TASK)));
    assertEquals(
        List.of(c),
        ids(
            okList(
                api()
                    .queryParam("project_id", w.project)
                    .queryParam("status", "Approved")
                    .get("/api/v1/tasks"),
                TASK)));
    assertEquals(
        List.of(a),
        ids(
            okList(
                api()
                    .queryParam("project_id", w.project)
                    .queryParam("status", "under_work")
                    .get("/api/v1/tasks"),
                TASK)));
    assertEquals(
        List.of(b),
        ids(
            okList(
                api()
                    .queryParam("project_id", w.project)
                    .queryParam("role", "QA")
                    .get("/api/v1/tasks"),
                TASK)));
    assertEquals(
        List.of(c),
        ids(
            okList(
                api()
                    .queryParam("project_id", w.project)
                    .queryParam("role", "pm")
                    .get("/api/v1/tasks"),
                TASK)));
    assertEquals(
        List.of(c, b),
        ids(
            okList(
                api()
                    .queryParam("project_id", w.project)
                    .queryParam("limit", 2)
                    .get("/api/v1/tasks"),
                TASK)));
    assertEquals(
        0, okList(api().queryParam("project_id", MISSING).get("/api/v1/tasks"), TASK).size());
    invalid(api().queryParam("status", "wizard").get("/api/v1/tasks"), "status");
    invalid(api().queryParam("role", "wizard").get("/api/v1/tasks"), "role");
    invalid(api().queryParam("project_id", "abc").get("/api/v1/tasks"), "project_id");
    invalid(api().queryParam("limit", 0).get("/api/v1/tasks"), "limit");
    invalid(api().queryParam("limit", "many").get("/api/v1/tasks"), "limit");

    JsonNode locked = ok(api().get("/api/v1/tasks/{id}", a), TASK);
    assertEquals(dev, locked.get("locked_by").asText());
    assertTrue(locked.get("locked_at").isTextual());
    assertEquals("under_work", locked.get("status").asText());
    error(api().get("/api/v1/tasks/{id}", MISSING), 404);
    invalid(api().get("/api/v1/tasks/abc"), "task_id");
    invalid(api().get("/api/v1/tasks/1.5"), "task_id");
  }

  // ---------------------------------------------------------------------------------------------
  // E30–E34 lock, status, assign, comment, delete

  @Test
  @Order(30)
  void e30_lock() {
    World w = world();
    World o = world();
    String dev = agent(w.project, "backend_dev", "senior");
    String outsider = agent(o.project, "backend_dev", "senior");
    String ghost = unique("ghost");
    long a = createTaskId(w.pm, w.feature, "backend_dev", "junior");
    long b = createTaskId(w.pm, w.feature, "backend_dev", "junior");
    long committed = createTaskId(w.pm, w.feature, "backend_dev", "junior");
    long pending = createTaskId(w.pm, w.feature, "backend_dev", "junior");
    ok(status(committed, w.pm, "committed"));
    ok(status(pending, w.pm, "pending"));

    // 1. task first
    error(lock(MISSING, ghost), 404, "Task with ID");
    invalid(api().post("/api/v1/tasks/{id}/lock", a), "agent_id");
    invalid(api().queryParam("agent_id", dev).post("/api/v1/tasks/abc/lock"), "task_id");

    JsonNode locked = ok(lock(a, dev), TASK);
    assertEquals("under_work", locked.get("status").asText());
    assertEquals(dev, locked.get("locked_by").asText());
    assertTrue(locked.get("locked_at").isTextual());
    assertFalse(instant(locked, "updated_at").isBefore(instant(locked, "locked_at")));
    JsonNode row =
        okList(
                api().queryParam("task_id", a).queryParam("limit", 1).get("/api/v1/changelog"),
                CHANGELOG)
            .get(0);
    assertEquals("created", row.get("old_status").asText());
    assertEquals("under_work", row.get("new_status").asText());
    assertEquals(dev, row.get("changed_by").asText());
    assertEquals("Task locked by " + dev, row.get("notes").asText());

    // 2. already locked, whoever asks
    error(lock(a, ghost), 409, "already locked");
    error(lock(a, dev), 409, "already locked");
    // 3. unknown agent
    error(lock(b, ghost), 404, "register");
    // 4. other project, before the status check
    error(lock(committed, outsider), 403);
    error(lock(b, outsider), 403);
    // 5. status, before the agent's own lock
    error(lock(committed, dev), 409, "cannot be locked");
    error(lock(pending, dev), 409, "cannot be locked");
    // 6. the handle already holds a lock
    error(lock(b, dev), 409, "already has task");
    // 6 across projects: the handle's record in another project holds the lock
    String multi = agent(o.project, "backend_dev", "senior");
    register(multi, w.project, "backend_dev", "senior");
    ok(lock(createTaskId(o.pm, o.feature, "backend_dev", "junior"), multi));
    error(lock(b, multi), 409, "already has task");
    JsonNode unchanged = ok(api().get("/api/v1/tasks/{id}", b), TASK);
    assertEquals("created", unchanged.get("status").asText());
    assertTrue(unchanged.get("locked_by").isNull());
  }

  @Test
  @Order(31)
  void e31_status() {
    World w = world();
    World o = world();
    String dev = agent(w.project, "backend_dev", "junior");
    String fe = agent(w.project, "frontend_dev", "principal");
    String foreignGpm = agent(o.project, "global_pm", "principal");
    String ghost = unique("ghost");
    long a = createTaskId(w.pm, w.feature, "backend_dev", "junior");
    long b = createTaskId(w.pm, w.feature, "backend_dev", "junior");

    error(status(MISSING, ghost, "dev_done"), 404, "Task with ID");
    error(status(a, ghost, "dev_done"), 404, "register");
    invalid(
        api().body(Map.of("status", "dev_done")).put("/api/v1/tasks/{id}/status", a), "agent_id");
    invalid(
        api()
            .queryParam("agent_id", dev)
            .body(Map.of("notes", "n"))
            .put("/api/v1/tasks/{id}/status", a),
        "status");
    invalid(status(a, dev, "sideways"), "status");
    invalid(
        api()
            .queryParam("agent_id", dev)
            .body(Map.of("status", 3))
            .put("/api/v1/tasks/{id}/status", a),
        "status");
    invalid(
        api()
            .queryParam("agent_id", dev)
            .body(Map.of("status", "dev_done", "notes", 5))
            .put("/api/v1/tasks/{id}/status", a),
        "notes");
    invalid(
        api()
            .queryParam("agent_id", dev)
            .body(Map.of("status", "dev_done"))
            .put("/api/v1/tasks/abc/status"),
        "task_id");

    // 3. pending gate, both directions
    error(status(a, dev, "pending"), 403);
    ok(status(a, w.pm, "pending"));
    error(status(a, dev, "created"), 403);
    error(status(a, o.pm, "created"), 403);
    ok(status(a, foreignGpm, "created"), STATUS_UPDATE);

    ok(lock(a, dev));
    JsonNode withNext =
        ok(
            api()
                .queryParam("agent_id", dev)
                .body(Map.of("status", "dev_done", "notes", "done"))
                .put("/api/v1/tasks/{id}/status", a),
            STATUS_UPDATE);
    JsonNode task = shape(withNext.get("task"), TASK);
    assertEquals("dev_done", task.get("status").asText());
    assertTrue(task.get("locked_by").isNull());
    assertEquals("done", task.get("notes").asText());
    assertEquals(b, shape(withNext.get("next_task"), TASK).get("id").asLong());
    assertEquals("continue", withNext.get("workflow_status").asText());
    assertEquals(a, withNext.get("task_completed").asLong());
    assertTrue(withNext.get("auto_continue").asBoolean());
    assertEquals(
        "Continue with the next task without waiting for confirmation",
        withNext.get("continuation_prompt").asText());
    assertEquals("high", withNext.get("session_momentum").asText());
    assertEquals(
        "idle",
        ok(api().queryParam("project_id", w.project).get("/api/v1/agents/{a}/availability", dev))
            .get("status")
            .asText());

    JsonNode noNext = ok(status(a, fe, "QA_DONE"), STATUS_UPDATE);
    assertEquals("qa_done", noNext.get("task").get("status").asText());
    assertEquals(
        "done", noNext.get("task").get("notes").asText(), "absent notes keep the old ones");
    assertTrue(noNext.get("next_task").isNull());
    assertEquals("no_tasks", noNext.get("workflow_status").asText());
    assertEquals(a, noNext.get("task_completed").asLong());
    assertFalse(noNext.get("auto_continue").asBoolean());
    assertEquals("No more tasks available", noNext.get("continuation_prompt").asText());
    assertEquals("low", noNext.get("session_momentum").asText());

    // an agent of another project may change the status; the same status again still writes a row
    ok(status(a, o.pm, "qa_done"), STATUS_UPDATE);
    JsonNode row =
        okList(
                api().queryParam("task_id", a).queryParam("limit", 1).get("/api/v1/changelog"),
                CHANGELOG)
            .get(0);
    assertEquals("qa_done", row.get("old_status").asText());
    assertEquals("qa_done", row.get("new_status").asText());
    assertEquals(o.pm, row.get("changed_by").asText());
    assertTrue(row.get("notes").isNull());
  }

  @Test
  @Order(32)
  void e32_assign() {
    World w = world();
    World o = world();
    String dev = agent(w.project, "backend_dev", "senior");
    String target = agent(w.project, "backend_dev", "senior");
    String busy = agent(w.project, "backend_dev", "senior");
    String gpm = agent(w.project, "global_pm", "principal");
    String foreignTarget = agent(o.project, "backend_dev", "senior");
    String ghost = unique("ghost");
    long t1 = createTaskId(w.pm, w.feature, "backend_dev", "junior");
    long t2 = createTaskId(w.pm, w.feature, "backend_dev", "junior");
    long held = createTaskId(w.pm, w.feature, "backend_dev", "junior");
    long committed = createTaskId(w.pm, w.feature, "backend_dev", "junior");
    long pending = createTaskId(w.pm, w.feature, "backend_dev", "junior");
    ok(lock(held, busy));
    ok(status(committed, w.pm, "committed"));
    ok(status(pending, w.pm, "pending"));

    error(assign(MISSING, ghost, ghost), 404, "Assigner agent not found");
    error(assign(t1, target, ghost), 404, "Assigner agent not found");
    error(assign(MISSING, ghost, dev), 403);
    error(assign(t1, target, gpm), 403);
    error(assign(MISSING, ghost, w.pm), 404, "Target agent not found");
    error(assign(MISSING, foreignTarget, w.pm), 403, "agents in other projects");
    error(assign(MISSING, target, w.pm), 404, "Task not found");
    error(assign(t1, foreignTarget, o.pm), 403, "tasks from other projects");
    error(assign(held, busy, w.pm), 409, "already locked");
    error(assign(committed, busy, w.pm), 409, "cannot be locked");
    error(assign(pending, target, w.pm), 409, "cannot be locked");
    error(assign(t1, busy, w.pm), 409, "not available");
    String multi = agent(o.project, "backend_dev", "senior");
    register(multi, w.project, "backend_dev", "senior");
    ok(lock(createTaskId(o.pm, o.feature, "backend_dev", "junior"), multi));
    error(assign(t1, multi, w.pm), 409, "already has an assigned task");
    invalid(
        api().queryParam("assigner_agent_id", w.pm).post("/api/v1/tasks/{id}/assign", t1),
        "target_agent_id");
    invalid(
        api().queryParam("target_agent_id", target).post("/api/v1/tasks/{id}/assign", t1),
        "assigner_agent_id");
    invalid(
        api()
            .queryParam("target_agent_id", target)
            .queryParam("assigner_agent_id", w.pm)
            .post("/api/v1/tasks/abc/assign"),
        "task_id");

    JsonNode assigned = ok(assign(t1, target, w.pm), TASK);
    assertEquals(target, assigned.get("locked_by").asText());
    assertEquals("under_work", assigned.get("status").asText());
    JsonNode row =
        okList(
                api().queryParam("task_id", t1).queryParam("limit", 1).get("/api/v1/changelog"),
                CHANGELOG)
            .get(0);
    assertEquals("created", row.get("old_status").asText());
    assertEquals("under_work", row.get("new_status").asText());
    assertEquals(w.pm, row.get("changed_by").asText());
    assertEquals("Task assigned to " + target + " by Project PM", row.get("notes").asText());
    JsonNode availability =
        ok(
            api()
                .queryParam("project_id", w.project)
                .get("/api/v1/agents/{a}/availability", target),
            AVAILABILITY);
    assertEquals("working", availability.get("status").asText());
    assertEquals(t1, availability.get("current_task_id").asLong());
    error(assign(t2, target, w.pm), 409, "not available");
  }

  @Test
  @Order(33)
  void e33_e34_commentAndDelete() {
    World w = world();
    World o = world();
    String dev = agent(w.project, "backend_dev", "senior");
    String gpm = agent(o.project, "global_pm", "principal");
    String ghost = unique("ghost");
    long task = createTaskId(w.pm, w.feature, "backend_dev", "junior");
    int rowsBefore =
        okList(api().queryParam("task_id", task).get("/api/v1/changelog"), CHANGELOG).size();

    error(comment(MISSING, ghost, "hi"), 404, "Task with ID");
    invalid(
        api().body(Map.of("comment", "x")).post("/api/v1/tasks/{id}/comment", task), "agent_id");
    invalid(
        api().queryParam("agent_id", dev).body(Map.of()).post("/api/v1/tasks/{id}/comment", task),
        "comment");
    invalid(
        api()
            .queryParam("agent_id", dev)
            .body(Map.of("comment", 5))
            .post("/api/v1/tasks/{id}/comment", task),
        "comment");
    invalid(
        api()
            .queryParam("agent_id", dev)
            .body(Map.of("comment", "x"))
            .post("/api/v1/tasks/abc/comment"),
        "task_id");

    JsonNode added = ok(comment(task, ghost, "first @" + dev), MESSAGE);
    assertEquals("Comment added successfully", added.get("message").asText());
    ok(comment(task, w.pm, "second"), MESSAGE);
    JsonNode after = ok(api().get("/api/v1/tasks/{id}", task), TASK);
    assertEquals(
        ghost + ": first @" + dev + "\n\n" + w.pm + ": second", after.get("notes").asText());
    assertEquals("created", after.get("status").asText());
    assertEquals(
        rowsBefore,
        okList(api().queryParam("task_id", task).get("/api/v1/changelog"), CHANGELOG).size(),
        "no changelog row");
    JsonNode mention =
        okList(
                api()
                    .queryParam("project_id", w.project)
                    .queryParam("agent_id", dev)
                    .get("/api/v1/mentions"),
                MENTION)
            .get(0);
    assertEquals(task, mention.get("task_id").asLong());
    assertEquals(ghost, mention.get("created_by").asText());

    // E34 checks 1–4 in order
    ok(lock(task, dev));
    error(deleteTask(MISSING, ghost), 404, "Agent not found");
    error(deleteTask(MISSING, dev), 403);
    error(deleteTask(task, dev), 403);
    error(deleteTask(MISSING, w.pm), 404, "Task not found");
    error(deleteTask(task, o.pm), 403);
    invalid(api().delete("/api/v1/tasks/{id}", task), "agent_id");
    invalid(api().queryParam("agent_id", w.pm).delete("/api/v1/tasks/abc"), "task_id");
    JsonNode deleted = ok(deleteTask(task, gpm), MESSAGE);
    assertEquals("Task " + task + " deleted successfully", deleted.get("message").asText());
    error(api().get("/api/v1/tasks/{id}", task), 404);
    assertEquals(
        0, okList(api().queryParam("task_id", task).get("/api/v1/changelog"), CHANGELOG).size());
    assertEquals(
        0,
        okList(
                api()
                    .queryParam("project_id", w.project)
                    .queryParam("agent_id", dev)
                    .get("/api/v1/mentions"),
                MENTION)
            .size());
    JsonNode holder =
        ok(
            api().queryParam("project_id", w.project).get("/api/v1/agents/{a}/availability", dev),
            AVAILABILITY);
    assertEquals("idle", holder.get("status").asText());
    assertTrue(holder.get("current_task_id").isNull());
    error(deleteTask(task, w.pm), 404, "Task not found");
  }

  // ---------------------------------------------------------------------------------------------
  // E35 changelog

  @Test
  @Order(35)
  void e35_changelog() {
    World w = world();
    String dev = agent(w.project, "backend_dev", "senior");
    long task = createTaskId(w.pm, w.feature, "backend_dev", "junior");
    ok(lock(task, dev));
    ok(
        api()
            .queryParam("agent_id", dev)
            .body(Map.of("status", "dev_done", "notes", "n"))
            .put("/api/v1/tasks/{id}/status", task));

    JsonNode rows = okList(api().queryParam("task_id", task).get("/api/v1/changelog"), CHANGELOG);
    assertEquals(3, rows.size());
    assertNonIncreasing(rows, "changed_at");
    assertEquals("dev_done", rows.get(0).get("new_status").asText());
    assertEquals("n", rows.get(0).get("notes").asText());
    assertEquals("under_work", rows.get(1).get("new_status").asText());
    assertEquals("created", rows.get(2).get("new_status").asText());
    rows.forEach(r -> assertEquals(task, r.get("task_id").asLong()));

    JsonNode all = okList(api().get("/api/v1/changelog"), CHANGELOG);
    assertTrue(all.size() <= 50, "default limit 50");
    assertNonIncreasing(all, "changed_at");
    assertEquals(
        1, okList(api().queryParam("limit", 1).get("/api/v1/changelog"), CHANGELOG).size());
    Set<Long> projectTasks =
        new HashSet<>(
            ids(okList(api().queryParam("project_id", w.project).get("/api/v1/tasks"), TASK)));
    JsonNode ofProject =
        okList(
            api()
                .queryParam("project_id", w.project)
                .queryParam("hours", 24)
                .get("/api/v1/changelog"),
            CHANGELOG);
    assertEquals(3, ofProject.size());
    ofProject.forEach(r -> assertTrue(projectTasks.contains(r.get("task_id").asLong())));
    assertEquals(
        0,
        okList(api().queryParam("project_id", MISSING).get("/api/v1/changelog"), CHANGELOG).size());
    invalid(api().queryParam("limit", "abc").get("/api/v1/changelog"), "limit");
    invalid(api().queryParam("limit", 0).get("/api/v1/changelog"), "limit");
    invalid(api().queryParam("task_id", "abc").get("/api/v1/changelog"), "task_id");
    invalid(api().queryParam("project_id", "abc").get("/api/v1/changelog"), "project_id");
  }

  // ---------------------------------------------------------------------------------------------
  // E36–E40 documents

  @Test
  @Order(36)
  void e36_e40_documents() throws InterruptedException {
    World w = world();
    String author = agent(w.project, "backend_dev", "senior");

    // E36 success: every field, mentions in order of first appearance
    Map<String, Object> meta = new HashMap<>();
    meta.put("k", List.of(1, Map.of("x", "y")));
    meta.put("none", null);
    Map<String, Object> body = documentBody("standup", "Title", "@zed @amy hi @zed a@b.com");
    body.put("meta_data", meta);
    body.put("expires_at", "2099-01-01T02:00:00+02:00");
    JsonNode doc =
        ok(
            api()
                .queryParam("author_id", author)
                .queryParam("project_id", w.project)
                .body(body)
                .post("/api/v1/documents"),
            DOCUMENT);
    long id = doc.get("id").asLong();
    assertEquals(w.project, doc.get("project_id").asLong());
    assertEquals("standup", doc.get("doc_type").asText());
    assertEquals(author, doc.get("author_id").asText());
    assertEquals("Title", doc.get("title").asText());
    assertEquals("@zed @amy hi @zed a@b.com", doc.get("content").asText());
    assertEquals(Contract.json("{\"k\":[1,{\"x\":\"y\"}],\"none\":null}"), doc.get("meta_data"));
    assertEquals(Instant.parse("2099-01-01T00:00:00Z"), instant(doc, "expires_at"));
    assertEquals(doc.get("created_at"), doc.get("updated_at"));
    assertEquals(List.of("zed", "amy", "b"), texts(doc.get("mentions")));

    JsonNode plain =
        ok(
            api()
                .queryParam("author_id", author)
                .body(documentBody("UPDATE", "t", "c"))
                .post("/api/v1/documents"),
            DOCUMENT);
    assertEquals(
        w.project, plain.get("project_id").asLong(), "omitted project_id: the author's project");
    assertEquals("update", plain.get("doc_type").asText());
    assertTrue(plain.get("meta_data").isNull());
    assertTrue(plain.get("expires_at").isNull());
    assertTrue(plain.get("mentions").isArray() && plain.get("mentions").isEmpty());
    JsonNode byStranger =
        ok(
            api()
                .queryParam("author_id", unique("stranger"))
                .body(documentBody("update", "t", "c"))
                .post("/api/v1/documents"),
            DOCUMENT);
    assertEquals(
        defaultProjectId(),
        byStranger.get("project_id").asLong(),
        "unknown author: the default project");
    ok(
        api()
            .queryParam("author_id", author)
            .queryParam("project_id", w.project)
            .body(documentBody("critical_issue", "x".repeat(200), "y".repeat(50_000)))
            .post("/api/v1/documents"),
        DOCUMENT);

    // E36 errors: 422s, then content length (400) before the project (404)
    invalid(
        api()
            .queryParam("project_id", w.project)
            .body(documentBody("update", "t", "c"))
            .post("/api/v1/documents"),
        "author_id");
    for (String field : List.of("doc_type", "title", "content")) {
      Map<String, Object> missing = documentBody("update", "t", "c");
      missing.remove(field);
      invalid(postDocument(author, w.project, missing), field);
    }
    invalid(postDocument(author, w.project, documentBody("note", "t", "c")), "doc_type");
    invalid(postDocument(author, w.project, documentBody("update", "x".repeat(201), "c")), "title");
    Map<String, Object> arrayMeta = documentBody("update", "t", "c");
    arrayMeta.put("meta_data", List.of(1, 2));
    invalid(postDocument(author, w.project, arrayMeta), "meta_data");
    Map<String, Object> badExpiry = documentBody("update", "t", "c");
    badExpiry.put("expires_at", "next tuesday");
    invalid(postDocument(author, w.project, badExpiry), "expires_at");
    invalid(
        api()
            .queryParam("author_id", author)
            .queryParam("project_id", "abc")
            .body(documentBody("update", "t", "c"))
            .post("/api/v1/documents"),
        "project_id");
    error(postDocument(author, w.project, documentBody("update", "t", "y".repeat(50_001))), 400);
    error(postDocument(author, MISSING, documentBody("update", "t", "y".repeat(50_001))), 400);
    error(postDocument(author, MISSING, documentBody("update", "t", "c")), 404);

    // E37: newest first, filters, limit, expired hidden
    Map<String, Object> expired = documentBody("update", "old", "c");
    expired.put("expires_at", "2000-01-01");
    long expiredId = ok(postDocument(author, w.project, expired), DOCUMENT).get("id").asLong();
    JsonNode listed =
        okList(api().queryParam("project_id", w.project).get("/api/v1/documents"), DOCUMENT);
    assertNonIncreasing(listed, "created_at");
    assertFalse(ids(listed).contains(expiredId), "expired documents are not listed");
    assertTrue(ids(listed).containsAll(List.of(id, plain.get("id").asLong())));
    listed.forEach(d -> assertEquals(w.project, d.get("project_id").asLong()));
    assertEquals(
        List.of(id),
        ids(
            okList(
                api()
                    .queryParam("project_id", w.project)
                    .queryParam("doc_type", "STANDUP")
                    .get("/api/v1/documents"),
                DOCUMENT)));
    assertEquals(
        1,
        okList(
                api()
                    .queryParam("project_id", w.project)
                    .queryParam("limit", 1)
                    .get("/api/v1/documents"),
                DOCUMENT)
            .size());
    JsonNode byAuthor =
        okList(api().queryParam("author_id", author).get("/api/v1/documents"), DOCUMENT);
    assertEquals(listed.size(), byAuthor.size(), "author filter, project resolved from the author");
    assertEquals(
        0,
        okList(api().queryParam("project_id", MISSING).get("/api/v1/documents"), DOCUMENT).size());
    invalid(api().queryParam("doc_type", "note").get("/api/v1/documents"), "doc_type");
    invalid(api().queryParam("limit", 0).get("/api/v1/documents"), "limit");
    invalid(api().queryParam("project_id", "abc").get("/api/v1/documents"), "project_id");

    // E38
    assertEquals(id, ok(api().get("/api/v1/documents/{id}", id), DOCUMENT).get("id").asLong());
    assertEquals(
        expiredId, ok(api().get("/api/v1/documents/{id}", expiredId), DOCUMENT).get("id").asLong());
    error(api().get("/api/v1/documents/{id}", MISSING), 404);
    invalid(api().get("/api/v1/documents/abc"), "document_id");

    // E39
    Thread.sleep(2);
    JsonNode retitled =
        ok(
            api()
                .body(Map.of("title", "New", "doc_type", "update", "author_id", "someone"))
                .put("/api/v1/documents/{id}", id),
            DOCUMENT);
    assertEquals("New", retitled.get("title").asText());
    assertEquals("standup", retitled.get("doc_type").asText(), "doc_type is not updatable");
    assertEquals(author, retitled.get("author_id").asText(), "author is not updatable");
    assertEquals(doc.get("content"), retitled.get("content"));
    assertEquals(doc.get("meta_data"), retitled.get("meta_data"));
    assertEquals(List.of("zed", "amy", "b"), texts(retitled.get("mentions")));
    assertEquals(doc.get("created_at"), retitled.get("created_at"));
    assertEquals(doc.get("expires_at"), retitled.get("expires_at"));
    assertTrue(instant(retitled, "updated_at").isAfter(instant(doc, "updated_at")));
    Thread.sleep(2);
    JsonNode untouched = ok(api().body("{}").put("/api/v1/documents/{id}", id), DOCUMENT);
    assertTrue(
        instant(untouched, "updated_at").isAfter(instant(retitled, "updated_at")),
        "updated_at moves even for {}");
    JsonNode recontent =
        ok(
            api()
                .body(Map.of("content", "now @amy and @bo", "meta_data", Map.of("v", 2)))
                .put("/api/v1/documents/{id}", id),
            DOCUMENT);
    assertEquals(List.of("amy", "bo"), texts(recontent.get("mentions")));
    assertEquals(Contract.json("{\"v\":2}"), recontent.get("meta_data"));
    error(api().body(Map.of("title", "x")).put("/api/v1/documents/{id}", MISSING), 404);
    invalid(
        api().body(Map.of("title", "x".repeat(201))).put("/api/v1/documents/{id}", id), "title");
    invalid(api().body(Map.of("meta_data", "text")).put("/api/v1/documents/{id}", id), "meta_data");
    invalid(api().body(Map.of("content", 5)).put("/api/v1/documents/{id}", id), "content");
    error(api().body(Map.of("content", "y".repeat(50_001))).put("/api/v1/documents/{id}", id), 400);
    invalid(api().body("{}").put("/api/v1/documents/abc"), "document_id");

    // E40
    JsonNode removed = ok(api().delete("/api/v1/documents/{id}", id), MESSAGE);
    assertEquals("Document deleted successfully", removed.get("message").asText());
    error(api().get("/api/v1/documents/{id}", id), 404);
    error(api().delete("/api/v1/documents/{id}", id), 404);
    invalid(api().delete("/api/v1/documents/abc"), "document_id");
    assertEquals(
        0,
        okList(
                api()
                    .queryParam("project_id", w.project)
                    .queryParam("agent_id", "amy")
                    .get("/api/v1/mentions"),
                MENTION)
            .size());
  }

  // ---------------------------------------------------------------------------------------------
  // E41–E43 mentions

  @Test
  @Order(41)
  void e41_e43_mentions() throws InterruptedException {
    World w = world();
    String alice = agent(w.project, "backend_dev", "senior");
    String bob = agent(w.project, "backend_dev", "junior");
    String carol = agent(w.project, "qa", "junior");
    long doc = document(w.project, w.pm, "@" + alice + " and @" + bob);
    Thread.sleep(2);
    long task = createTaskId(w.pm, w.feature, "backend_dev", "junior");
    ok(comment(task, carol, "over to you @" + alice));

    // E41
    JsonNode forAlice =
        okList(
            api()
                .queryParam("project_id", w.project)
                .queryParam("agent_id", alice)
                .get("/api/v1/mentions"),
            MENTION);
    assertEquals(2, forAlice.size());
    assertNonIncreasing(forAlice, "created_at");
    JsonNode fromComment = forAlice.get(0);
    assertEquals(task, fromComment.get("task_id").asLong());
    assertTrue(fromComment.get("document_id").isNull());
    assertTrue(fromComment.get("document_title").isNull());
    assertTrue(fromComment.get("task_title").isTextual());
    assertEquals(carol, fromComment.get("created_by").asText());
    assertFalse(fromComment.get("is_read").asBoolean());
    JsonNode fromDoc = forAlice.get(1);
    assertEquals(doc, fromDoc.get("document_id").asLong());
    assertTrue(fromDoc.get("task_id").isNull());
    assertEquals("doc", fromDoc.get("document_title").asText());
    assertTrue(fromDoc.get("task_title").isNull());
    assertEquals(alice, fromDoc.get("mentioned_agent_id").asText());
    assertEquals(
        2,
        okList(api().queryParam("agent_id", alice).get("/api/v1/mentions"), MENTION).size(),
        "project from the agent");
    assertEquals(
        3,
        okList(api().queryParam("project_id", w.project).get("/api/v1/mentions"), MENTION).size());
    assertEquals(
        1,
        okList(
                api()
                    .queryParam("project_id", w.project)
                    .queryParam("limit", 1)
                    .get("/api/v1/mentions"),
                MENTION)
            .size());
    invalid(api().queryParam("unread_only", "maybe").get("/api/v1/mentions"), "unread_only");
    invalid(api().queryParam("limit", 0).get("/api/v1/mentions"), "limit");
    invalid(api().queryParam("project_id", "abc").get("/api/v1/mentions"), "project_id");

    // E43
    long mentionId = fromDoc.get("id").asLong();
    error(markRead(MISSING, unique("ghost")), 404);
    error(markRead(mentionId, bob), 403);
    invalid(api().put("/api/v1/mentions/{id}/read", mentionId), "agent_id");
    invalid(api().queryParam("agent_id", alice).put("/api/v1/mentions/abc/read"), "mention_id");
    JsonNode read = ok(markRead(mentionId, alice), MENTION);
    assertTrue(read.get("is_read").asBoolean());
    assertEquals("doc", read.get("document_title").asText());
    assertTrue(ok(markRead(mentionId, alice), MENTION).get("is_read").asBoolean(), "idempotent");
    JsonNode unread =
        okList(
            api()
                .queryParam("project_id", w.project)
                .queryParam("agent_id", alice)
                .queryParam("unread_only", "yes")
                .get("/api/v1/mentions"),
            MENTION);
    assertEquals(List.of(fromComment.get("id").asLong()), ids(unread));

    // E42
    JsonNode backend =
        okList(
            api()
                .queryParam("project_id", w.project)
                .queryParam("role", "Backend_Dev")
                .get("/api/v1/mentions/by-role"),
            MENTION);
    assertEquals(Set.of(alice, bob), mentioned(backend));
    assertNonIncreasing(backend, "created_at");
    assertEquals(
        2,
        okList(
                api()
                    .queryParam("project_id", w.project)
                    .queryParam("role", "backend_dev")
                    .queryParam("unread_only", "true")
                    .get("/api/v1/mentions/by-role"),
                MENTION)
            .size());
    assertEquals(
        1,
        okList(
                api()
                    .queryParam("project_id", w.project)
                    .queryParam("role", "backend_dev")
                    .queryParam("limit", 1)
                    .get("/api/v1/mentions/by-role"),
                MENTION)
            .size());
    assertEquals(
        0,
        okList(
                api()
                    .queryParam("project_id", w.project)
                    .queryParam("role", "qa")
                    .get("/api/v1/mentions/by-role"),
                MENTION)
            .size());
    assertEquals(
        0,
        okList(
                api()
                    .queryParam("project_id", w.project)
                    .queryParam("role", "wizard")
                    .get("/api/v1/mentions/by-role"),
                MENTION)
            .size());
    assertEquals(
        0,
        okList(
                api()
                    .queryParam("project_id", w.project)
                    .queryParam("role", "pm")
                    .get("/api/v1/mentions/by-role"),
                MENTION)
            .size());
    assertEquals(
        3,
        okList(api().queryParam("project_id", w.project).get("/api/v1/mentions/by-role"), MENTION)
            .size());
    invalid(
        api().queryParam("unread_only", "perhaps").get("/api/v1/mentions/by-role"), "unread_only");
    invalid(api().queryParam("limit", -1).get("/api/v1/mentions/by-role"), "limit");
  }

  // ---------------------------------------------------------------------------------------------
  // E44–E47 services

  @Test
  @Order(44)
  void e44_e47_services() throws InterruptedException {
    World w = world();
    String owner = agent(w.project, "backend_dev", "senior");
    String other = agent(w.project, "frontend_dev", "senior");
    String name = unique("svc");

    JsonNode service =
        ok(
            api()
                .queryParam("agent_id", owner)
                .queryParam("project_id", w.project)
                .body(
                    Map.of(
                        "service_name",
                        name,
                        "ping_url",
                        "http://127.0.0.1:1/health",
                        "port",
                        8080,
                        "meta_data",
                        Map.of("v", 1)))
                .post("/api/v1/services/register"),
            SERVICE);
    long id = service.get("id").asLong();
    assertEquals(w.project, service.get("project_id").asLong());
    assertEquals(name, service.get("service_name").asText());
    assertEquals(owner, service.get("owner_agent_id").asText());
    assertEquals("http://127.0.0.1:1/health", service.get("ping_url").asText());
    assertEquals(8080, service.get("port").asInt());
    assertEquals("up", service.get("status").asText());
    assertTrue(service.get("last_heartbeat").isTextual());
    assertEquals(Contract.json("{\"v\":1}"), service.get("meta_data"));

    JsonNode taken =
        ok(
            api()
                .queryParam("agent_id", other)
                .body(
                    Map.of(
                        "service_name",
                        name,
                        "ping_url",
                        "http://127.0.0.1:1/other",
                        "status",
                        "STARTING"))
                .post("/api/v1/services/register"),
            SERVICE);
    assertEquals(id, taken.get("id").asLong(), "same service, overwritten");
    assertEquals(w.project, taken.get("project_id").asLong(), "project from the agent");
    assertEquals(other, taken.get("owner_agent_id").asText(), "ownership moves");
    assertEquals("starting", taken.get("status").asText());
    assertTrue(taken.get("port").isNull());
    assertTrue(taken.get("meta_data").isNull());
    ok(
        api()
            .queryParam("agent_id", owner)
            .queryParam("project_id", w.project)
            .body(Map.of("service_name", name, "ping_url", "http://127.0.0.1:1/health"))
            .post("/api/v1/services/register"),
        SERVICE);
    String second = "a" + name;
    service(w.project, owner, second);

    error(
        api()
            .queryParam("agent_id", owner)
            .queryParam("project_id", MISSING)
            .body(Map.of("service_name", name, "ping_url", "u"))
            .post("/api/v1/services/register"),
        404);
    invalid(
        api()
            .queryParam("project_id", w.project)
            .body(Map.of("service_name", name, "ping_url", "u"))
            .post("/api/v1/services/register"),
        "agent_id");
    invalid(registerService(owner, w.project, Map.of("ping_url", "u")), "service_name");
    invalid(
        registerService(owner, w.project, Map.of("service_name", "s".repeat(101), "ping_url", "u")),
        "service_name");
    invalid(registerService(owner, w.project, Map.of("service_name", name)), "ping_url");
    invalid(
        registerService(
            owner, w.project, Map.of("service_name", name, "ping_url", "u", "status", "sideways")),
        "status");
    invalid(
        registerService(
            owner, w.project, Map.of("service_name", name, "ping_url", "u", "port", "abc")),
        "port");
    invalid(
        registerService(
            owner,
            w.project,
            Map.of("service_name", name, "ping_url", "u", "meta_data", List.of())),
        "meta_data");

    // E45
    JsonNode list =
        okList(api().queryParam("project_id", w.project).get("/api/v1/services"), SERVICE);
    List<String> names = texts(list, "service_name");
    assertEquals(List.of(second, name), names, "ordered by service_name");
    assertEquals(
        names,
        texts(
            okList(api().queryParam("agent_id", owner).get("/api/v1/services"), SERVICE),
            "service_name"));
    assertEquals(
        0, okList(api().queryParam("project_id", MISSING).get("/api/v1/services"), SERVICE).size());
    invalid(api().queryParam("project_id", "abc").get("/api/v1/services"), "project_id");

    // E46: 404 before 403
    Thread.sleep(2);
    error(heartbeat(unique("nosvc"), other, w.project), 404);
    error(heartbeat(name, other, w.project), 403);
    invalid(
        api().queryParam("project_id", w.project).post("/api/v1/services/{n}/heartbeat", name),
        "agent_id");
    JsonNode beat = ok(heartbeat(name, owner, w.project), SERVICE);
    assertEquals("up", beat.get("status").asText());
    assertTrue(instant(beat, "last_heartbeat").isAfter(instant(service, "last_heartbeat")));
    ok(api().queryParam("agent_id", owner).post("/api/v1/services/{n}/heartbeat", name), SERVICE);

    // E47: 404 before 403
    error(unregister(unique("nosvc"), other, w.project), 404);
    error(unregister(name, other, w.project), 403);
    invalid(
        api().queryParam("project_id", w.project).delete("/api/v1/services/{n}", name), "agent_id");
    JsonNode gone = ok(unregister(name, owner, w.project), MESSAGE);
    assertEquals("Service " + name + " unregistered successfully", gone.get("message").asText());
    assertEquals(
        List.of(second),
        texts(
            okList(api().queryParam("project_id", w.project).get("/api/v1/services"), SERVICE),
            "service_name"));
    error(heartbeat(name, owner, w.project), 404);
    ok(api().queryParam("agent_id", owner).delete("/api/v1/services/{n}", second), MESSAGE);
  }

  // ---------------------------------------------------------------------------------------------
  // E48 change feed

  @Test
  @Order(48)
  void e48_changes() throws InterruptedException {
    World w = world();
    String dev = agent(w.project, "backend_dev", "senior");
    long task = createTaskId(w.pm, w.feature, "backend_dev", "junior");
    Thread.sleep(5);
    Instant t0 = instant(ok(anonymous().get("/api/v1/health")), "timestamp");
    Thread.sleep(5);
    long doc = document(w.project, w.pm, "feed");
    Thread.sleep(2);
    ok(api().body(Map.of("title", "feed 2")).put("/api/v1/documents/{id}", doc));
    Thread.sleep(2);
    ok(status(task, dev, "dev_done"));

    JsonNode feed =
        ok(
            api()
                .queryParam("since", t0.toString())
                .queryParam("project_id", w.project)
                .get("/api/v1/changes"),
            CHANGES);
    JsonNode changes = feed.get("changes");
    changes.forEach(c -> shape(c, CHANGE_EVENT));
    assertEquals(
        List.of("document_created", "document_updated", "task_updated"), texts(changes, "type"));
    JsonNode created =
        shape(changes.get(0).get("data"), List.of("document_id", "doc_type", "title", "author_id"));
    assertEquals(doc, created.get("document_id").asLong());
    assertEquals("feed 2", created.get("title").asText(), "current title");
    shape(changes.get(1).get("data"), List.of("document_id", "doc_type", "title", "author_id"));
    JsonNode updated =
        shape(
            changes.get(2).get("data"),
            List.of("task_id", "title", "old_status", "new_status", "changed_by", "notes"));
    assertEquals(task, updated.get("task_id").asLong());
    assertEquals("created", updated.get("old_status").asText());
    assertEquals("dev_done", updated.get("new_status").asText());
    assertEquals(dev, updated.get("changed_by").asText());
    assertTrue(updated.get("notes").isNull());
    assertEquals(changes.get(2).get("timestamp"), feed.get("last_timestamp"));
    assertNonDecreasing(changes, "timestamp");

    String withOffset = t0.atOffset(ZoneOffset.ofHours(2)).toString();
    assertEquals(
        3,
        ok(
                api()
                    .queryParam("since", withOffset)
                    .queryParam("project_id", w.project)
                    .get("/api/v1/changes"),
                CHANGES)
            .get("changes")
            .size());
    String epoch = t0.getEpochSecond() + "." + String.format("%06d", t0.getNano() / 1000);
    assertEquals(
        3,
        ok(
                api()
                    .queryParam("since", epoch)
                    .queryParam("project_id", w.project)
                    .get("/api/v1/changes"),
                CHANGES)
            .get("changes")
            .size());
    assertEquals(
        3,
        ok(
                api()
                    .queryParam("since", t0.toString())
                    .queryParam("agent_id", dev)
                    .get("/api/v1/changes"),
                CHANGES)
            .get("changes")
            .size(),
        "project from the agent");

    String last = feed.get("last_timestamp").asText();
    JsonNode empty =
        ok(
            api()
                .queryParam("since", last)
                .queryParam("project_id", w.project)
                .get("/api/v1/changes"),
            CHANGES);
    assertEquals(0, empty.get("changes").size());
    assertEquals(Instant.parse(last), instant(empty, "last_timestamp"));
    JsonNode normalised =
        ok(
            api()
                .queryParam("since", "2099-01-01T02:00:00+02:00")
                .queryParam("project_id", w.project)
                .get("/api/v1/changes"),
            CHANGES);
    assertEquals(Instant.parse("2099-01-01T00:00:00Z"), instant(normalised, "last_timestamp"));

    invalid(api().queryParam("project_id", w.project).get("/api/v1/changes"), "since");
    invalid(
        api()
            .queryParam("since", "garbage")
            .queryParam("project_id", w.project)
            .get("/api/v1/changes"),
        "since");
    invalid(
        api()
            .queryParam("since", t0.toString())
            .queryParam("project_id", "abc")
            .get("/api/v1/changes"),
        "project_id");
  }

  // ---------------------------------------------------------------------------------------------
  // E49–E58 public mirrors

  @Test
  @Order(49)
  void e49_e58_publicMirrors() {
    World w = world();
    String dev = agent(w.project, "backend_dev", "senior");
    long task = createTaskId(w.pm, w.feature, "backend_dev", "junior");
    ok(status(task, dev, "dev_done"));
    long created = createTaskId(w.pm, w.feature, "backend_dev", "senior");

    for (RequestSpecification client :
        List.of(anonymous(), anonymous().header("X-API-Key", "wrong"))) {
      // E49
      JsonNode health =
          ok(
              client.get("/api/v1/public/health"),
              List.of("status", "service", "version", "database", "timestamp"));
      assertEquals("healthy", health.get("status").asText());
    }
    // E50
    JsonNode agents =
        okList(anonymous().queryParam("project_id", w.project).get("/api/v1/public/agents"), AGENT);
    assertTrue(handles(agents).containsAll(Set.of(w.pm, dev)));
    assertTrue(okList(anonymous().get("/api/v1/public/agents"), AGENT).size() >= 2);
    invalid(anonymous().queryParam("project_id", "abc").get("/api/v1/public/agents"), "project_id");
    // E51
    JsonNode context = ok(anonymous().get("/api/v1/public/context/{id}", w.project), CONTEXT);
    assertEquals(w.project, context.get("project_id").asLong());
    error(anonymous().get("/api/v1/public/context/{id}", MISSING), 404);
    invalid(anonymous().get("/api/v1/public/context/abc"), "project_id");
    // E52
    JsonNode epics =
        okList(anonymous().queryParam("project_id", w.project).get("/api/v1/public/epics"), EPIC);
    assertEquals(List.of(w.epic), ids(epics));
    assertEquals(2, epics.get(0).get("task_count").asLong());
    assertEquals(1, epics.get(0).get("in_progress_task_count").asLong());
    okList(anonymous().get("/api/v1/public/epics"), EPIC);
    // E53
    assertEquals(
        List.of(w.feature),
        ids(okList(anonymous().get("/api/v1/public/features/{id}", w.epic), FEATURE)));
    assertEquals(
        0, okList(anonymous().get("/api/v1/public/features/{id}", MISSING), FEATURE).size());
    invalid(anonymous().get("/api/v1/public/features/abc"), "epic_id");
    // E54
    assertEquals(
        List.of(created, task),
        ids(
            okList(
                anonymous().queryParam("project_id", w.project).get("/api/v1/public/tasks"),
                TASK)));
    assertEquals(
        List.of(task),
        ids(
            okList(
                anonymous()
                    .queryParam("project_id", w.project)
                    .queryParam("status", "DEV_DONE")
                    .get("/api/v1/public/tasks"),
                TASK)));
    assertEquals(
        List.of(created),
        ids(
            okList(
                anonymous()
                    .queryParam("project_id", w.project)
                    .queryParam("limit", 1)
                    .get("/api/v1/public/tasks"),
                TASK)));
    assertEquals(
        2,
        okList(
                anonymous()
                    .queryParam("project_id", w.project)
                    .queryParam("role", "backend_dev")
                    .get("/api/v1/public/tasks"),
                TASK)
            .size());
    invalid(anonymous().queryParam("status", "wizard").get("/api/v1/public/tasks"), "status");
    invalid(anonymous().queryParam("limit", 0).get("/api/v1/public/tasks"), "limit");
    // E55
    JsonNode forQa = ok(publicNext("qa", "skill_level", "junior", w.project), TASK);
    assertEquals(task, forQa.get("id").asLong(), "dev_done goes to QA");
    assertEquals(
        created,
        ok(publicNext("backend_dev", "level", "senior", w.project), TASK).get("id").asLong(),
        "level alias");
    Response nothing = publicNext("frontend_dev", "skill_level", "principal", w.project);
    assertEquals(200, nothing.statusCode());
    assertEquals("null", nothing.asString().trim());
    Response defaultProject =
        anonymous()
            .queryParam("role", "architect")
            .queryParam("skill_level", "principal")
            .queryParam("agent_id", "x")
            .get("/api/v1/public/tasks/next");
    assertEquals(200, defaultProject.statusCode());
    invalid(
        anonymous()
            .queryParam("skill_level", "senior")
            .queryParam("agent_id", "x")
            .get("/api/v1/public/tasks/next"),
        "role");
    invalid(
        anonymous()
            .queryParam("role", "qa")
            .queryParam("agent_id", "x")
            .get("/api/v1/public/tasks/next"),
        "skill_level");
    invalid(
        anonymous()
            .queryParam("role", "qa")
            .queryParam("skill_level", "senior")
            .get("/api/v1/public/tasks/next"),
        "agent_id");
    invalid(
        anonymous()
            .queryParam("role", "wizard")
            .queryParam("skill_level", "senior")
            .queryParam("agent_id", "x")
            .get("/api/v1/public/tasks/next"),
        "role");
    // E56
    JsonNode log =
        okList(anonymous().queryParam("limit", 2).get("/api/v1/public/changelog"), CHANGELOG);
    assertEquals(2, log.size());
    assertNonIncreasing(log, "changed_at");
    assertTrue(okList(anonymous().get("/api/v1/public/changelog"), CHANGELOG).size() <= 50);
    invalid(anonymous().queryParam("limit", "x").get("/api/v1/public/changelog"), "limit");
    // E57
    JsonNode projects = okList(anonymous().get("/api/v1/public/projects"), PROJECT);
    assertEquals(ids(okList(api().get("/api/v1/projects"), PROJECT)), ids(projects));
    // E58
    JsonNode defaultContext =
        ok(anonymous().header("X-API-Key", "wrong").get("/api/v1/context"), CONTEXT);
    assertEquals("Headless-PM", defaultContext.get("project_name").asText());
    assertEquals(defaultProjectId(), defaultContext.get("project_id").asLong());
    assertEquals("./CLAUDE.md", defaultContext.get("code_guidelines_path").asText());
  }

  // ---------------------------------------------------------------------------------------------
  // Protocol rules of section 1

  @Test
  @Order(60)
  void methodNotAllowedAndUnknownPaths() {
    for (RequestSpecification client : List.of(api(), anonymous())) {
      JsonNode put = error(client.put("/api/v1/agents"), 405);
      assertEquals("Method Not Allowed", put.get("detail").asText());
    }
    assertEquals(
        "Method Not Allowed", error(api().get("/api/v1/register"), 405).get("detail").asText());
    assertEquals(
        "Method Not Allowed", error(api().delete("/api/v1/projects"), 405).get("detail").asText());
    assertEquals(
        "Method Not Allowed", error(api().get("/api/v1/tasks/1/lock"), 405).get("detail").asText());
    assertEquals(
        "Method Not Allowed",
        error(api().patch("/api/v1/documents/1"), 405).get("detail").asText());
    assertEquals(
        "Method Not Allowed",
        error(anonymous().post("/api/v1/public/projects"), 405).get("detail").asText());
    for (RequestSpecification client :
        List.of(api(), anonymous(), anonymous().header("X-API-Key", "wrong"))) {
      assertEquals("Not Found", error(client.get("/api/v1/nope"), 404).get("detail").asText());
    }
    assertEquals("Not Found", error(api().get("/api/v2/agents"), 404).get("detail").asText());
  }

  @Test
  @Order(61)
  void cors() {
    String origin = "http://dashboard.example:3000";
    Response keyed = api().header("Origin", origin).get("/api/v1/agents");
    assertEquals(200, keyed.statusCode());
    assertEquals(origin, keyed.header("Access-Control-Allow-Origin"));
    assertEquals("true", keyed.header("Access-Control-Allow-Credentials"));
    Response open =
        anonymous().header("Origin", "https://other.example").get("/api/v1/public/projects");
    assertEquals("https://other.example", open.header("Access-Control-Allow-Origin"));
    assertEquals("true", open.header("Access-Control-Allow-Credentials"));

    for (String path : List.of("/api/v1/tasks/create", "/api/v1/agents", "/api/v1/documents/1")) {
      Response preflight =
          anonymous()
              .header("Origin", origin)
              .header("Access-Control-Request-Method", "POST")
              .header("Access-Control-Request-Headers", "X-API-Key, Content-Type")
              .options(path);
      assertEquals(200, preflight.statusCode(), "preflight needs no key: " + path);
      assertEquals(origin, preflight.header("Access-Control-Allow-Origin"));
      assertEquals("true", preflight.header("Access-Control-Allow-Credentials"));
      assertEquals("600", preflight.header("Access-Control-Max-Age"));
      String methods = preflight.header("Access-Control-Allow-Methods");
      for (String method : List.of("GET", "POST", "PUT", "PATCH", "DELETE")) {
        assertTrue(methods != null && methods.contains(method), "allowed methods: " + methods);
      }
      String headers = preflight.header("Access-Control-Allow-Headers");
      assertTrue(
          headers != null && headers.toLowerCase().contains("x-api-key"),
          "allowed headers: " + headers);
    }
  }

  @Test
  @Order(62)
  void publicRoutesIgnoreAWrongKey() {
    World w = world();
    List<String> routes =
        List.of(
            "/",
            "/health",
            "/status",
            "/api/v1/health",
            "/api/v1/public/health",
            "/api/v1/public/agents",
            "/api/v1/public/context/" + w.project,
            "/api/v1/public/epics",
            "/api/v1/public/features/" + w.epic,
            "/api/v1/public/tasks",
            "/api/v1/public/tasks/next?role=qa&skill_level=senior&agent_id=x",
            "/api/v1/public/changelog",
            "/api/v1/public/projects",
            "/api/v1/context",
            "/api/v1/openapi.json");
    for (String route : routes) {
      for (String key : List.of("wrong", "", KEY)) {
        Response answer = anonymous().header("X-API-Key", key).urlEncodingEnabled(false).get(route);
        assertEquals(200, answer.statusCode(), () -> route + " with key '" + key + "'");
      }
      assertEquals(200, anonymous().urlEncodingEnabled(false).get(route).statusCode(), route);
    }
    assertEquals(
        200,
        anonymous().header("x-api-key", KEY).get("/api/v1/agents").statusCode(),
        "header name case-insensitive");
  }

  @Test
  @Order(63)
  void idsAreNotReusedAfterADelete() {
    World w = world();
    String dev = agent(w.project, "backend_dev", "senior");

    long project = createProject(unique("Gone"));
    ok(api().delete("/api/v1/projects/{id}", project));
    assertTrue(createProject(unique("Next")) > project, "project id reused");

    long epic = createEpic(w.pm, w.project);
    ok(deleteEpic(epic, w.pm));
    assertTrue(createEpic(w.pm, w.project) > epic, "epic id reused");

    long feature = createFeature(w.pm, w.epic);
    ok(deleteFeature(feature, w.pm));
    assertTrue(createFeature(w.pm, w.epic) > feature, "feature id reused");

    long task = createTaskId(w.pm, w.feature, "backend_dev", "junior");
    long changelogRow =
        okList(api().queryParam("task_id", task).get("/api/v1/changelog"), CHANGELOG)
            .get(0)
            .get("id")
            .asLong();
    ok(deleteTask(task, w.pm));
    long nextTask = createTaskId(w.pm, w.feature, "backend_dev", "junior");
    assertTrue(nextTask > task, "task id reused");
    assertTrue(
        okList(api().queryParam("task_id", nextTask).get("/api/v1/changelog"), CHANGELOG)
                .get(0)
                .get("id")
                .asLong()
            > changelogRow,
        "changelog id reused");

    long doc = document(w.project, w.pm, "@someone");
    long mention =
        okList(
                api()
                    .queryParam("project_id", w.project)
                    .queryParam("agent_id", "someone")
                    .get("/api/v1/mentions"),
                MENTION)
            .get(0)
            .get("id")
            .asLong();
    ok(api().delete("/api/v1/documents/{id}", doc));
    long nextDoc = document(w.project, w.pm, "@someone");
    assertTrue(nextDoc > doc, "document id reused");
    assertTrue(
        okList(
                    api()
                        .queryParam("project_id", w.project)
                        .queryParam("agent_id", "someone")
                        .get("/api/v1/mentions"),
                    MENTION)
                .get(0)
                .get("id")
                .asLong()
            > mention,
        "mention id reused");

    String serviceName = unique("svc");
    long service = service(w.project, dev, serviceName).get("id").asLong();
    ok(unregister(serviceName, dev, w.project));
    assertTrue(
        service(w.project, dev, unique("svc")).get("id").asLong() > service, "service id reused");

    String victim = agent(w.project, "qa", "junior");
    long record =
        find(
                okList(api().queryParam("project_id", w.project).get("/api/v1/agents"), AGENT),
                victim,
                "agent_id")
            .get("id")
            .asLong();
    ok(deleteAgent(victim, w.pm, w.project));
    assertTrue(
        register(unique("qa"), w.project, "qa", "junior").getLong("agent.id") > record,
        "agent id reused");
  }

  @Test
  @Order(99)
  void e58_withoutTheDefaultProject() {
    long id = defaultProjectId();
    ok(api().queryParam("force", "true").delete("/api/v1/projects/{id}", id));
    error(anonymous().get("/api/v1/context"), 404);
  }

  // ---------------------------------------------------------------------------------------------
  // helpers

  /** A feature whose epic does not exist: the inconsistent data of E26 check 3. */
  private static long orphanFeature() {
    try (Connection db =
            DriverManager.getConnection("jdbc:sqlite:" + ApiDeployment.databaseFile());
        Statement sql = db.createStatement()) {
      sql.execute("PRAGMA busy_timeout = 10000");
      sql.executeUpdate(
          "INSERT INTO feature (epic_id, name, description) VALUES ("
              + ORPHANED_EPIC
              + ", 'orphan', '')");
      try (ResultSet id = sql.executeQuery("SELECT last_insert_rowid()")) {
        id.next();
        return id.getLong(1);
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A project with a project PM, an epic and a feature. */
  private record World(long project, String pm, long epic, long feature) {}

  private World world() {
    long project = createProject(unique("Contract"));
    String pm = unique("pm");
    register(pm, project, "project_pm", "senior");
    long epic = createEpic(pm, project);
    return new World(project, pm, epic, createFeature(pm, epic));
  }

  private String agent(long project, String role, String level) {
    String handle = unique(role);
    register(handle, project, role, level);
    return handle;
  }

  private static Map<String, Object> registration(
      String agentId, long project, String role, String level) {
    Map<String, Object> body = new HashMap<>();
    body.put("agent_id", agentId);
    body.put("project_id", project);
    body.put("role", role);
    body.put("level", level);
    return body;
  }

  private Response deleteAgent(String agentId, String requester, long project) {
    return api()
        .queryParam("requester_agent_id", requester)
        .queryParam("project_id", project)
        .delete("/api/v1/agents/{a}", agentId);
  }

  private Response epic(String agentId, Long project) {
    RequestSpecification request =
        api()
            .queryParam("agent_id", agentId)
            .body(Map.of("name", unique("epic"), "description", "d"));
    if (project != null) {
      request.queryParam("project_id", project);
    }
    return request.post("/api/v1/epics");
  }

  private Response deleteEpic(long epic, String agentId) {
    return api().queryParam("agent_id", agentId).delete("/api/v1/epics/{id}", epic);
  }

  private Response feature(String agentId, long epic) {
    return api()
        .queryParam("agent_id", agentId)
        .body(Map.of("epic_id", epic, "name", unique("feature"), "description", "fd"))
        .post("/api/v1/features");
  }

  private Response deleteFeature(long feature, String agentId) {
    return api().queryParam("agent_id", agentId).delete("/api/v1/features/{id}", feature);
  }

  private static Map<String, Object> taskBody(Object feature) {
    Map<String, Object> body = new HashMap<>();
    body.put("feature_id", feature);
    body.put("title", unique("task"));
    body.put("description", "do it");
    body.put("target_role", "backend_dev");
    body.put("difficulty", "junior");
    body.put("branch", "feature/x");
    return body;
  }

  private Response newTask(String creator, Map<String, Object> body) {
    return api().queryParam("agent_id", creator).body(body).post("/api/v1/tasks/create");
  }

  private RequestSpecification next(String role, String level) {
    return api().queryParam("role", role).queryParam("level", level);
  }

  private Response publicNext(String role, String levelParam, String level, long project) {
    return anonymous()
        .queryParam("role", role)
        .queryParam(levelParam, level)
        .queryParam("agent_id", "observer")
        .queryParam("project_id", project)
        .get("/api/v1/public/tasks/next");
  }

  private Response lock(long task, String agentId) {
    return api().queryParam("agent_id", agentId).post("/api/v1/tasks/{id}/lock", task);
  }

  private Response status(long task, String agentId, String status) {
    return api()
        .queryParam("agent_id", agentId)
        .body(Map.of("status", status))
        .put("/api/v1/tasks/{id}/status", task);
  }

  private Response assign(long task, String target, String assigner) {
    return api()
        .queryParam("target_agent_id", target)
        .queryParam("assigner_agent_id", assigner)
        .post("/api/v1/tasks/{id}/assign", task);
  }

  private Response comment(long task, String agentId, String text) {
    return api()
        .queryParam("agent_id", agentId)
        .body(Map.of("comment", text))
        .post("/api/v1/tasks/{id}/comment", task);
  }

  private Response deleteTask(long task, String agentId) {
    return api().queryParam("agent_id", agentId).delete("/api/v1/tasks/{id}", task);
  }

  private static Map<String, Object> documentBody(String type, String title, String content) {
    Map<String, Object> body = new HashMap<>();
    body.put("doc_type", type);
    body.put("title", title);
    body.put("content", content);
    return body;
  }

  private Response postDocument(String author, long project, Map<String, Object> body) {
    return api()
        .queryParam("author_id", author)
        .queryParam("project_id", project)
        .body(body)
        .post("/api/v1/documents");
  }

  private long document(long project, String author, String content) {
    return ok(postDocument(author, project, documentBody("update", "doc", content)), DOCUMENT)
        .get("id")
        .asLong();
  }

  private Response markRead(long mention, String agentId) {
    return api().queryParam("agent_id", agentId).put("/api/v1/mentions/{id}/read", mention);
  }

  private Response registerService(String agentId, long project, Map<String, Object> body) {
    return api()
        .queryParam("agent_id", agentId)
        .queryParam("project_id", project)
        .body(body)
        .post("/api/v1/services/register");
  }

  private JsonNode service(long project, String owner, String name) {
    return ok(
        registerService(
            owner, project, Map.of("service_name", name, "ping_url", "http://127.0.0.1:1/x")),
        SERVICE);
  }

  private Response heartbeat(String name, String agentId, long project) {
    return api()
        .queryParam("agent_id", agentId)
        .queryParam("project_id", project)
        .post("/api/v1/services/{n}/heartbeat", name);
  }

  private Response unregister(String name, String agentId, long project) {
    return api()
        .queryParam("agent_id", agentId)
        .queryParam("project_id", project)
        .delete("/api/v1/services/{n}", name);
  }

  /** A request whose path is sent exactly as written (percent-encodings kept). */
  private static RequestSpecification rawPath(RequestSpecification request) {
    return request.urlEncodingEnabled(false);
  }

  private static JsonNode find(JsonNode list, long id) {
    for (JsonNode item : list) {
      if (item.get("id").asLong() == id) {
        return item;
      }
    }
    throw new AssertionError("id " + id + " not in " + Contract.abbreviate(list));
  }

  private static JsonNode find(JsonNode list, String value, String field) {
    for (JsonNode item : list) {
      if (item.get(field).asText().equals(value)) {
        return item;
      }
    }
    throw new AssertionError(field + " " + value + " not in " + Contract.abbreviate(list));
  }

  private static Set<String> handles(JsonNode list) {
    return new HashSet<>(texts(list, "agent_id"));
  }

  private static Set<String> mentioned(JsonNode list) {
    return new HashSet<>(texts(list, "mentioned_agent_id"));
  }

  private static List<String> texts(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }

  private static List<String> texts(JsonNode list, String field) {
    List<String> out = new ArrayList<>();
    list.forEach(n -> out.add(n.get(field).asText()));
    return out;
  }

  private static void assertNonIncreasing(JsonNode list, String field) {
    List<Instant> values = new ArrayList<>();
    list.forEach(n -> values.add(instant(n, field)));
    List<Instant> sorted = values.stream().sorted(Comparator.reverseOrder()).toList();
    assertEquals(sorted, values, field + " descending");
  }

  private static void assertNonDecreasing(JsonNode list, String field) {
    List<Instant> values = new ArrayList<>();
    list.forEach(n -> values.add(instant(n, field)));
    assertEquals(values.stream().sorted().toList(), values, field + " ascending");
  }

  private static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
    assertFalse(Files.exists(root));
  }
}
