package org.headlesspm.mcp.resources;

import io.modelcontextprotocol.server.McpServerFeatures;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.headlesspm.mcp.McpSettings;
import reactor.core.publisher.Mono;

/**
 * The prompts of MCP.md 4.3, built from the role instructions in {@code MCP_AGENT_DOCS_DIR} ({@code
 * agents/mcp}): {@code start_agent}, {@code continue_work}, {@code report_blocker}.
 */
public class Prompts {

  private static final Set<String> ROLES =
      Set.of("frontend_dev", "backend_dev", "qa", "architect", "project_pm", "global_pm", "pm");

  private final McpSettings settings;

  public Prompts(McpSettings settings) {
    this.settings = settings;
  }

  public List<McpServerFeatures.AsyncPromptSpecification> all() {
    return List.of(
        new McpServerFeatures.AsyncPromptSpecification(
            new McpSchema.Prompt(
                "start_agent",
                "Start agent",
                "Onboard an agent of a role: instructions plus the opening tool sequence.",
                List.of(
                    new McpSchema.PromptArgument("role", "Team role, e.g. backend_dev", true),
                    new McpSchema.PromptArgument("agent_id", "Agent id to register", false),
                    new McpSchema.PromptArgument(
                        "skill_level", "junior, senior or principal", false))),
            (exchange, request) -> Mono.fromCallable(() -> start(request.arguments()))),
        new McpServerFeatures.AsyncPromptSpecification(
            new McpSchema.Prompt(
                "continue_work",
                "Continue work",
                "The work loop for a registered agent.",
                List.of()),
            (exchange, request) -> Mono.just(message("Continue work", CONTINUE))),
        new McpServerFeatures.AsyncPromptSpecification(
            new McpSchema.Prompt(
                "report_blocker",
                "Report blocker",
                "Report a blocker on a task to the PM agents.",
                List.of(
                    new McpSchema.PromptArgument("task_id", "Blocked task", true),
                    new McpSchema.PromptArgument("summary", "What blocks it", true))),
            (exchange, request) -> Mono.fromCallable(() -> blocker(request.arguments()))));
  }

  /** The instructions for a role: the shared file plus the role's file, or a short default. */
  public String instructions(String role) {
    String file = role.endsWith("_pm") || role.equals("pm") ? "pm" : role;
    if (!ROLES.contains(role)) {
      throw McpError.RESOURCE_NOT_FOUND.apply("headless-pm://instructions/" + role);
    }
    return read("shared.md") + "\n" + read(file + ".md");
  }

  private String read(String name) {
    Path path = settings.agentDocsDir().resolve(name);
    try {
      return Files.isRegularFile(path) ? Files.readString(path) : "";
    } catch (IOException unreadable) {
      return "";
    }
  }

  private McpSchema.GetPromptResult start(Map<String, Object> args) {
    Object role = args == null ? null : args.get("role");
    if (!(role instanceof String r) || !ROLES.contains(r)) {
      throw McpError.builder(-32602)
          .message(
              "start_agent needs 'role', one of "
                  + String.join(", ", ROLES.stream().sorted().toList()))
          .build();
    }
    Object agentId = args.getOrDefault("agent_id", r + "_senior_001");
    Object level = args.getOrDefault("skill_level", "senior");
    String text =
        instructions(r)
            + "\n## Start now\n"
            + "1. register_agent with agent_id \""
            + agentId
            + "\", role \""
            + r
            + "\", skill_level \""
            + level
            + "\".\n"
            + "2. get_project_context, then read the resource headless-pm://guidelines/code.\n"
            + "3. get_next_task (it waits for work), then lock_task on the task it returns"
            + " (locking sets under_work).\n"
            + "4. Work, then update_task_status with notes; continue with the next task it returns.\n";
    return message("Start " + r, text);
  }

  private McpSchema.GetPromptResult blocker(Map<String, Object> args) {
    Object task = args == null ? null : args.get("task_id");
    Object summary = args == null ? null : args.get("summary");
    if (task == null || summary == null) {
      throw McpError.builder(-32602).message("report_blocker needs task_id and summary").build();
    }
    return message(
        "Report blocker",
        "Task #"
            + task
            + " is blocked: "
            + summary
            + "\n"
            + "1. create_document with doc_type \"critical_issue\", a title naming task #"
            + task
            + ", the blocker in the content, and mentions of the PM agents (list_agents shows them).\n"
            + "2. update_task_status on task #"
            + task
            + " keeping its current status, with notes that explain the blocker.\n");
  }

  private static McpSchema.GetPromptResult message(String description, String text) {
    return new McpSchema.GetPromptResult(
        description,
        List.of(new McpSchema.PromptMessage(McpSchema.Role.USER, new McpSchema.TextContent(text))));
  }

  private static final String CONTINUE =
      "Work loop:\n"
          + "1. Finish the current task, then update_task_status (dev_done, qa_done, ...) with notes.\n"
          + "2. Take the next task the answer names, or call get_next_task to wait for one.\n"
          + "3. lock_task before working on it.\n"
          + "4. Report progress and problems with create_document (@mention who must know).\n"
          + "5. Between tasks check get_mentions.\n";
}
