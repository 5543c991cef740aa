package org.headlesspm.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.path.json.JsonPath;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

/**
 * Agents racing for locks (API.md 4.4.3): exactly one winner per task, never two locks for one
 * agent, and every lock in the changelog.
 */
class LockRaceIT extends ApiTest {

  private static final int AGENTS = 20;

  private final HttpClient http =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  @Deployment(testable = false)
  static WebArchive deployment() {
    return ApiDeployment.freshApi();
  }

  @Test
  void twentyAgentsLockingOneTaskAtOnceGiveExactlyOneWinner() throws Exception {
    long project = createProject(unique("Race"));
    long feature = newFeature(project);
    List<String> agents = registerAgents(project, "racer");
    for (int round = 0; round < 5; round++) {
      long task = createTaskId(agents.get(0), feature, "backend_dev", "junior");
      List<Integer> statuses = raceToLock(agents, a -> task);
      assertEquals(
          1, statuses.stream().filter(s -> s == 200).count(), "round " + round + ": " + statuses);
      assertEquals(AGENTS - 1, statuses.stream().filter(s -> s == 409).count(), "round " + round);
      System.out.println("Lock race round " + round + ": 1 x 200, " + (AGENTS - 1) + " x 409");

      JsonPath locked = api().get("/api/v1/tasks/{id}", task).jsonPath();
      String winner = locked.getString("locked_by");
      assertEquals("under_work", locked.getString("status"));
      List<Map<String, Object>> working =
          api()
              .get("/api/v1/agents/availability?project_id=" + project)
              .jsonPath()
              .getList("findAll { it.status == 'working' }");
      assertEquals(1, working.size(), "exactly one agent works: " + working);
      assertEquals(winner, working.get(0).get("agent_id"));
      assertEquals(
          1,
          api()
              .get("/api/v1/changelog?task_id=" + task)
              .jsonPath()
              .getList("findAll { it.new_status == 'under_work' }")
              .size());
      // The winner finishes so that every agent is free for the next round.
      api()
          .queryParam("agent_id", winner)
          .body(Map.of("status", "dev_done"))
          .put("/api/v1/tasks/{id}/status", task)
          .then()
          .statusCode(200);
    }
  }

  @Test
  void oneAgentLockingTenTasksAtOnceHoldsOnlyOne() throws Exception {
    long project = createProject(unique("Greedy"));
    long feature = newFeature(project);
    String greedy = unique("greedy");
    register(greedy, project, "backend_dev", "principal");
    List<Long> tasks = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      tasks.add(createTaskId(greedy, feature, "backend_dev", "junior"));
    }
    List<String> sameAgentTenTimes = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      sameAgentTenTimes.add(greedy);
    }
    Map<Integer, Long> taskOfAttempt = new HashMap<>();
    for (int i = 0; i < 10; i++) {
      taskOfAttempt.put(i, tasks.get(i));
    }
    List<Integer> statuses = raceToLock(sameAgentTenTimes, taskOfAttempt::get);
    assertEquals(1, statuses.stream().filter(s -> s == 200).count(), statuses.toString());
    assertEquals(9, statuses.stream().filter(s -> s == 409).count(), statuses.toString());
    long lockedTasks =
        api()
            .get("/api/v1/tasks?project_id=" + project)
            .jsonPath()
            .getList("findAll { it.locked_by != null }")
            .size();
    assertEquals(1, lockedTasks);
  }

  @Test
  void agentsRacingForFewerTasksNeverShareOrDoubleUp() throws Exception {
    long project = createProject(unique("Crowd"));
    long feature = newFeature(project);
    List<String> agents = registerAgents(project, "crowd");
    List<Long> tasks = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      tasks.add(createTaskId(agents.get(0), feature, "backend_dev", "junior"));
    }
    // Every agent tries every task in its own order, all at once.
    ExecutorService pool = Executors.newFixedThreadPool(AGENTS);
    CyclicBarrier start = new CyclicBarrier(AGENTS);
    List<CompletableFuture<Void>> runs = new ArrayList<>();
    for (int a = 0; a < AGENTS; a++) {
      String agent = agents.get(a);
      int offset = a;
      runs.add(
          CompletableFuture.runAsync(
              () -> {
                await(start);
                for (int i = 0; i < tasks.size(); i++) {
                  lock(tasks.get((i + offset) % tasks.size()), agent);
                }
              },
              pool));
    }
    CompletableFuture.allOf(runs.toArray(CompletableFuture[]::new)).get();
    pool.shutdown();

    List<Map<String, Object>> all =
        api().get("/api/v1/tasks?project_id=" + project).jsonPath().getList("");
    Set<Object> holders = new HashSet<>();
    for (Map<String, Object> task : all) {
      assertTrue(task.get("locked_by") != null, "every task found a holder: " + task);
      assertTrue(holders.add(task.get("locked_by")), "an agent holds two tasks: " + all);
    }
    assertEquals(10, holders.size());
    List<Map<String, Object>> working =
        api()
            .get("/api/v1/agents/availability?project_id=" + project)
            .jsonPath()
            .getList("findAll { it.status == 'working' }");
    assertEquals(10, working.size());
    for (Map<String, Object> task : all) {
      assertEquals(
          1,
          api()
              .get("/api/v1/changelog?task_id=" + task.get("id"))
              .jsonPath()
              .getList("findAll { it.new_status == 'under_work' }")
              .size(),
          "one lock row per task");
    }
  }

  private List<String> registerAgents(long project, String prefix) {
    List<String> agents = new ArrayList<>();
    for (int i = 0; i < AGENTS; i++) {
      String agent = unique(prefix);
      register(agent, project, "backend_dev", "senior");
      agents.add(agent);
    }
    return agents;
  }

  /** Every agent sends its lock request at the same instant; the statuses in agent order. */
  private List<Integer> raceToLock(List<String> agents, java.util.function.IntFunction<Long> taskOf)
      throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(agents.size());
    CyclicBarrier start = new CyclicBarrier(agents.size());
    List<CompletableFuture<Integer>> answers = new ArrayList<>();
    for (int i = 0; i < agents.size(); i++) {
      String agent = agents.get(i);
      long task = taskOf.apply(i);
      answers.add(
          CompletableFuture.supplyAsync(
              () -> {
                await(start);
                return lock(task, agent);
              },
              pool));
    }
    List<Integer> statuses = new ArrayList<>();
    for (CompletableFuture<Integer> answer : answers) {
      statuses.add(answer.get());
    }
    pool.shutdown();
    return statuses;
  }

  private int lock(long task, String agent) {
    try {
      HttpRequest request =
          HttpRequest.newBuilder(
                  URI.create(root() + "/api/v1/tasks/" + task + "/lock?agent_id=" + agent))
              .header("X-API-Key", KEY)
              .POST(HttpRequest.BodyPublishers.noBody())
              .build();
      int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
      assertTrue(status == 200 || status == 409, "lock answered " + status);
      return status;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static void await(CyclicBarrier barrier) {
    try {
      barrier.await();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
