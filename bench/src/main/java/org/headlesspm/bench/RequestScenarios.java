package org.headlesspm.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.IntFunction;

/** Latency and throughput of single operations at a fixed request rate (issue 6 list). */
final class RequestScenarios {

  private final Api api;
  private final Fixtures fixtures;
  private final int rate;
  private final Duration length;
  private final List<Integer> stored;

  RequestScenarios(Api api, Fixtures fixtures, int rate, Duration length, List<Integer> stored) {
    this.api = api;
    this.fixtures = fixtures;
    this.rate = rate;
    this.length = length;
    this.stored = stored;
  }

  List<Stats> run() {
    warmUp();
    List<Stats> results = new ArrayList<>();
    Fixtures.Plan plan = fixtures.plan("requests");

    results.add(measure("register (E5)", register(plan)));
    results.add(measure("create task (E26)", createTask(plan, "frontend_dev")));
    results.add(measure("next task, simulate (E27)", nextTask(plan, "frontend_dev")));

    for (int count : stored) {
      Fixtures.Plan big = fixtures.plan("list" + count);
      long begin = System.nanoTime();
      fixtures.tasks(big, count, "backend_dev");
      System.out.printf("  seeded %,d tasks in %.1f s%n", count, (System.nanoTime() - begin) / 1e9);
      results.add(
          measure(
              "list 50 of " + String.format("%,d", count) + " tasks (E28 limit=50)",
              listPage(big)));
      int fullRate = count >= 10_000 ? 2 : 20;
      results.add(
          OpenLoop.run(
              "list all " + String.format("%,d", count) + " tasks (E28) at " + fullRate + "/s",
              fullRate,
              length,
              i ->
                  api.get("/api/v1/tasks?project_id=" + big.project()).thenApply(OpenLoop::check)));
    }

    results.add(lockAndStatus());

    String reader = fixtures.register(fixtures.name("reader"), plan.project(), "qa", "senior");
    results.add(
        measure(
            "document with a mention (E36)",
            i ->
                api.post(
                    "/api/v1/documents?author_id=" + plan.pm() + "&project_id=" + plan.project(),
                    Map.of(
                        "doc_type", "update",
                        "title", "Status " + i,
                        "content", "Build " + i + " is green, @" + reader + " please verify."))));
    results.add(
        measure(
            "changes of the last 10 s (E48)",
            i ->
                api.get(
                    "/api/v1/changes?since="
                        + Instant.now().minusSeconds(10)
                        + "&project_id="
                        + plan.project())));
    return results;
  }

  /**
   * A server just started runs interpreted code until the JIT has compiled its hot paths (about the
   * first few thousand requests): the main requests for 20 s each at a quarter of the rate, in a
   * project of their own, not measured.
   */
  private void warmUp() {
    Fixtures.Plan plan = fixtures.plan("warmup");
    Duration warm = Duration.ofSeconds(20);
    int gentle = Math.max(1, rate / 4);
    System.out.println(
        "Warm-up: " + warm.toSeconds() + " s each of the main requests at " + gentle + "/s");
    OpenLoop.run("warm-up register", gentle, warm, checked(register(plan)));
    OpenLoop.run("warm-up create", gentle, warm, checked(createTask(plan, "qa")));
    OpenLoop.run("warm-up next", gentle, warm, checked(nextTask(plan, "qa")));
    OpenLoop.run("warm-up list", gentle, warm, checked(listPage(plan)));
  }

  private IntFunction<CompletableFuture<Api.Reply>> register(Fixtures.Plan plan) {
    return i ->
        api.post(
            "/api/v1/register",
            Map.of(
                "agent_id", fixtures.name("agent"),
                "project_id", plan.project(),
                "role", "backend_dev",
                "level", "senior",
                "connection_type", "client"));
  }

  private IntFunction<CompletableFuture<Api.Reply>> createTask(Fixtures.Plan plan, String role) {
    return i -> api.post(Fixtures.taskPath(plan), Fixtures.taskBody(plan, "created " + i, role));
  }

  private IntFunction<CompletableFuture<Api.Reply>> nextTask(Fixtures.Plan plan, String role) {
    return i ->
        api.get(
            "/api/v1/tasks/next?role="
                + role
                + "&level=senior&simulate=true&project_id="
                + plan.project());
  }

  private IntFunction<CompletableFuture<Api.Reply>> listPage(Fixtures.Plan plan) {
    return i -> api.get("/api/v1/tasks?limit=50&project_id=" + plan.project());
  }

  /** Lock then release through a status change: two requests per round trip, half the rate. */
  private Stats lockAndStatus() {
    Fixtures.Plan plan = fixtures.plan("locks");
    int rounds = (int) (length.toSeconds() * rate / 2);
    List<Long> tasks = fixtures.tasks(plan, rounds, "backend_dev");
    ConcurrentLinkedQueue<String> idle =
        new ConcurrentLinkedQueue<>(fixtures.agents(plan, "locker", 100, "backend_dev", "senior"));
    return OpenLoop.run(
        "lock + status round trip (E30+E31)",
        rate / 2,
        length,
        i -> {
          String agent = idle.poll();
          if (agent == null) {
            return CompletableFuture.completedFuture("no idle agent (server too slow)");
          }
          long task = tasks.get(i);
          return api.post("/api/v1/tasks/" + task + "/lock?agent_id=" + agent, null)
              .thenCompose(
                  lock ->
                      lock.ok()
                          ? api.put(
                                  "/api/v1/tasks/" + task + "/status?agent_id=" + agent,
                                  Map.of("status", "dev_done", "notes", "done"))
                              .thenApply(OpenLoop::check)
                          : CompletableFuture.completedFuture(OpenLoop.check(lock)))
              .whenComplete((result, failure) -> idle.add(agent));
        });
  }

  private Stats measure(String name, IntFunction<CompletableFuture<Api.Reply>> call) {
    return OpenLoop.run(name, rate, length, checked(call));
  }

  private static IntFunction<CompletableFuture<String>> checked(
      IntFunction<CompletableFuture<Api.Reply>> call) {
    return i -> call.apply(i).thenApply(OpenLoop::check);
  }
}
