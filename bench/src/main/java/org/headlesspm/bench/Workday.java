package org.headlesspm.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A simulated working day: a project PM keeps a backlog, developers and QA agents poll, lock, work,
 * change status, write documents and mention each other, all at once for a fixed time.
 */
final class Workday {

  private final Api api;
  private final Fixtures fixtures;
  private final int agents;
  private final Duration length;
  private final Map<String, Stats> stats = new LinkedHashMap<>();
  private final AtomicInteger lostRaces = new AtomicInteger();
  private final AtomicInteger finished = new AtomicInteger();
  private final AtomicInteger verified = new AtomicInteger();

  Workday(Api api, Fixtures fixtures, int agents, Duration length) {
    this.api = api;
    this.fixtures = fixtures;
    this.agents = agents;
    this.length = length;
    for (String op :
        List.of(
            "register",
            "next task (long-poll)",
            "lock",
            "status",
            "document",
            "mentions",
            "create task",
            "changes")) {
      stats.put(op, new Stats(op));
    }
  }

  record Result(List<Stats> operations, int lostRaces, int devDone, int qaDone, long wallMillis) {
    int errors() {
      return operations.stream().mapToInt(Stats::errorCount).sum();
    }
  }

  Result run() throws Exception {
    Fixtures.Plan plan = fixtures.plan("workday");
    Instant end = Instant.now().plus(length);
    int qa = Math.max(1, agents / 4);
    int developers = agents - 1 - qa;
    ExecutorService pool = Executors.newFixedThreadPool(agents, Api.daemon());
    List<Future<?>> runs = new ArrayList<>();
    long begin = System.nanoTime();
    runs.add(pool.submit(() -> manager(plan, end)));
    for (int i = 0; i < developers; i++) {
      String role = i % 3 == 2 ? "frontend_dev" : "backend_dev";
      runs.add(pool.submit(() -> worker(plan, fixtures.name("dev"), role, "dev_done", end)));
    }
    for (int i = 0; i < qa; i++) {
      runs.add(pool.submit(() -> worker(plan, fixtures.name("qa"), "qa", "qa_done", end)));
    }
    for (Future<?> run : runs) {
      run.get();
    }
    pool.shutdown();
    long wall = (System.nanoTime() - begin) / 1_000_000;
    stats.values().forEach(s -> s.wall(wall * 1_000_000));
    return new Result(
        List.copyOf(stats.values()), lostRaces.get(), finished.get(), verified.get(), wall);
  }

  /** Keeps about 50 open tasks for developers and reads its mentions and the change feed. */
  private Void manager(Fixtures.Plan plan, Instant end) {
    Instant since = Instant.now();
    int created = 0;
    while (Instant.now().isBefore(end)) {
      Api.Reply open =
          timed(
              "changes",
              api.get("/api/v1/changes?since=" + since + "&project_id=" + plan.project()));
      int backlog = created - finished.get();
      for (int i = 0; open != null && backlog < 50 && i < 10; i++, backlog++) {
        String role = created % 3 == 2 ? "frontend_dev" : "backend_dev";
        timed(
            "create task",
            api.post(
                Fixtures.taskPath(plan), Fixtures.taskBody(plan, "workday " + created++, role)));
      }
      timed(
          "mentions",
          api.get(
              "/api/v1/mentions?unread_only=true&agent_id="
                  + plan.pm()
                  + "&project_id="
                  + plan.project()));
      pause(500, 1500);
    }
    return null;
  }

  /** Register, then: next task, lock, work, status, sometimes a document with a mention. */
  private Void worker(Fixtures.Plan plan, String agent, String role, String done, Instant end) {
    timed(
        "register",
        api.post(
            "/api/v1/register",
            Map.of(
                "agent_id",
                agent,
                "project_id",
                plan.project(),
                "role",
                role,
                "level",
                "senior",
                "connection_type",
                "client")));
    int completed = 0;
    while (Instant.now().isBefore(end)) {
      long left = Duration.between(Instant.now(), end).toSeconds();
      if (left < 2) {
        break;
      }
      Api.Reply next =
          timed(
              "next task (long-poll)",
              api.get(
                  "/api/v1/tasks/next?role="
                      + role
                      + "&level=senior&timeout="
                      + Math.min(20, left - 1)
                      + "&agent_id="
                      + agent
                      + "&project_id="
                      + plan.project(),
                  Duration.ofSeconds(60)));
      if (next == null || next.body().isNull()) {
        continue;
      }
      long task = next.id();
      Api.Reply lock = api.post("/api/v1/tasks/" + task + "/lock?agent_id=" + agent, null).join();
      if (lock.status() == 409) {
        lostRaces.incrementAndGet();
        stats.get("lock").record(lock.nanos());
        continue;
      }
      if (!record("lock", lock)) {
        continue;
      }
      pause(1000, 4000);
      if (timed(
              "status",
              api.put(
                  "/api/v1/tasks/" + task + "/status?agent_id=" + agent,
                  Map.of("status", done, "notes", "finished by " + agent)))
          == null) {
        continue;
      }
      (done.equals("dev_done") ? finished : verified).incrementAndGet();
      if (++completed % 3 == 0) {
        timed(
            "document",
            api.post(
                "/api/v1/documents?author_id=" + agent + "&project_id=" + plan.project(),
                Map.of(
                    "doc_type",
                    "update",
                    "title",
                    agent + " progress",
                    "content",
                    "Task " + task + " is " + done + ". @" + plan.pm() + " FYI.")));
      }
    }
    return null;
  }

  private Api.Reply timed(String op, java.util.concurrent.CompletableFuture<Api.Reply> call) {
    Api.Reply reply = call.join();
    return record(op, reply) ? reply : null;
  }

  private boolean record(String op, Api.Reply reply) {
    if (reply.ok()) {
      stats.get(op).record(reply.nanos());
      return true;
    }
    stats.get(op).error(OpenLoop.check(reply));
    return false;
  }

  private static void pause(int minMillis, int maxMillis) {
    try {
      Thread.sleep(ThreadLocalRandom.current().nextInt(minMillis, maxMillis));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
