package org.headlesspm.mcp.tools;

import io.modelcontextprotocol.spec.McpSchema;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.headlesspm.api.AgentRole;
import org.headlesspm.api.DifficultyLevel;
import org.headlesspm.api.TaskResponse;
import org.headlesspm.mcp.Json;
import org.headlesspm.mcp.McpSettings;
import org.headlesspm.mcp.rest.RestGateway;
import org.headlesspm.mcp.session.Identity;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * {@code get_next_task} (MCP.md 3.4.2): one asynchronous long poll of {@code GET
 * /api/v1/tasks/next} that holds no thread while it waits, progress notifications every interval
 * when the client sent a progress token, and cancellation that aborts the REST request.
 */
public class NextTaskTool {

  private final McpSettings settings;
  private final RestGateway rest;
  private final AgentDirectory agents;

  public NextTaskTool(McpSettings settings, RestGateway rest, AgentDirectory agents) {
    this.settings = settings;
    this.rest = rest;
    this.agents = agents;
  }

  public Mono<Outcome> run(ToolContext c) {
    return Mono.defer(
        () -> {
          Identity identity = c.session().identity();
          if (identity == null && (c.string("role") == null || c.string("skill_level") == null)) {
            identity = tryIdentity(c);
          }
          String role =
              c.string("role") != null
                  ? c.string("role")
                  : identity == null ? null : identity.role();
          String level =
              c.string("skill_level") != null
                  ? c.string("skill_level")
                  : identity == null ? null : identity.skillLevel();
          if (role == null || level == null) {
            return Mono.error(
                new ToolFailure(
                    "get_next_task needs a role and a skill level: register first with"
                        + " register_agent, or pass role and skill_level."));
          }
          int wait =
              Math.min(
                  settings.nextTaskMaxWaitSeconds(),
                  c.integer("wait_seconds") == null
                      ? settings.nextTaskWaitSeconds()
                      : c.integer("wait_seconds").intValue());
          Long projectId = agents.projectIfResolvable(c.tool(), c.session());
          String agentId = identity == null ? null : identity.agentId();
          long started = System.nanoTime();
          CompletableFuture<Optional<TaskResponse>> poll =
              rest.longPoll()
                  .nextTaskAsync(
                      AgentRole.parse(role),
                      DifficultyLevel.valueOf(level),
                      wait == 0 ? Boolean.TRUE : null,
                      wait == 0 ? null : wait,
                      projectId,
                      agentId)
                  .toCompletableFuture();
          c.session().started(c.requestId(), poll);
          Disposable ticks = progress(c, role, level, wait);
          return Mono.fromFuture(poll, true)
              .map(Optional::of)
              .defaultIfEmpty(Optional.empty())
              .map(found -> outcome(found.flatMap(x -> x), role, level, wait, started))
              .onErrorMap(
                  e -> !(e instanceof ToolFailure),
                  e ->
                      new ToolFailure(
                          rest.describe(
                              c.tool(),
                              "GET /api/v1/tasks/next?role=" + role + "&level=" + level,
                              e)))
              .doFinally(
                  signal -> {
                    ticks.dispose();
                    c.session().finished(c.requestId());
                  });
        });
  }

  private Identity tryIdentity(ToolContext c) {
    try {
      return agents.requireIdentity(c.tool(), c.session());
    } catch (ToolFailure none) {
      return null;
    }
  }

  private Disposable progress(ToolContext c, String role, String level, int wait) {
    if (c.progressToken() == null || wait == 0) {
      return () -> {};
    }
    Duration interval = settings.progressInterval();
    return Flux.interval(interval, interval)
        .take(Math.max(1, wait / Math.max(1, interval.toSeconds())))
        .concatMap(
            tick -> {
              long elapsed = (tick + 1) * interval.toSeconds();
              return c.exchange()
                  .progressNotification(
                      new McpSchema.ProgressNotification(
                          c.progressToken(),
                          (double) elapsed,
                          (double) wait,
                          "Waiting for a "
                              + role
                              + "/"
                              + level
                              + " task ("
                              + elapsed
                              + " of "
                              + wait
                              + " s)"))
                  .onErrorResume(e -> Mono.empty());
            })
        .subscribe();
  }

  private Outcome outcome(
      Optional<TaskResponse> found, String role, String level, int wait, long started) {
    long waited = Duration.ofNanos(System.nanoTime() - started).toSeconds();
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("task", found.map(Json::map).orElse(null));
    data.put("role", role);
    data.put("skill_level", level);
    data.put("waited_seconds", waited);
    data.put("is_placeholder", false);
    if (found.isEmpty()) {
      return new Outcome(
          "No "
              + role
              + "/"
              + level
              + " task became available within "
              + wait
              + " s. Call get_next_task again to keep waiting.",
          data);
    }
    TaskResponse t = found.get();
    return new Outcome(
        "Next task #"
            + t.id()
            + ": "
            + t.title()
            + " ("
            + t.complexity()
            + ", "
            + t.targetRole()
            + "/"
            + t.difficulty()
            + ", branch "
            + t.branch()
            + ", status "
            + t.status()
            + ")\n"
            + t.description()
            + "\nLock it with lock_task before working on it.",
        data);
  }
}
