package org.headlesspm.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;

/** Projects, agents and tasks that the scenarios work on, created through the API. */
final class Fixtures {

  private final Api api;
  private final String run;
  private int sequence;

  Fixtures(Api api, String run) {
    this.api = api;
    this.run = run;
  }

  String name(String what) {
    return "bench_" + run + "_" + what + "_" + (++sequence);
  }

  /** A project with a project PM, one epic and one feature: {project id, feature id, pm}. */
  Plan plan(String what) {
    long project =
        api.postNow("/api/v1/projects", Map.of("name", name(what), "description", "benchmark"))
            .expect200("create project")
            .id();
    String pm = register(name("pm"), project, "project_pm", "principal");
    long epic =
        api.postNow(
                "/api/v1/epics?agent_id=" + pm + "&project_id=" + project,
                Map.of("name", "Bench", "description", "benchmark epic"))
            .expect200("create epic")
            .id();
    long feature =
        api.postNow(
                "/api/v1/features?agent_id=" + pm,
                Map.of("epic_id", epic, "name", "Bench", "description", "benchmark feature"))
            .expect200("create feature")
            .id();
    return new Plan(project, feature, pm);
  }

  String register(String agent, long project, String role, String level) {
    api.postNow(
            "/api/v1/register",
            Map.of(
                "agent_id",
                agent,
                "project_id",
                project,
                "role",
                role,
                "level",
                level,
                "connection_type",
                "client"))
        .expect200("register " + agent);
    return agent;
  }

  List<String> agents(Plan plan, String prefix, int count, String role, String level) {
    List<String> agents = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      agents.add(register(name(prefix), plan.project(), role, level));
    }
    return agents;
  }

  /** Creates {@code count} tasks, 8 at a time; returns their ids in creation order. */
  List<Long> tasks(Plan plan, int count, String role) {
    Semaphore window = new Semaphore(8);
    List<CompletableFuture<Long>> created = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      window.acquireUninterruptibly();
      created.add(
          api.post(taskPath(plan), taskBody(plan, "seeded " + i, role))
              .thenApply(reply -> reply.expect200("seed task").id())
              .whenComplete((id, failure) -> window.release()));
    }
    return created.stream().map(CompletableFuture::join).toList();
  }

  static String taskPath(Plan plan) {
    return "/api/v1/tasks/create?agent_id=" + plan.pm();
  }

  static Map<String, Object> taskBody(Plan plan, String title, String role) {
    return Map.of(
        "feature_id",
        plan.feature(),
        "title",
        title,
        "description",
        "Benchmark task: implement, test and document the change.",
        "target_role",
        role,
        "difficulty",
        "junior",
        "complexity",
        "minor",
        "branch",
        "main");
  }

  record Plan(long project, long feature, String pm) {}
}
