package org.headlesspm.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntFunction;

/**
 * Fires an operation at a fixed rate whatever the server's answers (open loop), and times each from
 * the instant it was due, so that a stalled server cannot hide its queue (no coordinated omission).
 */
final class OpenLoop {

  private OpenLoop() {}

  /**
   * Runs {@code operation(i)} {@code rate} times a second for {@code length}. An operation's future
   * completes with null on success or an error text.
   */
  static Stats run(
      String name, int rate, Duration length, IntFunction<CompletableFuture<String>> operation) {
    Stats stats = new Stats(name);
    long period = TimeUnit.SECONDS.toNanos(1) / rate;
    int total = (int) (length.toSeconds() * rate);
    List<CompletableFuture<Void>> inFlight = new ArrayList<>(total);
    long begin = System.nanoTime();
    for (int i = 0; i < total; i++) {
      long due = begin + i * period;
      long wait = due - System.nanoTime();
      if (wait > 0) {
        LockSupport.parkNanos(wait);
      }
      CompletableFuture<String> call;
      try {
        call = operation.apply(i);
      } catch (RuntimeException e) {
        call = CompletableFuture.completedFuture(e.toString());
      }
      inFlight.add(
          call.handle(
              (error, failure) -> {
                if (failure != null) {
                  stats.error(failure.toString());
                } else if (error != null) {
                  stats.error(error);
                } else {
                  stats.record(System.nanoTime() - due);
                }
                return null;
              }));
    }
    CompletableFuture.allOf(inFlight.toArray(CompletableFuture[]::new)).join();
    stats.wall(System.nanoTime() - begin);
    return stats;
  }

  /** Null when the reply is a 200, else a short description. */
  static String check(Api.Reply reply) {
    return reply.ok() ? null : reply.status() + " " + abbreviate(reply.body().toString());
  }

  static String abbreviate(String text) {
    return text.length() > 200 ? text.substring(0, 200) + "..." : text;
  }
}
