package org.headlesspm.rest;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.sqlite.SQLiteDataSource;

/**
 * A database created by the previous schema version is upgraded at start-up with its data intact
 * (API-ADDENDUM.md A4.9, OPERATIONS.md 6.3): the test writes a version-1 database the way the
 * version-1 server wrote it, then boots the current server on it.
 *
 * <p>This class also covers the "restart" of A8 scenario 26: the server starts on a database that
 * already holds a {@code dashboard-user} record, repairs it in place (same id) instead of adding a
 * second one, and creates the missing record of the other project, so that every project has
 * exactly one.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SchemaUpgradeIT extends ApiTest {

  private static final DateTimeFormatter STORED =
      DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss.SSSSSS").withZone(ZoneOffset.UTC);

  /** Long ago: version-1 rows written at known instants. */
  private static final Instant CREATED = Instant.parse("2025-01-02T03:04:05.123456Z");

  private static final Instant UPDATED = Instant.parse("2025-02-03T04:05:06.654321Z");

  /** Recent: the lock holder must not look stale, or the first selection would reclaim its lock. */
  private static Instant recent;

  @Deployment(testable = false)
  static WebArchive deployment() {
    ApiDeployment.prepareHome();
    recent = Instant.now().minusSeconds(60).truncatedTo(ChronoUnit.MICROS);
    writeVersionOneDatabase(ApiDeployment.databaseFile());
    createProjectFolders("headless-pm", "legacytwo");
    return ApiDeployment.apiWith(AddendumScenariosIT.GIT_CONFIG);
  }

  // --- the version-1 database --------------------------------------------------------------

  private static void writeVersionOneDatabase(Path file) {
    SQLiteDataSource dataSource = new SQLiteDataSource();
    dataSource.setUrl("jdbc:sqlite:" + file);
    Flyway.configure()
        .dataSource(dataSource)
        .locations("classpath:db/migration/sqlite")
        .target("1")
        .load()
        .migrate();
    try (Connection db = dataSource.getConnection()) {
      db.setAutoCommit(false);
      String created = STORED.format(CREATED);
      String updated = STORED.format(UPDATED);
      String now = STORED.format(recent);
      insert(
          db,
          "project",
          row(
              "id", 1,
              "name", "Headless-PM",
              "description", "Headless PM application development and infrastructure",
              "shared_path", "./projects/headless-pm/shared",
              "instructions_path", "./projects/headless-pm/instructions",
              "project_docs_path", "./projects/headless-pm/docs",
              "code_guidelines_path", "./CLAUDE.md",
              "created_at", created,
              "updated_at", updated));
      insert(
          db,
          "project",
          row(
              "id", 2,
              "name", "Legacy Two",
              "description", "",
              "shared_path", "./projects/legacytwo/shared",
              "instructions_path", "./projects/legacytwo/instructions",
              "project_docs_path", "./projects/legacytwo/docs",
              "code_guidelines_path", null,
              "created_at", created,
              "updated_at", created));
      // As the version-1 server seeded it (API.md 4.12 step 2).
      agent(db, 1, "dashboard-user", 1, "project_pm", "senior", "client", "idle", null, created);
      agent(db, 2, "v1_pm", 1, "project_pm", "senior", "client", "idle", null, created);
      agent(db, 3, "v1_dev", 1, "backend_dev", "senior", "mcp", "working", 2, now);
      agent(db, 4, "v1_gone", 1, "qa", "junior", "client", "offline", null, created);
      agent(db, 5, "v1_gpm", 2, "global_pm", "principal", "client", "idle", null, created);
      agent(db, 6, "v1_pm", 2, "project_pm", "senior", "client", "idle", null, created);
      insert(
          db,
          "epic",
          row(
              "id",
              1,
              "project_id",
              1,
              "name",
              "Legacy epic",
              "description",
              "epic words",
              "created_at",
              created));
      insert(
          db,
          "feature",
          row("id", 1, "epic_id", 1, "name", "Legacy feature", "description", "feature words"));
      task(db, 1, "Legacy task", "created", null, null, null, null, created);
      task(db, 2, "Legacy locked task", "under_work", 3, now, "created", "some notes", now);
      task(db, 3, "Legacy done task", "committed", null, null, null, "done", updated);
      changelog(db, 1, 1, "created", "created", "v1_pm", "Task created", created);
      changelog(db, 2, 2, "created", "created", "v1_pm", "Task created", created);
      changelog(db, 3, 3, "created", "created", "v1_pm", "Task created", created);
      changelog(db, 4, 3, "created", "committed", "v1_pm", "done", updated);
      changelog(db, 5, 2, "created", "under_work", "v1_dev", null, now);
      insert(
          db,
          "document",
          row(
              "id",
              1,
              "project_id",
              1,
              "doc_type",
              "update",
              "author_id",
              "v1_pm",
              "title",
              "Legacy status",
              "content",
              "Hello @v1_dev",
              "meta_data",
              "{\"k\": \"v\"}",
              "created_at",
              created,
              "updated_at",
              updated,
              "expires_at",
              null));
      insert(
          db,
          "mention",
          row(
              "id",
              1,
              "project_id",
              1,
              "document_id",
              1,
              "task_id",
              null,
              "mentioned_agent_id",
              "v1_dev",
              "created_by",
              "v1_pm",
              "is_read",
              0,
              "created_at",
              created));
      insert(
          db,
          "service",
          row(
              "id",
              1,
              "project_id",
              1,
              "service_name",
              "legacy-api",
              "owner_agent_id",
              "v1_dev",
              "ping_url",
              "http://127.0.0.1:1/health",
              "port",
              8080,
              "status",
              "down",
              "last_heartbeat",
              created,
              "last_ping_at",
              null,
              "last_ping_success",
              null,
              "meta_data",
              "{\"version\": \"1\"}",
              "updated_at",
              created));
      db.commit();
    } catch (SQLException e) {
      throw new IllegalStateException("could not write the version-1 database", e);
    }
  }

  private static void agent(
      Connection db,
      long id,
      String handle,
      long project,
      String role,
      String level,
      String connection,
      String status,
      Integer currentTask,
      String seen)
      throws SQLException {
    insert(
        db,
        "agent",
        row(
            "id", id,
            "agent_id", handle,
            "project_id", project,
            "role", role,
            "level", level,
            "connection_type", connection,
            "status", status,
            "current_task_id", currentTask,
            "last_seen", seen,
            "last_activity", seen));
  }

  private static void task(
      Connection db,
      long id,
      String title,
      String status,
      Integer lockedBy,
      String lockedAt,
      String statusBeforeLock,
      String notes,
      String updated)
      throws SQLException {
    insert(
        db,
        "task",
        row(
            "id",
            id,
            "feature_id",
            1,
            "title",
            title,
            "description",
            "description of " + title,
            "created_by_id",
            2,
            "created_by",
            "v1_pm",
            "target_role",
            id == 3 ? "frontend_dev" : "backend_dev",
            "difficulty",
            id == 2 ? "senior" : "junior",
            "complexity",
            id == 1 ? "minor" : "major",
            "branch",
            "feature/legacy-" + id,
            "status",
            status,
            "locked_by_id",
            lockedBy,
            "locked_at",
            lockedAt,
            "status_before_lock",
            statusBeforeLock,
            "notes",
            notes,
            "created_at",
            STORED.format(CREATED),
            "updated_at",
            updated));
  }

  private static void changelog(
      Connection db, long id, long task, String from, String to, String by, String notes, String at)
      throws SQLException {
    insert(
        db,
        "changelog",
        row(
            "id", id,
            "task_id", task,
            "old_status", from,
            "new_status", to,
            "changed_by", by,
            "notes", notes,
            "changed_at", at));
  }

  private static Map<String, Object> row(Object... keysAndValues) {
    Map<String, Object> row = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      row.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return row;
  }

  private static void insert(Connection db, String table, Map<String, Object> row)
      throws SQLException {
    String sql =
        "INSERT INTO "
            + table
            + " ("
            + String.join(", ", row.keySet())
            + ") VALUES ("
            + String.join(", ", row.keySet().stream().map(k -> "?").toList())
            + ")";
    try (PreparedStatement insert = db.prepareStatement(sql)) {
      int i = 1;
      for (Object value : row.values()) {
        insert.setObject(i++, value);
      }
      insert.executeUpdate();
    }
  }

  /** The version-1 server had created the folders of its projects (API.md 4.11.2). */
  private static void createProjectFolders(String... directories) {
    try {
      for (String directory : directories) {
        for (String sub : List.of("shared", "instructions", "docs")) {
          Files.createDirectories(
              ApiDeployment.home().resolve("projects").resolve(directory).resolve(sub));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  // --- after the upgrade ---------------------------------------------------------------------

  @Test
  @Order(1)
  void serverIsReadyAndHistoryShowsBothVersions() throws SQLException {
    anonymous().get("/health/ready").then().statusCode(200);
    List<String> versions = new ArrayList<>();
    try (Connection db = database();
        Statement query = db.createStatement();
        ResultSet rows =
            query.executeQuery(
                "SELECT version, success FROM flyway_schema_history"
                    + " WHERE version IS NOT NULL ORDER BY installed_rank")) {
      while (rows.next()) {
        versions.add(rows.getString("version"));
        assertTrue(rows.getBoolean("success"), "migration " + rows.getString("version"));
      }
    }
    assertEquals(List.of("1", "2", "3"), versions);
  }

  @Test
  @Order(2)
  void projectsKeepTheirDataAndGetRepositorySettings() {
    JsonPath projects =
        api()
            .get("/api/v1/projects")
            .then()
            .statusCode(200)
            .body("", hasSize(2))
            .extract()
            .jsonPath();
    assertEquals(List.of(1, 2), projects.getList("id", Integer.class));
    assertEquals("Headless-PM", projects.getString("[0].name"));
    assertEquals(
        "Headless PM application development and infrastructure",
        projects.getString("[0].description"));
    assertEquals("./projects/headless-pm/shared", projects.getString("[0].shared_path"));
    assertEquals(
        "./projects/headless-pm/instructions", projects.getString("[0].instructions_path"));
    assertEquals("./projects/headless-pm/docs", projects.getString("[0].project_docs_path"));
    assertEquals("./CLAUDE.md", projects.getString("[0].code_guidelines_path"));
    assertEquals(CREATED, Instant.parse(projects.getString("[0].created_at")));
    assertEquals(UPDATED, Instant.parse(projects.getString("[0].updated_at")), "back-fill only");
    assertEquals(
        "http://git.test:9000/git/headless-pm.git", projects.getString("[0].repository_url"));
    assertEquals("main", projects.getString("[0].repository_main_branch"));
    assertNull(projects.get("[0].repository_clone_path"));
    assertEquals(4, projects.getInt("[0].agent_count"), "four v1 records, dashboard included");
    assertEquals(1, projects.getInt("[0].epic_count"));
    assertEquals(3, projects.getInt("[0].task_count"));

    assertEquals("Legacy Two", projects.getString("[1].name"));
    assertEquals("", projects.getString("[1].description"));
    assertEquals("./projects/legacytwo/shared", projects.getString("[1].shared_path"));
    assertNull(projects.get("[1].code_guidelines_path"));
    assertEquals(
        "http://git.test:9000/git/legacytwo.git", projects.getString("[1].repository_url"));
    assertEquals("main", projects.getString("[1].repository_main_branch"));
    assertEquals(3, projects.getInt("[1].agent_count"), "two v1 records and a new dashboard one");

    api()
        .get("/api/v1/context/1")
        .then()
        .statusCode(200)
        .body("project_name", equalTo("Headless-PM"))
        .body("repository_url", equalTo("http://git.test:9000/git/headless-pm.git"))
        .body("repository_main_branch", equalTo("main"))
        .body("repository_clone_path", nullValue());
  }

  @Test
  @Order(3)
  void agentsKeepTheirRecords() {
    JsonPath inDefault = agents(1);
    assertAgent(inDefault, "v1_pm", 2, "project_pm", "senior", "client", CREATED);
    assertAgent(inDefault, "v1_dev", 3, "backend_dev", "senior", "mcp", recent);
    assertAgent(inDefault, "v1_gone", 4, "qa", "junior", "client", CREATED);
    JsonPath inTwo = agents(2);
    assertAgent(inTwo, "v1_gpm", 5, "global_pm", "principal", "client", CREATED);
    assertAgent(inTwo, "v1_pm", 6, "project_pm", "senior", "client", CREATED);

    JsonPath gone = availability("v1_gone", 1);
    assertEquals("offline", gone.getString("status"));
    assertEquals(CREATED, Instant.parse(gone.getString("last_activity")));
    JsonPath holder = availability("v1_dev", 1);
    assertEquals("working", holder.getString("status"));
    assertEquals(2, holder.getInt("current_task_id"));
    assertEquals("Legacy locked task", holder.getString("current_task_title"));
  }

  @Test
  @Order(4)
  void everyProjectHasExactlyOneDashboardRecordAndTheOldOneKeptItsId() throws SQLException {
    JsonPath all = api().get("/api/v1/agents").then().statusCode(200).extract().jsonPath();
    List<Integer> projects =
        all.getList("findAll { it.agent_id == 'dashboard-user' }.project_id", Integer.class);
    assertEquals(2, projects.size(), "one per project, no second one in the default project");
    assertTrue(projects.containsAll(List.of(1, 2)), projects.toString());

    JsonPath inDefault = agents(1);
    // Repaired in place: same id, new role, level and connection type, last_seen untouched.
    assertAgent(inDefault, "dashboard-user", 1, "ui_admin", "principal", "ui", CREATED);
    assertEquals("idle", availability("dashboard-user", 1).getString("status"));

    JsonPath inTwo = agents(2);
    List<Object> twoRecords = inTwo.getList("findAll { it.agent_id == 'dashboard-user' }");
    assertEquals(1, twoRecords.size());
    long newId = inTwo.getLong("find { it.agent_id == 'dashboard-user' }.id");
    assertTrue(newId > 6, "a new record after the version-1 ones: " + newId);
    assertEquals("ui_admin", inTwo.getString("find { it.agent_id == 'dashboard-user' }.role"));
    assertEquals("principal", inTwo.getString("find { it.agent_id == 'dashboard-user' }.level"));
    assertEquals("ui", inTwo.getString("find { it.agent_id == 'dashboard-user' }.connection_type"));
    JsonPath newRecord = availability("dashboard-user", 2);
    assertEquals("idle", newRecord.getString("status"));
    assertNull(newRecord.get("current_task_id"));

    // The file agrees: exactly one record per project.
    try (Connection db = database();
        Statement query = db.createStatement();
        ResultSet rows =
            query.executeQuery(
                "SELECT project_id, COUNT(*) AS n, MIN(id) AS first FROM agent"
                    + " WHERE agent_id = 'dashboard-user' GROUP BY project_id ORDER BY project_id")) {
      assertTrue(rows.next());
      assertEquals(1, rows.getLong("project_id"));
      assertEquals(1, rows.getInt("n"));
      assertEquals(1, rows.getLong("first"));
      assertTrue(rows.next());
      assertEquals(2, rows.getLong("project_id"));
      assertEquals(1, rows.getInt("n"));
      assertEquals(newId, rows.getLong("first"));
      assertTrue(!rows.next());
    }
  }

  @Test
  @Order(5)
  void tasksKeepTheirDataIncludingTheLock() {
    JsonPath one = task(1);
    assertEquals("Legacy task", one.getString("title"));
    assertEquals("description of Legacy task", one.getString("description"));
    assertEquals("v1_pm", one.getString("created_by"));
    assertEquals("backend_dev", one.getString("target_role"));
    assertEquals("junior", one.getString("difficulty"));
    assertEquals("minor", one.getString("complexity"));
    assertEquals("feature/legacy-1", one.getString("branch"));
    assertEquals("created", one.getString("status"));
    assertNull(one.get("locked_by"));
    assertNull(one.get("notes"));
    assertEquals(1, one.getInt("feature_id"));
    assertEquals(1, one.getInt("epic_id"));
    assertEquals(1, one.getInt("project_id"));
    assertEquals(CREATED, Instant.parse(one.getString("created_at")));
    assertEquals(CREATED, Instant.parse(one.getString("updated_at")));
    assertNewFieldsOfAnOldTask(one);

    JsonPath locked = task(2);
    assertEquals("under_work", locked.getString("status"));
    assertEquals("v1_dev", locked.getString("locked_by"));
    assertEquals(recent, Instant.parse(locked.getString("locked_at")));
    assertEquals("some notes", locked.getString("notes"));
    assertEquals("senior", locked.getString("difficulty"));
    assertNewFieldsOfAnOldTask(locked);

    JsonPath done = task(3);
    assertEquals("committed", done.getString("status"));
    assertEquals("frontend_dev", done.getString("target_role"));
    assertEquals(UPDATED, Instant.parse(done.getString("updated_at")));
    assertNewFieldsOfAnOldTask(done);

    JsonPath listed =
        api().get("/api/v1/tasks?project_id=1").then().statusCode(200).extract().jsonPath();
    assertEquals(3, listed.getList("").size());
    assertEquals(List.of("regular"), listed.getList("task_type").stream().distinct().toList());
    assertEquals(List.of(0), listed.getList("total_time_minutes").stream().distinct().toList());
    assertEquals(
        List.of("0m"), listed.getList("total_time_formatted").stream().distinct().toList());
    assertEquals(0, timeOf(2).getInt("total_minutes"));
  }

  @Test
  @Order(6)
  void changelogKeepsItsRows() {
    JsonPath log =
        api().get("/api/v1/changelog?limit=100").then().statusCode(200).extract().jsonPath();
    assertEquals(List.of(5, 4, 3, 2, 1), log.getList("id", Integer.class), "newest first");
    Map<String, Object> lock = log.getMap("find { it.id == 5 }");
    assertEquals(2, lock.get("task_id"));
    assertEquals("created", lock.get("old_status"));
    assertEquals("under_work", lock.get("new_status"));
    assertEquals("v1_dev", lock.get("changed_by"));
    assertNull(lock.get("notes"));
    assertEquals(recent, Instant.parse((String) lock.get("changed_at")));
    Map<String, Object> committed = log.getMap("find { it.id == 4 }");
    assertEquals(3, committed.get("task_id"));
    assertEquals("committed", committed.get("new_status"));
    assertEquals("done", committed.get("notes"));
    assertEquals(UPDATED, Instant.parse((String) committed.get("changed_at")));
    assertEquals("Task created", log.getString("find { it.id == 1 }.notes"));
  }

  @Test
  @Order(7)
  void documentAndMentionAreKept() {
    api()
        .get("/api/v1/documents/1")
        .then()
        .statusCode(200)
        .body("project_id", equalTo(1))
        .body("doc_type", equalTo("update"))
        .body("author_id", equalTo("v1_pm"))
        .body("title", equalTo("Legacy status"))
        .body("content", equalTo("Hello @v1_dev"))
        .body("meta_data.k", equalTo("v"))
        .body("expires_at", nullValue())
        .body("mentions", equalTo(List.of("v1_dev")))
        .body("created_at", equalTo("2025-01-02T03:04:05.123456Z"))
        .body("updated_at", equalTo("2025-02-03T04:05:06.654321Z"));
    api()
        .get("/api/v1/mentions?project_id=1&agent_id=v1_dev")
        .then()
        .statusCode(200)
        .body("", hasSize(1))
        .body("[0].id", equalTo(1))
        .body("[0].document_id", equalTo(1))
        .body("[0].task_id", nullValue())
        .body("[0].created_by", equalTo("v1_pm"))
        .body("[0].is_read", equalTo(false))
        .body("[0].document_title", equalTo("Legacy status"))
        .body("[0].created_at", equalTo("2025-01-02T03:04:05.123456Z"));
  }

  @Test
  @Order(8)
  void serviceIsKept() {
    api()
        .get("/api/v1/services?project_id=1")
        .then()
        .statusCode(200)
        .body("", hasSize(1))
        .body("[0].id", equalTo(1))
        .body("[0].service_name", equalTo("legacy-api"))
        .body("[0].owner_agent_id", equalTo("v1_dev"))
        .body("[0].ping_url", equalTo("http://127.0.0.1:1/health"))
        .body("[0].port", equalTo(8080))
        .body("[0].status", equalTo("down"))
        .body("[0].meta_data.version", equalTo("1"))
        .body("[0].last_heartbeat", equalTo("2025-01-02T03:04:05.123456Z"));
  }

  @Test
  @Order(9)
  void timeCanBeRecordedOnAnOldTask() throws SQLException {
    api()
        .queryParam("agent_id", "dashboard-user")
        .body(Map.of("time_input", "1h", "description", "after the upgrade"))
        .post("/api/v1/tasks/1/time")
        .then()
        .statusCode(200)
        .body("task_id", equalTo(1))
        .body("minutes", equalTo(60))
        .body("created_by", equalTo("dashboard-user"));
    api()
        .get("/api/v1/tasks/1")
        .then()
        .body("total_time_minutes", equalTo(60))
        .body("total_time_formatted", equalTo("1h"))
        .body("updated_at", equalTo("2025-01-02T03:04:05.123456Z"));
    try (Connection db = database();
        Statement query = db.createStatement();
        ResultSet rows =
            query.executeQuery("SELECT task_id, minutes, description, created_by FROM timeentry")) {
      assertTrue(rows.next());
      assertEquals(1, rows.getLong("task_id"));
      assertEquals(60, rows.getInt("minutes"));
      assertEquals("after the upgrade", rows.getString("description"));
      assertEquals("dashboard-user", rows.getString("created_by"));
      assertTrue(!rows.next());
    }
  }

  @Test
  @Order(10)
  void theOldLockIsReleasedNormally() {
    api()
        .queryParam("agent_id", "v1_dev")
        .body(Map.of("status", "dev_done", "notes", "finished after the upgrade"))
        .put("/api/v1/tasks/2/status")
        .then()
        .statusCode(200)
        .body("task.status", equalTo("dev_done"))
        .body("task.locked_by", nullValue())
        .body("task.locked_at", nullValue());
    JsonPath holder = availability("v1_dev", 1);
    assertEquals("idle", holder.getString("status"));
    assertNull(holder.get("current_task_id"));
    api()
        .get("/api/v1/changelog?task_id=2")
        .then()
        .body("[0].old_status", equalTo("under_work"))
        .body("[0].new_status", equalTo("dev_done"))
        .body("[0].changed_by", equalTo("v1_dev"));
    // New rows continue after the old ids (AUTOINCREMENT survived the upgrade).
    assertTrue(
        api().get("/api/v1/changelog?task_id=2").jsonPath().getInt("[0].id") > 5,
        "new changelog ids follow the version-1 ones");
  }

  // --- helpers -------------------------------------------------------------------------------

  private static Connection database() throws SQLException {
    Connection db = DriverManager.getConnection("jdbc:sqlite:" + ApiDeployment.databaseFile());
    try (Statement pragma = db.createStatement()) {
      pragma.execute("PRAGMA busy_timeout = 10000");
    }
    return db;
  }

  private JsonPath agents(long project) {
    return api()
        .get("/api/v1/agents?project_id=" + project)
        .then()
        .statusCode(200)
        .extract()
        .jsonPath();
  }

  private static void assertAgent(
      JsonPath records,
      String handle,
      long id,
      String role,
      String level,
      String connection,
      Instant lastSeen) {
    List<Map<String, Object>> matching =
        records.getList("findAll { it.agent_id == '" + handle + "' }");
    assertEquals(1, matching.size(), handle);
    Map<String, Object> agent = matching.get(0);
    assertEquals(id, ((Number) agent.get("id")).longValue(), handle + " id");
    assertEquals(role, agent.get("role"), handle + " role");
    assertEquals(level, agent.get("level"), handle + " level");
    assertEquals(connection, agent.get("connection_type"), handle + " connection_type");
    assertEquals(lastSeen, Instant.parse((String) agent.get("last_seen")), handle + " last_seen");
  }

  private JsonPath task(long id) {
    return api().get("/api/v1/tasks/{id}", id).then().statusCode(200).extract().jsonPath();
  }

  private JsonPath timeOf(long task) {
    return api().get("/api/v1/tasks/{id}/time", task).then().statusCode(200).extract().jsonPath();
  }

  private static void assertNewFieldsOfAnOldTask(JsonPath task) {
    assertEquals("regular", task.getString("task_type"));
    assertEquals(0, task.getInt("total_time_minutes"));
    assertEquals("0m", task.getString("total_time_formatted"));
  }
}
