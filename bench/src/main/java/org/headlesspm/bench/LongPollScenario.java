package org.headlesspm.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Agents parked on {@code GET /tasks/next} (E27 long-poll): how soon one of them receives a task
 * after the commit that creates it, and what parked requests cost the server.
 */
final class LongPollScenario {

  private static final Duration WAIT = Duration.ofSeconds(120);

  private final Api api;
  private final Fixtures fixtures;
  private final ServerProcess server;
  private final int rounds;

  LongPollScenario(Api api, Fixtures fixtures, ServerProcess server, int rounds) {
    this.api = api;
    this.fixtures = fixtures;
    this.server = server;
    this.rounds = rounds;
  }

  record WakeUp(int waiters, Stats fromCommit, Stats fromRequest) {
    String row() {
      return String.format(
          Locale.ROOT,
          "| %,d | %d | %.1f | %.1f | %.1f | %.1f | %.1f |",
          waiters,
          fromCommit.count(),
          fromCommit.medianMillis(),
          fromCommit.p99Millis(),
          fromCommit.maxMillis(),
          fromRequest.medianMillis(),
          fromRequest.p99Millis());
    }
  }

  record Footprint(int waiters, ServerProcess.Sample idle, ServerProcess.Sample parked) {}

  /** Wake-up latency with {@code waiters} parked; also samples the server when asked to. */
  WakeUp wakeUp(int waiters, List<Footprint> footprints) {
    Fixtures.Plan plan = fixtures.plan("poll" + waiters);
    List<String> agents = fixtures.agents(plan, "waiter", waiters, "backend_dev", "senior");
    Set<Long> delivered = ConcurrentHashMap.newKeySet();
    Stats fromCommit = new Stats("wake-up after commit, " + waiters + " waiting");
    Stats fromRequest = new Stats("create request to answer, " + waiters + " waiting");
    ServerProcess.Sample idle = server == null ? null : server.sample();
    AtomicBoolean measuring = new AtomicBoolean(true);
    List<CompletableFuture<Void>> parked = new ArrayList<>();
    long[] sentAt = new long[1];
    for (String agent : agents) {
      String path =
          "/api/v1/tasks/next?role=backend_dev&level=senior&timeout="
              + WAIT.toSeconds()
              + "&project_id="
              + plan.project()
              + "&agent_id="
              + agent;
      parked.add(park(path, agent, delivered, fromCommit, fromRequest, sentAt, measuring));
    }
    sleep(Duration.ofMillis(2000 + waiters * 5L));
    if (server != null) {
      footprints.add(new Footprint(waiters, idle, server.sample()));
    }
    for (int round = 0; round < rounds; round++) {
      int before = fromCommit.count() + fromCommit.errorCount();
      sentAt[0] = System.nanoTime();
      api.postNow(Fixtures.taskPath(plan), Fixtures.taskBody(plan, "wake " + round, "backend_dev"))
          .expect200("create task");
      Instant deadline = Instant.now().plusSeconds(30);
      while (fromCommit.count() + fromCommit.errorCount() == before
          && Instant.now().isBefore(deadline)) {
        sleep(Duration.ofMillis(2));
      }
      sleep(Duration.ofMillis(200));
    }
    // Release every parked agent with one task each, so that nothing stays on the server.
    measuring.set(false);
    fixtures.tasks(plan, waiters, "backend_dev");
    CompletableFuture.allOf(parked.toArray(CompletableFuture[]::new)).join();
    return new WakeUp(waiters, fromCommit, fromRequest);
  }

  /**
   * One agent waiting; when it gets a task it records the latency (once per task), locks it as an
   * agent would, and waits again.
   */
  private CompletableFuture<Void> park(
      String path,
      String agent,
      Set<Long> delivered,
      Stats fromCommit,
      Stats fromRequest,
      long[] sentAt,
      AtomicBoolean measuring) {
    return api.get(path, WAIT.plusSeconds(30))
        .thenCompose(
            reply -> {
              long received = System.nanoTime();
              Instant now = Instant.now();
              if (!reply.ok()) {
                fromCommit.error(OpenLoop.check(reply));
                return CompletableFuture.completedFuture(null);
              }
              if (reply.body().isNull() || !measuring.get()) {
                return CompletableFuture.completedFuture(null);
              }
              long task = reply.id();
              if (delivered.add(task)) {
                Instant created = Instant.parse(utc(reply.body().get("created_at").asText()));
                fromCommit.record(Duration.between(created, now).toNanos());
                fromRequest.record(received - sentAt[0]);
              }
              // Take it and finish it at once, so that it leaves the queue as real work does.
              return api.post("/api/v1/tasks/" + task + "/lock?agent_id=" + agent, null)
                  .thenCompose(
                      lock ->
                          lock.ok()
                              ? api.put(
                                  "/api/v1/tasks/" + task + "/status?agent_id=" + agent,
                                  java.util.Map.of("status", "dev_done"))
                              : CompletableFuture.completedFuture(lock))
                  .thenCompose(
                      done ->
                          park(path, agent, delivered, fromCommit, fromRequest, sentAt, measuring));
            });
  }

  /** The API's timestamps carry no zone (they are UTC, API.md 1.7). */
  private static String utc(String timestamp) {
    return timestamp.endsWith("Z") || timestamp.contains("+") ? timestamp : timestamp + "Z";
  }

  private static void sleep(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
