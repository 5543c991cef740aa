package org.headlesspm.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /api/v1/tasks/next} waits without a thread and is woken by the event that makes a task
 * available (API.md 1.11, 4.6). Latencies are printed, not asserted, except where the contract
 * distinguishes an event wake-up (well under a second) from the 5 s safety net.
 */
class LongPollIT extends ApiTest {

  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(10))
          .build();

  @Deployment(testable = false)
  static WebArchive deployment() {
    return ApiDeployment.freshApi();
  }

  @Test
  void aWaitingAgentGetsTheTaskCreatedWhileItWaits() throws Exception {
    long project = createProject(unique("Wake"));
    long feature = newFeature(project);
    String pm = unique("pm");
    register(pm, project, "project_pm", "senior");
    List<Long> latencies = new ArrayList<>();
    List<Long> fromInsert = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      CompletableFuture<Answer> waiting = poll(project, "backend_dev", "senior", 30, null);
      Thread.sleep(300); // the request is parked on the server
      long before = System.nanoTime();
      long created = createTaskId(pm, feature, "backend_dev", "junior");
      Answer answer = waiting.get(10, TimeUnit.SECONDS);
      assertEquals(200, answer.status());
      assertTrue(answer.body().contains("\"id\":" + created), answer.body());
      latencies.add(TimeUnit.NANOSECONDS.toMillis(answer.arrivedNanos() - before));
      // Same host, same clock: from the task's insert time (just before its commit) to arrival.
      Instant inserted =
          Instant.parse(
              io.restassured.path.json.JsonPath.from(answer.body()).getString("created_at"));
      fromInsert.add(Duration.between(inserted, answer.arrivedAt()).toMillis());
      // Take the task away so the next round waits again.
      String taker = unique("taker");
      register(taker, project, "backend_dev", "senior");
      api().post("/api/v1/tasks/{id}/lock?agent_id=" + taker, created).then().statusCode(200);
    }
    latencies.sort(Long::compare);
    fromInsert.sort(Long::compare);
    System.out.println(
        "Long-poll wake-up, task inserted -> waiting agent answered, 10 rounds: median "
            + fromInsert.get(5)
            + " ms, max "
            + fromInsert.get(9)
            + " ms "
            + fromInsert);
    System.out.println(
        "Long-poll wake-up, create request sent -> waiting agent answered, 10 rounds: median "
            + latencies.get(5)
            + " ms, max "
            + latencies.get(9)
            + " ms "
            + latencies);
    assertTrue(
        latencies.get(9) < 2000, "woken by the event, not by the 5 s re-check: " + latencies);
  }

  @Test
  void releasedAndDevDoneTasksWakeTheirWaiters() throws Exception {
    long project = createProject(unique("Release"));
    long feature = newFeature(project);
    String pm = unique("pm");
    register(pm, project, "project_pm", "senior");
    String dev = unique("dev");
    register(dev, project, "backend_dev", "senior");
    long task = createTaskId(pm, feature, "backend_dev", "junior");
    api().post("/api/v1/tasks/{id}/lock?agent_id=" + dev, task).then().statusCode(200);

    CompletableFuture<Answer> qa = poll(project, "qa", "junior", 30, null);
    Thread.sleep(300);
    api()
        .queryParam("agent_id", dev)
        .body(Map.of("status", "dev_done"))
        .put("/api/v1/tasks/{id}/status", task)
        .then()
        .statusCode(200);
    assertTrue(
        qa.get(3, TimeUnit.SECONDS).body().contains("\"id\":" + task), "QA woken by dev_done");

    String tester = unique("qa");
    register(tester, project, "qa", "senior");
    api().post("/api/v1/tasks/{id}/lock?agent_id=" + tester, task).then().statusCode(200);
    CompletableFuture<Answer> developer = poll(project, "backend_dev", "junior", 30, null);
    Thread.sleep(300);
    // QA fails the task: back to created, for the developers again.
    api()
        .queryParam("agent_id", tester)
        .body(Map.of("status", "created", "notes", "tests fail"))
        .put("/api/v1/tasks/{id}/status", task)
        .then()
        .statusCode(200);
    assertTrue(
        developer.get(3, TimeUnit.SECONDS).body().contains("\"id\":" + task),
        "developer woken by the return to created");
  }

  @Test
  void oneNewTaskGoesToOneWaiterNotToTheWholeHerd() throws Exception {
    long project = createProject(unique("Herd"));
    long feature = newFeature(project);
    String pm = unique("pm");
    register(pm, project, "project_pm", "senior");
    List<CompletableFuture<Answer>> herd = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      String agent = unique("herd");
      register(agent, project, "frontend_dev", "senior");
      herd.add(poll(project, "frontend_dev", "senior", 8, agent));
    }
    Thread.sleep(500);
    List<Long> created = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      created.add(createTaskId(pm, feature, "frontend_dev", "senior"));
    }
    Set<String> handedOut = new HashSet<>();
    int empty = 0;
    for (CompletableFuture<Answer> waiter : herd) {
      Answer answer = waiter.get(20, TimeUnit.SECONDS);
      assertEquals(200, answer.status());
      if (answer.body().trim().equals("null")) {
        empty++;
      } else {
        assertTrue(
            handedOut.add(answer.body()), "a task was handed to two waiters: " + answer.body());
      }
    }
    assertEquals(3, handedOut.size(), "each new task went to one waiter");
    assertEquals(5, empty, "the others kept waiting until their timeout");
    System.out.println("Herd of 8 waiters, 3 new tasks: 3 distinct tasks handed out, 5 timed out");
  }

  @Test
  void fiveHundredWaitingPollsDoNotSlowOtherRequests() throws Exception {
    long project = createProject(unique("Crowd"));
    List<Long> idle = measureReads(50);
    List<CompletableFuture<Answer>> waiting = new ArrayList<>();
    for (int i = 0; i < 500; i++) {
      waiting.add(poll(project, "architect", "principal", 25, null));
    }
    awaitWaiting(500);
    List<Long> busy = measureReads(50);
    System.out.println("GET /api/v1/projects latency, idle server: " + summary(idle));
    System.out.println("GET /api/v1/projects latency, 500 waiting long-polls: " + summary(busy));

    long feature = newFeature(project);
    String pm = unique("pm");
    register(pm, project, "project_pm", "senior");
    long task = createTaskId(pm, feature, "architect", "junior");
    int gotTask = 0;
    int gotNull = 0;
    for (CompletableFuture<Answer> answer : waiting) {
      Answer a = answer.get(60, TimeUnit.SECONDS);
      assertEquals(200, a.status(), a.body());
      if (a.body().contains("\"id\":" + task)) {
        gotTask++;
      } else if (a.body().trim().equals("null")) {
        gotNull++;
      }
    }
    assertEquals(1, gotTask, "the one new task went to one of the 500 waiters");
    assertEquals(499, gotNull);
  }

  @Test
  void aTimedOutPollAnswersNullNotEarlier() throws Exception {
    long project = createProject(unique("Quiet"));
    long start = System.nanoTime();
    Answer answer = poll(project, "qa", "senior", 3, null).get(20, TimeUnit.SECONDS);
    long waited = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    assertEquals("null", answer.body().trim());
    assertTrue(waited >= 3000, "answered after " + waited + " ms");
  }

  private record Answer(int status, String body, long arrivedNanos, Instant arrivedAt) {}

  private CompletableFuture<Answer> poll(
      long project, String role, String level, int timeout, String agentId) {
    String url =
        root()
            + "/api/v1/tasks/next?role="
            + role
            + "&level="
            + level
            + "&timeout="
            + timeout
            + "&project_id="
            + project
            + (agentId == null ? "" : "&agent_id=" + agentId);
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(url))
            .header("X-API-Key", KEY)
            .timeout(Duration.ofSeconds(timeout + 30))
            .GET()
            .build();
    return http.sendAsync(request, HttpResponse.BodyHandlers.ofString())
        .thenApply(r -> new Answer(r.statusCode(), r.body(), System.nanoTime(), Instant.now()));
  }

  /** Until the server reports that many parked next-task requests. */
  private void awaitWaiting(int count) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (System.nanoTime() < deadline) {
      if (anonymous().get("/status").jsonPath().getInt("metrics.waiting_for_tasks") >= count) {
        return;
      }
      Thread.sleep(100);
    }
    throw new AssertionError("the server never had " + count + " waiting requests");
  }

  private List<Long> measureReads(int count) throws Exception {
    List<Long> micros = new ArrayList<>();
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(root() + "/api/v1/projects"))
            .header("X-API-Key", KEY)
            .GET()
            .build();
    for (int i = 0; i < count; i++) {
      long start = System.nanoTime();
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      micros.add(TimeUnit.NANOSECONDS.toMicros(System.nanoTime() - start));
      assertEquals(200, response.statusCode());
    }
    return micros;
  }

  private static String summary(List<Long> micros) {
    List<Long> sorted = new ArrayList<>(micros);
    sorted.sort(Long::compare);
    return String.format(
        "median %.1f ms, p99 %.1f ms over %d requests",
        sorted.get(sorted.size() / 2) / 1000.0,
        sorted.get((int) Math.ceil(sorted.size() * 0.99) - 1) / 1000.0,
        sorted.size());
  }
}
