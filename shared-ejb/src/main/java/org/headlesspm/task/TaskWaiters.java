package org.headlesspm.task;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.headlesspm.api.AgentRole;
import org.headlesspm.api.DifficultyLevel;
import org.headlesspm.api.TaskResponse;

/**
 * Agents waiting in {@code GET /tasks/next} (API.md 4.6). A waiter holds no thread: it is a future
 * completed exactly once — with a task when an event makes one available to its (project, role,
 * level), or empty at its timeout. One dispatcher thread owns the waiting lists, so waiters of the
 * same kind are served first come, first served, and one new task goes to one waiter rather than to
 * all of them. A re-check every five seconds is only a safety net (for rows written by other
 * processes).
 *
 * <p>A task handed to a waiting agent is held for that agent for a short while ({@link
 * #OFFER_HOLD}): other waiters are not handed it meanwhile, so a herd of agents does not wake up to
 * race for one lock. Immediate checks ({@code simulate}) ignore these holds.
 */
@ApplicationScoped
public class TaskWaiters {

  static final Duration SAFETY_NET = Duration.ofSeconds(5);
  static final Duration OFFER_HOLD = Duration.ofSeconds(30);

  private static final Logger LOG = Logger.getLogger(TaskWaiters.class.getName());

  @Resource ManagedThreadFactory threads;
  @Inject NextTaskFinder finder;
  @Inject StaleLocks staleLocks;
  @Inject Clock clock;

  private ScheduledExecutorService dispatcher;

  /** Owned by the dispatcher thread. */
  private final Map<WaitKey, Deque<Waiter>> waiting = new HashMap<>();

  private final Map<Long, Offer> offers = new ConcurrentHashMap<>();

  /** What a waiting agent can be handed. */
  public record WaitKey(long projectId, AgentRole role, DifficultyLevel level) {}

  private record Offer(String agentId, Instant until) {}

  private record Waiter(
      WaitKey key, String agentId, CompletableFuture<Optional<TaskResponse>> answer) {}

  @PostConstruct
  void start() {
    dispatcher = Executors.newSingleThreadScheduledExecutor(threads);
    long period = SAFETY_NET.toMillis();
    dispatcher.scheduleWithFixedDelay(this::recheckAll, period, period, TimeUnit.MILLISECONDS);
  }

  @PreDestroy
  void stop() {
    dispatcher.shutdownNow();
  }

  /**
   * One immediate check that skips tasks held for other agents; a found task is held for this one.
   */
  public Optional<TaskResponse> checkNow(WaitKey key, String agentId) {
    staleLocks.sweep();
    Optional<TaskResponse> task = findFor(key, agentId);
    task.ifPresent(t -> hold(t.id(), agentId));
    return task;
  }

  /** Waits up to {@code timeout} for a task; the future completes exactly once, never early. */
  public CompletableFuture<Optional<TaskResponse>> await(
      WaitKey key, String agentId, Duration timeout) {
    Waiter waiter = new Waiter(key, agentId, new CompletableFuture<>());
    dispatcher.execute(
        () -> {
          waiting.computeIfAbsent(key, k -> new ArrayDeque<>()).add(waiter);
          serve(key); // covers a task that appeared between the caller's check and now
        });
    var expiry =
        dispatcher.schedule(
            () -> {
              Deque<Waiter> queue = waiting.get(key);
              if (queue != null) {
                queue.remove(waiter);
              }
              waiter.answer().complete(Optional.empty());
            },
            timeout.toMillis(),
            TimeUnit.MILLISECONDS);
    waiter.answer().whenComplete((task, failure) -> expiry.cancel(false));
    return waiter.answer();
  }

  /** Called after a commit that made a task available: serves the waiters it suits. */
  public void wake(TaskAvailable event) {
    dispatcher.execute(
        () -> {
          // The task changed hands or state since any earlier offer: offer it afresh.
          offers.remove(event.taskId());
          waiting.keySet().stream()
              .filter(k -> k.projectId() == event.projectId() && event.suits(k.role(), k.level()))
              .toList()
              .forEach(this::serve);
        });
  }

  /** How many requests are waiting now (for status reports and tests). */
  public int count() {
    try {
      return dispatcher
          .submit(() -> waiting.values().stream().mapToInt(Deque::size).sum())
          .get(5, TimeUnit.SECONDS);
    } catch (Exception e) {
      return -1;
    }
  }

  /** Hands tasks to the waiters of one kind, oldest waiter first, until no task is left. */
  private void serve(WaitKey key) {
    Deque<Waiter> queue = waiting.get(key);
    try {
      while (queue != null && !queue.isEmpty()) {
        Waiter first = queue.peek();
        if (first.answer().isDone()) {
          queue.poll();
          continue;
        }
        Optional<TaskResponse> task = findFor(key, first.agentId());
        if (task.isEmpty()) {
          break;
        }
        queue.poll();
        if (first.answer().complete(task)) {
          hold(task.get().id(), first.agentId());
        }
      }
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Next-task check for waiting agents failed; retrying later", e);
    }
    if (queue != null && queue.isEmpty()) {
      waiting.remove(key);
    }
  }

  private void recheckAll() {
    try {
      Instant now = clock.instant();
      offers.values().removeIf(offer -> offer.until().isBefore(now));
      if (!waiting.isEmpty()) {
        staleLocks.sweep();
        waiting.keySet().stream().toList().forEach(this::serve);
      }
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Periodic next-task check failed", e);
    }
  }

  private Optional<TaskResponse> findFor(WaitKey key, String agentId) {
    return finder.find(key.role(), key.level(), key.projectId(), heldForOthers(agentId));
  }

  private Set<Long> heldForOthers(String agentId) {
    Instant now = clock.instant();
    return offers.entrySet().stream()
        .filter(e -> e.getValue().until().isAfter(now))
        .filter(e -> agentId == null || !Objects.equals(e.getValue().agentId(), agentId))
        .map(Map.Entry::getKey)
        .collect(Collectors.toSet());
  }

  private void hold(long taskId, String agentId) {
    offers.put(taskId, new Offer(agentId, clock.instant().plus(OFFER_HOLD)));
  }
}
