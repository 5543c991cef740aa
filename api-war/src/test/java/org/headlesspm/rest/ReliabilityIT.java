package org.headlesspm.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.headlesspm.testing.HeadlessPmStack;
import org.headlesspm.testing.PayaraService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The API as a separate process under abuse (issue 6): contention, a kill -9 in the middle of
 * writes, a busy database, a vanished or read-only database file, and secrets that must never reach
 * logs or error bodies. The last test breaks the database, so the order is fixed.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReliabilityIT {

  private static final String KEY = "reliability-" + UUID.randomUUID();
  private static final int STALE_SECONDS = 15;
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  private static HeadlessPmStack stack;
  private static PayaraService api;
  private static long project;
  private static long feature;

  @BeforeAll
  static void start() {
    stack =
        HeadlessPmStack.builder()
            .apiKey(KEY)
            .env("HEADLESS_PM_STALE_LOCK_SECONDS", Integer.toString(STALE_SECONDS))
            .start();
    api = stack.service(PayaraService.Kind.API);
    project =
        post("/api/v1/projects", Map.of("name", "Reliability", "description", "abuse"))
            .expect(200)
            .body
            .get("id")
            .asLong();
    register("rel_pm", "project_pm", "principal");
    long epic =
        post(
                "/api/v1/epics?agent_id=rel_pm&project_id=" + project,
                Map.of("name", "Abuse", "description", "e"))
            .expect(200)
            .body
            .get("id")
            .asLong();
    feature =
        post(
                "/api/v1/features?agent_id=rel_pm",
                Map.of("epic_id", epic, "name", "Abuse", "description", "f"))
            .expect(200)
            .body
            .get("id")
            .asLong();
  }

  @AfterAll
  static void stop() {
    if (stack != null) {
      stack.close();
    }
  }

  /** 50 agents race for 10 tasks: one holder per task, one task per agent, all in the log. */
  @Test
  @Order(1)
  void fiftyAgentsRacingForTenTasks() throws Exception {
    int agents = 50;
    Duration length = Duration.ofSeconds(Long.getLong("hpm.contention.seconds", 60));
    List<String> names = new ArrayList<>();
    for (int i = 0; i < agents; i++) {
      names.add("racer_" + i);
      register(names.get(i), "backend_dev", "senior");
    }
    List<Long> tasks = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      tasks.add(createTask("rel_pm", "contended " + i));
    }
    Map<Long, AtomicInteger> locksSeen = new ConcurrentHashMap<>();
    Map<Long, AtomicInteger> releasesSeen = new ConcurrentHashMap<>();
    tasks.forEach(
        t -> {
          locksSeen.put(t, new AtomicInteger());
          releasesSeen.put(t, new AtomicInteger());
        });
    List<String> violations = new CopyOnWriteArrayList<>();
    Instant end = Instant.now().plus(length);
    AtomicBoolean running = new AtomicBoolean(true);
    ExecutorService pool = Executors.newFixedThreadPool(agents + 1);
    List<Future<?>> runs = new ArrayList<>();
    for (String agent : names) {
      runs.add(
          pool.submit(
              () -> {
                Long held = null;
                while (Instant.now().isBefore(end)) {
                  long task = tasks.get(ThreadLocalRandom.current().nextInt(tasks.size()));
                  Answer lock = post("/api/v1/tasks/" + task + "/lock?agent_id=" + agent, null);
                  if (held != null) {
                    if (lock.status != 409) {
                      violations.add(agent + " holding " + held + " locked " + task);
                    }
                    release(held, agent, releasesSeen);
                    held = null;
                  } else if (lock.status == 200) {
                    locksSeen.get(task).incrementAndGet();
                    held = task;
                  } else if (lock.status != 409) {
                    violations.add("lock answered " + lock.status + ": " + lock.body);
                  }
                }
                if (held != null) {
                  release(held, agent, releasesSeen);
                }
                return null;
              }));
    }
    // A watcher samples the board while the race runs.
    AtomicInteger samples = new AtomicInteger();
    Future<?> watcher =
        pool.submit(
            () -> {
              while (running.get()) {
                JsonNode board = get("/api/v1/tasks?project_id=" + project).expect(200).body;
                Set<String> holders = new HashSet<>();
                for (JsonNode task : board) {
                  JsonNode holder = task.get("locked_by");
                  if (!holder.isNull() && !holders.add(holder.asText())) {
                    violations.add(holder.asText() + " holds two tasks: " + board);
                  }
                }
                samples.incrementAndGet();
                sleep(200);
              }
              return null;
            });
    for (Future<?> run : runs) {
      run.get(length.toSeconds() + 120, TimeUnit.SECONDS);
    }
    running.set(false);
    watcher.get(30, TimeUnit.SECONDS);
    pool.shutdown();

    assertEquals(List.of(), violations);
    assertTrue(samples.get() > 0, "the watcher looked at the board");
    int totalLocks = locksSeen.values().stream().mapToInt(AtomicInteger::get).sum();
    assertTrue(totalLocks >= tasks.size(), "the race produced locks: " + totalLocks);
    try (Connection db = database()) {
      for (long task : tasks) {
        List<String[]> rows = changelog(db, task);
        // created→under_work (lock) and under_work→created (release) must alternate, each lock's
        // release written by the same agent: two holders at once would break the pattern.
        int locks = 0;
        int releases = 0;
        String holder = null;
        for (String[] row : rows) {
          if (row[1].equals("under_work")) {
            assertEquals(null, holder, "task " + task + " locked twice in a row: " + row[2]);
            holder = row[2];
            locks++;
          } else if (row[0].equals("under_work")) {
            assertEquals(holder, row[2], "task " + task + " released by a non-holder");
            holder = null;
            releases++;
          }
        }
        assertEquals(locksSeen.get(task).get(), locks, "every lock of task " + task + " logged");
        assertEquals(releasesSeen.get(task).get(), releases, "every release logged");
      }
    }
    JsonNode board = get("/api/v1/tasks?project_id=" + project).expect(200).body;
    for (JsonNode task : board) {
      assertTrue(task.get("locked_by").isNull(), "all released: " + task);
    }
    System.out.printf(
        "Contention: %d agents, 10 tasks, %d s: %d locks won, %d board samples, 0 violations%n",
        agents, length.toSeconds(), totalLocks, samples.get());
  }

  /**
   * Twenty agents write while the API is killed with SIGKILL: everything acknowledged survives, the
   * file stays intact, and the locks of agents that never come back are reclaimed.
   */
  @Test
  @Order(2)
  void aKillNineLosesNothingAcknowledged() throws Exception {
    int writers = 20;
    for (int i = 0; i < writers; i++) {
      register("writer_" + i, "backend_dev", "principal");
    }
    ConcurrentLinkedQueue<Long> tasksAcknowledged = new ConcurrentLinkedQueue<>();
    ConcurrentLinkedQueue<Long> documentsAcknowledged = new ConcurrentLinkedQueue<>();
    Map<Long, String> locksAcknowledged = new ConcurrentHashMap<>();
    AtomicInteger failures = new AtomicInteger();
    AtomicBoolean writing = new AtomicBoolean(true);
    ExecutorService pool = Executors.newFixedThreadPool(writers);
    List<Future<?>> runs = new ArrayList<>();
    for (int i = 0; i < writers; i++) {
      String agent = "writer_" + i;
      runs.add(
          pool.submit(
              () -> {
                boolean holding = false;
                for (int n = 0; writing.get(); n++) {
                  try {
                    Answer task = postOnce(taskPath(agent), taskBody(agent + " task " + n));
                    if (task.status == 200) {
                      long id = task.body.get("id").asLong();
                      tasksAcknowledged.add(id);
                      if (!holding
                          && postOnce("/api/v1/tasks/" + id + "/lock?agent_id=" + agent, null)
                                  .status
                              == 200) {
                        locksAcknowledged.put(id, agent);
                        holding = true;
                      }
                    }
                    Answer doc =
                        postOnce(
                            "/api/v1/documents?author_id=" + agent + "&project_id=" + project,
                            Map.of(
                                "doc_type",
                                "update",
                                "title",
                                agent + " note " + n,
                                "content",
                                "progress report for @rel_pm"));
                    if (doc.status == 200) {
                      documentsAcknowledged.add(doc.body.get("id").asLong());
                    }
                  } catch (IOException e) {
                    failures.incrementAndGet();
                    sleep(50);
                  }
                }
                return null;
              }));
    }
    waitUntil(Duration.ofSeconds(60), () -> documentsAcknowledged.size() >= 100);
    api.kill();
    writing.set(false);
    for (Future<?> run : runs) {
      run.get(60, TimeUnit.SECONDS);
    }
    pool.shutdown();
    assertTrue(failures.get() > 0, "the writers were cut off by the kill");

    try (Connection db = database();
        Statement statement = db.createStatement()) {
      assertEquals("ok", single(statement, "PRAGMA integrity_check"));
      assertEquals(0, count(statement, "SELECT count(*) FROM pragma_foreign_key_check"));
    }
    api.start();
    for (long id : tasksAcknowledged) {
      assertEquals(200, get("/api/v1/tasks/" + id).status, "task " + id + " survived");
    }
    for (long id : documentsAcknowledged) {
      assertEquals(200, get("/api/v1/documents/" + id).status, "document " + id + " survived");
    }
    for (Map.Entry<Long, String> lock : locksAcknowledged.entrySet()) {
      assertEquals(
          lock.getValue(),
          get("/api/v1/tasks/" + lock.getKey()).body.get("locked_by").asText(),
          "lock of task " + lock.getKey() + " survived");
    }
    assertFalse(locksAcknowledged.isEmpty(), "some locks were taken before the kill");

    // The writers never come back: once they are silent for the threshold, asking for work
    // (which sweeps stale locks first) hands their tasks back.
    waitUntil(
        Duration.ofSeconds(STALE_SECONDS * 4L),
        () -> {
          get("/api/v1/tasks/next?role=backend_dev&level=principal&simulate=true"
                  + "&project_id="
                  + project)
              .expect(200);
          return locksAcknowledged.keySet().stream()
              .allMatch(id -> get("/api/v1/tasks/" + id).body.get("locked_by").isNull());
        });
    try (Connection db = database()) {
      for (Map.Entry<Long, String> lock : locksAcknowledged.entrySet()) {
        List<String[]> rows = changelog(db, lock.getKey());
        String[] last = rows.get(rows.size() - 1);
        assertEquals("created", last[1], "task " + lock.getKey() + " is back to created");
        assertEquals("system", last[2]);
        assertEquals("offline", agentStatus(lock.getValue()), lock.getValue());
      }
    }
    System.out.printf(
        "Kill -9: %d tasks, %d documents, %d locks acknowledged before the kill; all present after"
            + " restart; integrity ok; %d stale locks reclaimed%n",
        tasksAcknowledged.size(),
        documentsAcknowledged.size(),
        locksAcknowledged.size(),
        locksAcknowledged.size());
  }

  /** A writer holding the database keeps writes waiting, never failing, and probes answering. */
  @Test
  @Order(3)
  void healthAnswersWhileTheDatabaseIsBusy() throws Exception {
    ExecutorService pool = Executors.newSingleThreadExecutor();
    try (Connection db = database();
        Statement statement = db.createStatement()) {
      statement.execute("BEGIN EXCLUSIVE");
      Future<Answer> write =
          pool.submit(
              () -> post("/api/v1/projects", Map.of("name", "Busy", "description", "waits")));
      for (String probe : List.of("/health/live", "/health/ready", "/health", "/api/v1/projects")) {
        assertEquals(200, get(probe).status, probe + " while the database is busy");
      }
      sleep(2000);
      assertFalse(write.isDone(), "the write waits for the database");
      statement.execute("COMMIT");
      assertEquals(200, write.get(30, TimeUnit.SECONDS).status);
    } finally {
      pool.shutdown();
    }
    assertTrue(
        get("/api/v1/projects").body.findValuesAsText("name").contains("Busy"),
        "the waiting write was stored");
  }

  /** Neither the right key nor a wrong one appears in a log or an error body. */
  @Test
  @Order(4)
  void secretsStayOutOfLogsAndErrors() throws Exception {
    String wrong = "wrong-" + UUID.randomUUID();
    for (String key : List.of("", wrong)) {
      HttpRequest request =
          HttpRequest.newBuilder(URI.create(stack.apiUrl() + "/api/v1/agents"))
              .header("X-API-Key", key.isEmpty() ? " " : key)
              .build();
      HttpResponse<String> answer = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
      assertEquals(401, answer.statusCode());
      assertEquals("Invalid API key", JSON.readTree(answer.body()).get("detail").asText());
      assertFalse(answer.body().contains(KEY) || answer.body().contains(wrong), answer.body());
    }
    String log = Files.readString(api.log());
    assertFalse(log.contains(KEY), "the API key is in the log");
    assertFalse(log.contains(wrong), "a presented key is in the log");
    assertTrue(log.contains("headless-pm"), "the log is the API's");
  }

  /** A deleted or read-only database file makes the API not ready, with the reason. */
  @Test
  @Order(5)
  void aVanishedOrReadOnlyDatabaseIsNotReady() throws Exception {
    Path file = stack.databaseFile();
    assertEquals(200, get("/health/ready").status);
    if (makeReadOnly(file, true)) {
      try {
        Answer ready = get("/health/ready");
        assertEquals(503, ready.status);
        assertTrue(ready.body.toString().contains("not writable"), ready.body.toString());
      } finally {
        makeReadOnly(file, false);
      }
      assertEquals(200, get("/health/ready").status, "ready again once writable");
    }
    Files.move(file, file.resolveSibling("moved-away.db"));
    Answer ready = get("/health/ready");
    assertEquals(503, ready.status);
    assertTrue(ready.body.toString().contains("is gone"), ready.body.toString());
    Answer legacy = get("/health").expect(200);
    assertEquals("degraded", legacy.body.get("status").asText());
    assertTrue(
        legacy.body.get("database").asText().startsWith("unhealthy: "), legacy.body.toString());
    assertEquals(200, get("/health/live").status, "alive, so an orchestrator does not loop");
  }

  // ---------------------------------------------------------------------------------------------

  private static boolean makeReadOnly(Path file, boolean readOnly) throws Exception {
    if (!"root".equals(System.getProperty("user.name"))) {
      return file.toFile().setWritable(!readOnly);
    }
    // Root ignores permission bits; the immutable attribute binds it too (ext4 and most others).
    Process chattr = new ProcessBuilder("chattr", readOnly ? "+i" : "-i", file.toString()).start();
    return chattr.waitFor(10, TimeUnit.SECONDS) && chattr.exitValue() == 0;
  }

  private static void release(long task, String agent, Map<Long, AtomicInteger> releases) {
    Answer answer =
        put("/api/v1/tasks/" + task + "/status?agent_id=" + agent, Map.of("status", "created"));
    if (answer.status == 200) {
      releases.get(task).incrementAndGet();
    } else {
      throw new AssertionError("release answered " + answer.status + ": " + answer.body);
    }
  }

  private static String agentStatus(String agent) {
    for (JsonNode record :
        get("/api/v1/agents/availability?project_id=" + project).expect(200).body) {
      if (record.get("agent_id").asText().equals(agent)) {
        return record.get("status").asText();
      }
    }
    throw new AssertionError(agent + " is not listed");
  }

  private static void register(String agent, String role, String level) {
    post(
            "/api/v1/register",
            Map.of("agent_id", agent, "project_id", project, "role", role, "level", level))
        .expect(200);
  }

  private static long createTask(String creator, String title) {
    return post(taskPath(creator), taskBody(title)).expect(200).body.get("id").asLong();
  }

  private static String taskPath(String creator) {
    return "/api/v1/tasks/create?agent_id=" + creator;
  }

  private static Map<String, Object> taskBody(String title) {
    return Map.of(
        "feature_id",
        feature,
        "title",
        title,
        "description",
        "work",
        "target_role",
        "backend_dev",
        "difficulty",
        "junior",
        "branch",
        "feature/x");
  }

  /** The task's changelog in write order: {old, new, changed_by}. */
  private static List<String[]> changelog(Connection db, long task) throws SQLException {
    List<String[]> rows = new ArrayList<>();
    try (Statement statement = db.createStatement();
        ResultSet rs =
            statement.executeQuery(
                "SELECT old_status, new_status, changed_by FROM changelog WHERE task_id = "
                    + task
                    + " ORDER BY id")) {
      while (rs.next()) {
        rows.add(new String[] {rs.getString(1), rs.getString(2), rs.getString(3)});
      }
    }
    return rows;
  }

  private static Connection database() throws SQLException {
    Connection connection = DriverManager.getConnection("jdbc:sqlite:" + stack.databaseFile());
    try (Statement statement = connection.createStatement()) {
      statement.execute("PRAGMA busy_timeout = 10000");
    }
    return connection;
  }

  private static String single(Statement statement, String sql) throws SQLException {
    try (ResultSet rs = statement.executeQuery(sql)) {
      rs.next();
      return rs.getString(1);
    }
  }

  private static int count(Statement statement, String sql) throws SQLException {
    return Integer.parseInt(single(statement, sql));
  }

  private static void waitUntil(Duration timeout, java.util.function.BooleanSupplier condition) {
    Instant deadline = Instant.now().plus(timeout);
    while (!condition.getAsBoolean()) {
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError("condition not met within " + timeout);
      }
      sleep(500);
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  // --- HTTP --------------------------------------------------------------------------------------

  private record Answer(int status, JsonNode body) {
    Answer expect(int wanted) {
      if (status != wanted) {
        throw new AssertionError("expected " + wanted + " but got " + status + ": " + body);
      }
      return this;
    }
  }

  private static Answer get(String path) {
    return call(HttpRequest.newBuilder(URI.create(stack.apiUrl() + path)).GET());
  }

  private static Answer post(String path, Object body) {
    return call(HttpRequest.newBuilder(URI.create(stack.apiUrl() + path)).POST(json(body)));
  }

  private static Answer put(String path, Object body) {
    return call(HttpRequest.newBuilder(URI.create(stack.apiUrl() + path)).PUT(json(body)));
  }

  /** One attempt that lets connection failures through (the kill test counts them). */
  private static Answer postOnce(String path, Object body) throws IOException {
    try {
      return send(HttpRequest.newBuilder(URI.create(stack.apiUrl() + path)).POST(json(body)));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(e);
    }
  }

  private static Answer call(HttpRequest.Builder request) {
    try {
      return send(request);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static Answer send(HttpRequest.Builder request) throws IOException, InterruptedException {
    HttpResponse<String> response =
        HTTP.send(
            request
                .header("X-API-Key", KEY)
                .header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(60))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    String text = response.body();
    return new Answer(
        response.statusCode(), text.isBlank() ? JSON.nullNode() : JSON.readTree(text));
  }

  private static HttpRequest.BodyPublisher json(Object body) {
    try {
      return body == null
          ? HttpRequest.BodyPublishers.noBody()
          : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
