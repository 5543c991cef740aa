package org.headlesspm.agentclient;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.headlesspm.testing.HeadlessPmStack;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A day of a small team, driven through {@code headless-pm-client} only, exactly as the role
 * instructions tell agents to work: a PM plans an epic, a feature and three tasks; a backend
 * developer takes, locks and finishes the two meant for it; QA takes both from {@code dev_done};
 * the developer's hand-over document mentions the PM. The end state is then read from the API.
 */
class WorkdayIT {

  private static HeadlessPmStack stack;
  private static AgentShell agent;
  private static ApiReader api;

  @BeforeAll
  static void startServer() {
    stack = HeadlessPmStack.builder().start();
    agent = AgentShell.of(stack.apiUrl(), stack.apiKey());
    api = new ApiReader(stack.apiUrl(), stack.apiKey());
  }

  @AfterAll
  static void stopServer() {
    if (stack != null) {
      stack.close();
    }
  }

  @Test
  void aPmTwoTasksForBackendQaAndAMentionForThePm() {
    // Morning: the PM sets up the project and plans.
    String project =
        agent
            .ok("projects", "create", "--name", "Workday", "--description", "One day of work")
            .get("id")
            .asText();
    register("pm_ada", "project_pm", "principal", project);
    register("be_bob", "backend_dev", "senior", project);
    register("qa_quinn", "qa", "senior", project);

    String epic =
        agent
            .ok(
                "epics",
                "create",
                "--name",
                "Accounts",
                "--description",
                "Users can log in",
                "--agent-id",
                "pm_ada")
            .get("id")
            .asText();
    String feature =
        agent
            .ok(
                "features",
                "create",
                "--epic-id",
                epic,
                "--name",
                "Login",
                "--description",
                "Email and password",
                "--agent-id",
                "pm_ada")
            .get("id")
            .asText();
    long login = task(feature, "Login endpoint", "backend_dev", "senior", "minor");
    long reset = task(feature, "Password reset", "backend_dev", "junior", "major");
    long page = task(feature, "Login page", "frontend_dev", "junior", "minor");

    // The backend developer's loop: next, lock, work, dev_done; the answer carries the next task.
    List<Long> developed = new ArrayList<>();
    JsonNode next = next("be_bob", "backend_dev");
    while (!next.isNull()) {
      String id = next.get("id").asText();
      agent.ok("tasks", "lock", id, "--agent-id", "be_bob");
      agent.ok(
          "tasks", "comment", id, "--comment", "Implemented with tests", "--agent-id", "be_bob");
      JsonNode answer =
          agent.ok("tasks", "status", id, "--status", "dev_done", "--agent-id", "be_bob");
      developed.add(next.get("id").asLong());
      next = answer.get("next_task");
      if (next.isNull()) {
        assertEquals("no_tasks", answer.get("workflow_status").asText());
      }
    }
    assertEquals(List.of(login, reset), developed, "oldest first, never the frontend task");
    long handOver =
        agent
            .ok(
                "documents",
                "create",
                "--type",
                "update",
                "--title",
                "Login ready for QA",
                "--content",
                "@pm_ada login and password reset are done; @qa_quinn please test.",
                "--author-id",
                "be_bob")
            .get("id")
            .asLong();

    // QA's loop takes what the developer finished.
    List<Long> tested = new ArrayList<>();
    next = next("qa_quinn", "qa");
    while (!next.isNull()) {
      String id = next.get("id").asText();
      assertEquals("dev_done", next.get("status").asText());
      agent.ok("tasks", "lock", id, "--agent-id", "qa_quinn");
      JsonNode answer =
          agent.ok(
              "tasks",
              "status",
              id,
              "--status",
              "qa_done",
              "--agent-id",
              "qa_quinn",
              "--notes",
              "All checks pass");
      tested.add(next.get("id").asLong());
      next = answer.get("next_task");
    }
    assertEquals(List.of(login, reset), tested);

    // The PM finds the hand-over among its mentions and reads it.
    JsonNode mentions = agent.ok("mentions", "--agent-id", "pm_ada");
    assertEquals(1, mentions.size(), mentions.toString());
    assertEquals(handOver, mentions.get(0).get("document_id").asLong());
    JsonNode mentionInApi = api.get("mentions?agent_id=pm_ada&project_id=" + project).get(0);
    assertEquals("Login ready for QA", mentionInApi.get("document_title").asText());
    assertEquals("be_bob", mentionInApi.get("created_by").asText());
    agent.ok("mention-read", mentions.get(0).get("id").asText(), "--agent-id", "pm_ada");

    // Evening: the state as the API sees it.
    Map<String, String> statuses = new LinkedHashMap<>();
    for (JsonNode task : api.get("tasks?project_id=" + project)) {
      statuses.put(task.get("title").asText(), task.get("status").asText());
      assertTrue(task.get("locked_by").isNull(), task.get("title") + " has no lock left");
    }
    assertEquals(
        Map.of("Login endpoint", "qa_done", "Password reset", "qa_done", "Login page", "created"),
        statuses);
    assertEquals("created", api.get("tasks/" + page).get("status").asText());

    List<String> loginHistory = new ArrayList<>();
    JsonNode changelog = api.get("changelog?task_id=" + login);
    for (int i = changelog.size() - 1; i >= 0; i--) {
      JsonNode row = changelog.get(i);
      loginHistory.add(
          row.get("changed_by").asText()
              + ":"
              + row.get("old_status").asText()
              + ">"
              + row.get("new_status").asText());
    }
    assertEquals(
        List.of(
            "pm_ada:created>created",
            "be_bob:created>under_work",
            "be_bob:under_work>dev_done",
            "qa_quinn:dev_done>under_work",
            "qa_quinn:under_work>qa_done"),
        loginHistory);

    JsonNode accounts = api.get("epics/" + epic);
    assertEquals(3, accounts.get("task_count").asInt());
    assertEquals(2, accounts.get("in_progress_task_count").asInt());
    assertTrue(
        api.get("mentions?agent_id=pm_ada&project_id=" + project)
            .get(0)
            .get("is_read")
            .asBoolean());
    assertTrue(
        api.get("tasks/" + login).get("notes").asText().contains("All checks pass"),
        "QA's notes replace the developer's");
  }

  private static void register(String agentId, String role, String level, String project) {
    JsonNode registered =
        agent.ok(
            "register",
            "--agent-id",
            agentId,
            "--role",
            role,
            "--level",
            level,
            "--project-id",
            project);
    assertEquals(role, registered.get("agent").get("role").asText());
  }

  private static long task(
      String feature, String title, String role, String difficulty, String complexity) {
    return agent
        .ok(
            "tasks",
            "create",
            "--feature-id",
            feature,
            "--title",
            title,
            "--description",
            title + ", with tests",
            "--target-role",
            role,
            "--difficulty",
            difficulty,
            "--complexity",
            complexity,
            "--agent-id",
            "pm_ada")
        .get("id")
        .asLong();
  }

  /** An agent asks for work; a short wait is enough, as the work was planned before. */
  private static JsonNode next(String agentId, String role) {
    return agent.ok(
        "tasks",
        "next",
        "--role",
        role,
        "--level",
        "senior",
        "--agent-id",
        agentId,
        "--timeout",
        "5");
  }
}
