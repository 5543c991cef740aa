package org.headlesspm.mcp.tools;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.headlesspm.api.AgentRegistrationResponse;
import org.headlesspm.api.AgentResponse;
import org.headlesspm.api.AgentRole;
import org.headlesspm.api.ChangeEvent;
import org.headlesspm.api.ChangesResponse;
import org.headlesspm.api.DifficultyLevel;
import org.headlesspm.api.DocumentCreate;
import org.headlesspm.api.DocumentResponse;
import org.headlesspm.api.DocumentType;
import org.headlesspm.api.EpicCreate;
import org.headlesspm.api.EpicResponse;
import org.headlesspm.api.FeatureCreate;
import org.headlesspm.api.FeatureResponse;
import org.headlesspm.api.MentionResponse;
import org.headlesspm.api.MessageResponse;
import org.headlesspm.api.ProjectContextResponse;
import org.headlesspm.api.ProjectResponse;
import org.headlesspm.api.ServiceRegistration;
import org.headlesspm.api.ServiceResponse;
import org.headlesspm.api.ServiceStatus;
import org.headlesspm.api.TaskComplexity;
import org.headlesspm.api.TaskCreate;
import org.headlesspm.api.TaskResponse;
import org.headlesspm.api.TaskStatus;
import org.headlesspm.api.TaskStatusUpdate;
import org.headlesspm.api.TaskStatusUpdateResponse;
import org.headlesspm.mcp.Json;
import org.headlesspm.mcp.rest.RestGateway;
import org.headlesspm.mcp.session.AgentSession;
import org.headlesspm.mcp.session.Identity;
import org.headlesspm.mcp.session.Sessions;
import org.headlesspm.mcp.tokens.TokenUsage;

/**
 * The synchronous tools of MCP.md 3 (all but {@code get_next_task}, see {@link NextTaskTool}): each
 * one validates cross-field rules, makes its REST call(s) through the typed client and answers with
 * a summary and structured data.
 */
public class HeadlessPmTools {

  private final RestGateway rest;
  private final AgentDirectory agents;
  private final Sessions sessions;
  private final TokenUsage tokens;

  public HeadlessPmTools(
      RestGateway rest, AgentDirectory agents, Sessions sessions, TokenUsage tokens) {
    this.rest = rest;
    this.agents = agents;
    this.sessions = sessions;
    this.tokens = tokens;
  }

  /** Runs the tool named in the context (its canonical name). */
  public Outcome run(ToolContext c) {
    return switch (c.tool()) {
      case "list_projects" -> listProjects(c);
      case "switch_project" -> switchProject(c);
      case "get_project_context" -> projectContext(c);
      case "register_agent" -> registerAgent(c);
      case "list_agents" -> listAgents(c);
      case "delete_agent" -> deleteAgent(c);
      case "list_epics" -> listEpics(c);
      case "get_epic" -> getEpic(c);
      case "create_epic" -> createEpic(c);
      case "delete_epic" -> deleteEpic(c);
      case "list_features" -> listFeatures(c);
      case "create_feature" -> createFeature(c);
      case "list_tasks" -> listTasks(c);
      case "create_task" -> createTask(c);
      case "lock_task" -> lockTask(c);
      case "update_task_status" -> updateTaskStatus(c);
      case "delete_task" -> deleteTask(c);
      case "create_document" -> createDocument(c);
      case "list_documents" -> listDocuments(c);
      case "get_document" -> getDocument(c);
      case "get_mentions" -> getMentions(c);
      case "register_service" -> registerService(c);
      case "send_heartbeat" -> sendHeartbeat(c);
      case "list_services" -> listServices(c);
      case "unregister_service" -> unregisterService(c);
      case "poll_changes" -> pollChanges(c);
      case "get_token_usage" -> tokenUsage(c);
      default -> throw new ToolFailure("internal MCP server error: no handler for " + c.tool());
    };
  }

  /** Cross-field rules that the schema cannot express; run before any REST call. */
  public void checkCrossField(String tool, Map<String, Object> args, AgentSession session) {
    switch (tool) {
      case "switch_project" -> {
        if (args.get("project_id") == null && args.get("project_name") == null) {
          throw ArgumentValidator.crossField(
              tool, "/project_id", "give project_id or project_name");
        }
      }
      case "create_document" -> {
        Object author = args.get("author_id");
        Identity identity = session.identity();
        if (author != null && identity != null && !identity.agentId().equals(author)) {
          throw ArgumentValidator.crossField(
              tool,
              "/author_id",
              "author_id must equal the registered agent " + identity.agentId());
        }
      }
      case "register_service" -> {
        Object ping = args.get("ping_url");
        Object health = args.get("health_check_url");
        Object url = args.get("service_url");
        if (ping == null && health == null && url == null) {
          throw ArgumentValidator.crossField(
              tool, "/ping_url", "give at least one of ping_url, health_check_url, service_url");
        }
        if (ping != null && health != null && !ping.equals(health)) {
          throw ArgumentValidator.crossField(
              tool, "/health_check_url", "ping_url and health_check_url differ; give one of them");
        }
        String relative = (String) (ping != null ? ping : health);
        if (relative != null && relative.startsWith("/") && url == null) {
          throw ArgumentValidator.crossField(
              tool, "/service_url", "a relative health URL needs service_url to resolve against");
        }
      }
      default -> {}
    }
  }

  // --- Projects ---------------------------------------------------------------------------------

  private Outcome listProjects(ToolContext c) {
    List<ProjectResponse> projects =
        rest.call(c.tool(), "GET /api/v1/projects", () -> rest.api().listProjects());
    Long current = c.session().projectId();
    List<Object> items = new ArrayList<>();
    StringBuilder text = new StringBuilder(projects.size() + " project(s):");
    for (ProjectResponse p : projects) {
      Map<String, Object> item = Json.map(p);
      boolean isCurrent = Objects.equals(current, p.id());
      item.put("current", isCurrent);
      items.add(item);
      text.append("\n").append(p.name()).append(" (id ").append(p.id()).append(")");
      if (isCurrent) {
        text.append(" <- current");
      }
    }
    return new Outcome(
        text.toString(), structured("projects", items, "current_project_id", current));
  }

  private Outcome switchProject(ToolContext c) {
    AgentSession session = c.session();
    Long id = c.integer("project_id");
    ProjectResponse project;
    if (id != null) {
      project = rest.call(c.tool(), "GET /api/v1/projects/" + id, () -> rest.api().getProject(id));
    } else {
      String name = c.string("project_name");
      List<ProjectResponse> all =
          rest.call(c.tool(), "GET /api/v1/projects", () -> rest.api().listProjects());
      project =
          all.stream()
              .filter(p -> p.name().equalsIgnoreCase(name))
              .findFirst()
              .orElseThrow(
                  () ->
                      new ToolFailure(
                          c.tool()
                              + " failed: no project named '"
                              + name
                              + "'. Projects: "
                              + all.stream()
                                  .map(ProjectResponse::name)
                                  .collect(Collectors.joining(", "))
                              + " [GET /api/v1/projects]"));
    }
    long projectId = project.id();
    ProjectContextResponse context =
        rest.call(
            c.tool(),
            "GET /api/v1/context/" + projectId,
            () -> rest.api().projectContext(projectId));
    Long previous = session.projectId();
    boolean reRegistered = false;
    String reRegistrationError = null;
    Identity identity = session.identity();
    if (identity != null && !Objects.equals(previous, projectId)) {
      try {
        agents.register(
            c.tool(),
            session,
            identity.agentId(),
            identity.role(),
            identity.skillLevel(),
            projectId);
        reRegistered = true;
      } catch (ToolFailure failure) {
        reRegistrationError = failure.getMessage();
      }
    }
    session.projectId(projectId);
    String text = "Now working in project " + project.name() + " (id " + projectId + ").";
    if (reRegistered) {
      text += " Re-registered " + identity.agentId() + " in it.";
    } else if (reRegistrationError != null) {
      text += " Re-registration failed: " + reRegistrationError;
    }
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("project", Json.map(context));
    data.put("previous_project_id", previous);
    data.put("re_registered", reRegistered);
    data.put("re_registration_error", reRegistrationError);
    return new Outcome(text, data);
  }

  private Outcome projectContext(ToolContext c) {
    long projectId = agents.resolveProject(c.tool(), c.session(), c.integer("project_id"));
    ProjectContextResponse context =
        rest.call(
            c.tool(),
            "GET /api/v1/context/" + projectId,
            () -> rest.api().projectContext(projectId));
    Identity identity = c.session().identity();
    Map<String, Object> agent = null;
    if (identity != null) {
      agent = new LinkedHashMap<>();
      agent.put("agent_id", identity.agentId());
      agent.put("role", identity.role());
      agent.put("skill_level", identity.skillLevel());
    }
    String text =
        "Project "
            + context.projectName()
            + " (id "
            + projectId
            + ")\nshared: "
            + context.sharedPath()
            + "\ninstructions: "
            + context.instructionsPath()
            + "\nproject docs: "
            + context.projectDocsPath()
            + "\ncode guidelines: "
            + context.codeGuidelinesPath()
            + " (resource headless-pm://guidelines/code)\n"
            + (identity == null
                ? "Not registered: call register_agent."
                : "Registered as "
                    + identity.agentId()
                    + " ("
                    + identity.role()
                    + ", "
                    + identity.skillLevel()
                    + ").");
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("context", Json.map(context));
    data.put("agent", agent);
    data.put("guidelines_resource", "headless-pm://guidelines/code");
    return new Outcome(text, data);
  }

  // --- Agents -----------------------------------------------------------------------------------

  private Outcome registerAgent(ToolContext c) {
    String agentId = c.string("agent_id");
    String role = c.string("role");
    String level = c.args().containsKey("skill_level") ? c.string("skill_level") : "senior";
    long projectId = agents.resolveProject(c.tool(), c.session(), c.integer("project_id"));
    AgentRegistrationResponse response =
        agents.register(c.tool(), c.session(), agentId, role, level, projectId);
    AgentResponse agent = response.agent();
    List<MentionResponse> mentions = response.mentions() == null ? List.of() : response.mentions();
    StringBuilder text =
        new StringBuilder("Registered ")
            .append(agentId)
            .append(" as ")
            .append(role)
            .append(" (")
            .append(level)
            .append(") in project ")
            .append(agent == null ? "" : agent.projectName())
            .append(" (id ")
            .append(projectId)
            .append(").\n");
    TaskResponse next = response.nextTask();
    text.append(
        next == null
            ? "No task waiting right now."
            : "Next task: #" + next.id() + " " + next.title() + " (lock it with lock_task).");
    text.append("\nUnread mentions: ")
        .append(mentions.stream().filter(m -> !m.isRead()).count())
        .append(".");
    if (!agentId.matches("[A-Za-z0-9_]+")) {
      text.append(
          "\nWarning: other agents cannot @mention an id with characters other than letters,"
              + " digits and _.");
    }
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("agent", Json.map(agent));
    data.put("next_task", Json.plain(next));
    data.put("mentions", Json.list(mentions));
    data.put("project_id", projectId);
    return new Outcome(text.toString(), data);
  }

  private Outcome listAgents(ToolContext c) {
    long projectId = agents.resolveProject(c.tool(), c.session(), c.integer("project_id"));
    List<AgentResponse> list =
        rest.call(
            c.tool(),
            "GET /api/v1/agents?project_id=" + projectId,
            () -> rest.api().listAgents(projectId));
    String text =
        list.isEmpty()
            ? "No agents registered."
            : list.stream()
                .map(
                    a ->
                        a.agentId()
                            + ": "
                            + a.role()
                            + " ("
                            + a.level()
                            + ") via "
                            + a.connectionType()
                            + ", last seen "
                            + a.lastSeen())
                .collect(Collectors.joining("\n"));
    return new Outcome(text, structured("agents", Json.list(list), "count", list.size()));
  }

  private Outcome deleteAgent(ToolContext c) {
    Identity me = agents.requireIdentity(c.tool(), c.session());
    long projectId = agents.resolveProject(c.tool(), c.session(), null);
    String target = c.string("agent_id");
    MessageResponse response =
        rest.call(
            c.tool(),
            "DELETE /api/v1/agents/" + target,
            () -> rest.api().deleteAgent(target, me.agentId(), projectId));
    if (target.equals(me.agentId())) {
      c.session().identity(null);
    }
    return new Outcome(
        "Agent " + target + " deleted.",
        structured("deleted_agent_id", target, "response", Json.map(response)));
  }

  // --- Epics and features -----------------------------------------------------------------------

  private Outcome listEpics(ToolContext c) {
    Long projectId = agents.projectIfResolvable(c.tool(), c.session());
    List<EpicResponse> epics =
        rest.call(c.tool(), "GET /api/v1/epics", () -> rest.api().listEpics(projectId));
    String text =
        epics.isEmpty()
            ? "No epics."
            : epics.stream()
                .map(
                    e ->
                        "#"
                            + e.id()
                            + " "
                            + e.name()
                            + " - "
                            + e.completedTaskCount()
                            + "/"
                            + e.taskCount()
                            + " tasks done, "
                            + e.inProgressTaskCount()
                            + " in progress")
                .collect(Collectors.joining("\n"));
    return new Outcome(text, structured("epics", Json.list(epics), "count", epics.size()));
  }

  private Outcome getEpic(ToolContext c) {
    long epicId = c.integer("epic_id");
    EpicResponse epic =
        rest.call(c.tool(), "GET /api/v1/epics/" + epicId, () -> rest.api().getEpic(epicId));
    List<FeatureResponse> features =
        rest.call(
            c.tool(), "GET /api/v1/features/" + epicId, () -> rest.api().listFeatures(epicId));
    String text =
        "#"
            + epic.id()
            + " "
            + epic.name()
            + ": "
            + epic.description()
            + features.stream()
                .map(f -> "\n  feature #" + f.id() + " " + f.name())
                .collect(Collectors.joining());
    return new Outcome(text, structured("epic", Json.map(epic), "features", Json.list(features)));
  }

  private Outcome createEpic(ToolContext c) {
    Identity me = agents.requireIdentity(c.tool(), c.session());
    long projectId = agents.resolveProject(c.tool(), c.session(), null);
    String description = c.args().containsKey("description") ? c.string("description") : "";
    EpicResponse epic =
        rest.call(
            c.tool(),
            "POST /api/v1/epics",
            () ->
                rest.api()
                    .createEpic(
                        me.agentId(), projectId, new EpicCreate(c.string("name"), description)));
    return new Outcome(
        "Epic #" + epic.id() + " '" + epic.name() + "' created.",
        structured("epic", Json.map(epic)));
  }

  private Outcome deleteEpic(ToolContext c) {
    Identity me = agents.requireIdentity(c.tool(), c.session());
    long epicId = c.integer("epic_id");
    MessageResponse response =
        rest.call(
            c.tool(),
            "DELETE /api/v1/epics/" + epicId,
            () -> rest.api().deleteEpic(epicId, me.agentId()));
    return new Outcome(
        "Epic #" + epicId + " deleted (with its features and tasks).",
        structured("deleted_epic_id", epicId, "response", Json.map(response)));
  }

  private Outcome listFeatures(ToolContext c) {
    long epicId = c.integer("epic_id");
    List<FeatureResponse> features =
        rest.call(
            c.tool(), "GET /api/v1/features/" + epicId, () -> rest.api().listFeatures(epicId));
    String text =
        features.isEmpty()
            ? "Epic #" + epicId + " has no features."
            : features.stream()
                .map(f -> "#" + f.id() + " " + f.name() + " - " + cut(f.description(), 120))
                .collect(Collectors.joining("\n"));
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("epic_id", epicId);
    data.put("features", Json.list(features));
    data.put("count", features.size());
    return new Outcome(text, data);
  }

  private Outcome createFeature(ToolContext c) {
    Identity me = agents.requireIdentity(c.tool(), c.session());
    long epicId = c.integer("epic_id");
    String description = c.args().containsKey("description") ? c.string("description") : "";
    FeatureResponse feature =
        rest.call(
            c.tool(),
            "POST /api/v1/features",
            () ->
                rest.api()
                    .createFeature(
                        me.agentId(), new FeatureCreate(epicId, c.string("name"), description)));
    return new Outcome(
        "Feature #" + feature.id() + " '" + feature.name() + "' created in epic #" + epicId + ".",
        structured("feature", Json.map(feature)));
  }

  // --- Tasks ------------------------------------------------------------------------------------

  private Outcome listTasks(ToolContext c) {
    long projectId = agents.resolveProject(c.tool(), c.session(), null);
    TaskStatus status = c.string("status") == null ? null : TaskStatus.valueOf(c.string("status"));
    AgentRole role = c.string("role") == null ? null : AgentRole.parse(c.string("role"));
    Long featureId = c.integer("feature_id");
    int limit = c.integer("limit") == null ? 100 : c.integer("limit").intValue();
    List<TaskResponse> all =
        rest.call(
            c.tool(),
            "GET /api/v1/tasks?project_id=" + projectId,
            () -> rest.api().listTasks(status, role, projectId, null));
    List<TaskResponse> matching =
        all.stream().filter(t -> featureId == null || t.featureId() == featureId).toList();
    List<TaskResponse> tasks = matching.subList(0, Math.min(limit, matching.size()));
    String text =
        tasks.isEmpty()
            ? "No tasks."
            : tasks.stream().map(HeadlessPmTools::taskLine).collect(Collectors.joining("\n"));
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("tasks", Json.list(tasks));
    data.put("count", tasks.size());
    data.put("truncated", matching.size() > tasks.size());
    return new Outcome(text, data);
  }

  static String taskLine(TaskResponse t) {
    return "#"
        + t.id()
        + " ["
        + t.status()
        + "] "
        + t.title()
        + " ("
        + t.targetRole()
        + "/"
        + t.difficulty()
        + ", "
        + t.complexity()
        + ")"
        + (t.lockedBy() == null ? "" : ", locked by " + t.lockedBy());
  }

  private Outcome createTask(ToolContext c) {
    Identity me = agents.requireIdentity(c.tool(), c.session());
    String role = c.string("role") != null ? c.string("role") : me.role();
    String level = c.string("skill_level") != null ? c.string("skill_level") : me.skillLevel();
    TaskComplexity complexity = TaskComplexity.valueOf(c.string("complexity"));
    String branch =
        c.string("branch") != null
            ? c.string("branch")
            : complexity == TaskComplexity.minor ? "main" : "";
    TaskResponse task =
        rest.call(
            c.tool(),
            "POST /api/v1/tasks/create",
            () ->
                rest.api()
                    .createTask(
                        me.agentId(),
                        new TaskCreate(
                            c.integer("feature_id"),
                            c.string("title"),
                            c.string("description"),
                            AgentRole.parse(role),
                            DifficultyLevel.valueOf(level),
                            complexity,
                            branch,
                            null)));
    return new Outcome(
        "Task #"
            + task.id()
            + " '"
            + task.title()
            + "' created for "
            + task.targetRole()
            + "/"
            + task.difficulty()
            + " ("
            + task.complexity()
            + ", branch "
            + task.branch()
            + ").",
        structured("task", Json.map(task)));
  }

  private Outcome lockTask(ToolContext c) {
    Identity me = agents.requireIdentity(c.tool(), c.session());
    long taskId = c.integer("task_id");
    TaskResponse task =
        rest.call(
            c.tool(),
            "POST /api/v1/tasks/" + taskId + "/lock",
            () -> rest.api().lockTask(taskId, me.agentId()));
    return new Outcome(
        "Task #"
            + taskId
            + " is now locked by "
            + me.agentId()
            + " and "
            + task.status()
            + ". When done: update_task_status (e.g. dev_done) with notes.",
        structured("task", Json.map(task)));
  }

  private Outcome updateTaskStatus(ToolContext c) {
    Identity me = agents.requireIdentity(c.tool(), c.session());
    long taskId = c.integer("task_id");
    TaskStatus status = TaskStatus.valueOf(c.string("status"));
    TaskStatusUpdateResponse response =
        rest.call(
            c.tool(),
            "PUT /api/v1/tasks/" + taskId + "/status",
            () ->
                rest.api()
                    .updateTaskStatus(
                        taskId, me.agentId(), new TaskStatusUpdate(status, c.string("notes"))));
    StringBuilder text = new StringBuilder("Task #" + taskId + " is now " + status + ".");
    TaskResponse next = response.nextTask();
    if (next != null) {
      text.append("\nYour next task: #")
          .append(next.id())
          .append(" ")
          .append(next.title())
          .append(" - lock it and continue.");
    } else {
      text.append("\nNo task is ready; call get_next_task to wait for one.");
    }
    if (response.continuationPrompt() != null) {
      text.append("\n").append(response.continuationPrompt());
    }
    return new Outcome(text.toString(), Json.map(response));
  }

  private Outcome deleteTask(ToolContext c) {
    Identity me = agents.requireIdentity(c.tool(), c.session());
    long taskId = c.integer("task_id");
    MessageResponse response =
        rest.call(
            c.tool(),
            "DELETE /api/v1/tasks/" + taskId,
            () -> rest.api().deleteTask(taskId, me.agentId()));
    return new Outcome(
        "Task #" + taskId + " deleted.",
        structured("deleted_task_id", taskId, "response", Json.map(response)));
  }

  // --- Documents and mentions -------------------------------------------------------------------

  private Outcome createDocument(ToolContext c) {
    Identity me = c.session().identity();
    String author = me != null ? me.agentId() : c.string("author_id");
    if (author == null) {
      agents.requireIdentity(c.tool(), c.session());
      author = c.session().identity().agentId();
    }
    long projectId = agents.resolveProject(c.tool(), c.session(), null);
    String content = c.string("content");
    List<String> wanted = new ArrayList<>();
    if (c.args().get("mentions") instanceof List<?> list) {
      list.forEach(m -> wanted.add(String.valueOf(m)));
    }
    List<String> missing =
        wanted.stream()
            .distinct()
            .filter(
                id ->
                    !content.matches(
                        "(?s).*@" + java.util.regex.Pattern.quote(id) + "(?![A-Za-z0-9_]).*"))
            .toList();
    String body =
        missing.isEmpty()
            ? content
            : content
                + "\n\nCC: "
                + missing.stream().map(id -> "@" + id).collect(Collectors.joining(" "));
    DocumentType type =
        DocumentType.valueOf(c.string("doc_type") == null ? "update" : c.string("doc_type"));
    Instant expires = c.string("expires_at") == null ? null : instant(c.string("expires_at"));
    String authorId = author;
    DocumentResponse document =
        rest.call(
            c.tool(),
            "POST /api/v1/documents",
            () ->
                rest.api()
                    .createDocument(
                        authorId,
                        projectId,
                        new DocumentCreate(
                            type,
                            c.string("title"),
                            body,
                            Json.jsonp(c.object("meta_data")),
                            expires)));
    List<String> mentioned = document.mentions() == null ? List.of() : document.mentions();
    List<String> unresolved =
        wanted.stream().distinct().filter(id -> !mentioned.contains(id)).toList();
    String text =
        "Document #"
            + document.id()
            + " '"
            + document.title()
            + "' ("
            + document.docType()
            + ") published; mentioned: "
            + (mentioned.isEmpty() ? "nobody" : String.join(", ", mentioned))
            + "."
            + (unresolved.isEmpty()
                ? ""
                : " Warning: not mentioned (unknown agent?): "
                    + String.join(", ", unresolved)
                    + ".");
    return new Outcome(
        text, structured("document", Json.map(document), "unresolved_mentions", unresolved));
  }

  private Outcome listDocuments(ToolContext c) {
    long projectId = agents.resolveProject(c.tool(), c.session(), null);
    DocumentType type =
        c.string("doc_type") == null ? null : DocumentType.valueOf(c.string("doc_type"));
    int limit = c.integer("limit") == null ? 20 : c.integer("limit").intValue();
    List<DocumentResponse> documents =
        rest.call(
            c.tool(),
            "GET /api/v1/documents?project_id=" + projectId,
            () -> rest.api().listDocuments(projectId, type, c.string("author_id"), limit));
    String text =
        documents.isEmpty()
            ? "No documents."
            : documents.stream()
                .map(
                    d ->
                        "#"
                            + d.id()
                            + " ["
                            + d.docType()
                            + "] "
                            + d.title()
                            + " by "
                            + d.authorId()
                            + ", "
                            + d.createdAt()
                            + "\n  "
                            + cut(d.content(), 200))
                .collect(Collectors.joining("\n"));
    return new Outcome(
        text, structured("documents", Json.list(documents), "count", documents.size()));
  }

  private Outcome getDocument(ToolContext c) {
    long id = c.integer("document_id");
    DocumentResponse document =
        rest.call(c.tool(), "GET /api/v1/documents/" + id, () -> rest.api().getDocument(id));
    return new Outcome(
        "#"
            + document.id()
            + " ["
            + document.docType()
            + "] "
            + document.title()
            + " by "
            + document.authorId()
            + "\n\n"
            + document.content(),
        structured("document", Json.map(document)));
  }

  private Outcome getMentions(ToolContext c) {
    Identity me = agents.requireIdentity(c.tool(), c.session());
    long projectId = agents.resolveProject(c.tool(), c.session(), null);
    boolean unreadOnly = c.flag("unread_only", false);
    int limit = c.integer("limit") == null ? 50 : c.integer("limit").intValue();
    List<MentionResponse> mentions =
        rest.call(
            c.tool(),
            "GET /api/v1/mentions?agent_id=" + me.agentId(),
            () -> rest.api().listMentions(projectId, me.agentId(), unreadOnly, limit));
    long unread = mentions.stream().filter(m -> !m.isRead()).count();
    String text =
        mentions.isEmpty()
            ? "No mentions."
            : mentions.size()
                + " mentions ("
                + unread
                + " unread)\n"
                + mentions.stream()
                    .map(
                        m ->
                            "#"
                                + m.id()
                                + " "
                                + (m.isRead() ? "read" : "unread")
                                + " in "
                                + (m.documentId() != null
                                    ? "document #" + m.documentId() + " '" + m.documentTitle() + "'"
                                    : "task #" + m.taskId() + " '" + m.taskTitle() + "'")
                                + ", by "
                                + m.createdBy()
                                + ", at "
                                + m.createdAt())
                    .collect(Collectors.joining("\n"));
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("mentions", Json.list(mentions));
    data.put("count", mentions.size());
    data.put("unread_count", unread);
    return new Outcome(text, data);
  }

  // --- Services ---------------------------------------------------------------------------------

  private Outcome registerService(ToolContext c) {
    Identity me = agents.requireIdentity(c.tool(), c.session());
    long projectId = agents.resolveProject(c.tool(), c.session(), null);
    String serviceUrl = c.string("service_url");
    String given =
        c.string("ping_url") != null ? c.string("ping_url") : c.string("health_check_url");
    String ping =
        given == null ? serviceUrl : given.startsWith("/") ? stripSlash(serviceUrl) + given : given;
    Integer port = c.integer("port") == null ? null : c.integer("port").intValue();
    if (port == null) {
      port = portOf(serviceUrl != null ? serviceUrl : ping);
    }
    Map<String, Object> meta =
        c.object("meta_data") == null
            ? new LinkedHashMap<>()
            : new LinkedHashMap<>(c.object("meta_data"));
    if (serviceUrl != null) {
      meta.put("url", serviceUrl);
    }
    ServiceStatus status =
        ServiceStatus.valueOf(c.string("status") == null ? "up" : c.string("status"));
    Integer finalPort = port;
    ServiceResponse service =
        rest.call(
            c.tool(),
            "POST /api/v1/services/register",
            () ->
                rest.api()
                    .registerService(
                        me.agentId(),
                        projectId,
                        new ServiceRegistration(
                            c.string("service_name"),
                            ping,
                            finalPort,
                            status,
                            meta.isEmpty() ? null : Json.jsonp(meta))));
    return new Outcome(
        "Service '"
            + service.serviceName()
            + "' registered (status "
            + service.status()
            + ", ping "
            + service.pingUrl()
            + "); send_heartbeat about every 30 s to keep it marked up.",
        structured("service", Json.map(service)));
  }

  private Outcome sendHeartbeat(ToolContext c) {
    Identity me = agents.requireIdentity(c.tool(), c.session());
    long projectId = agents.resolveProject(c.tool(), c.session(), null);
    String name = c.string("service_name");
    ServiceResponse service =
        rest.call(
            c.tool(),
            "POST /api/v1/services/" + name + "/heartbeat",
            () -> rest.api().heartbeatService(name, me.agentId(), projectId));
    String status = c.string("status");
    String text = "Heartbeat recorded for '" + name + "' at " + service.lastHeartbeat() + ".";
    if (status != null && !status.equalsIgnoreCase("up") && !status.equalsIgnoreCase("healthy")) {
      text +=
          " The status '"
              + status
              + "' was ignored: a heartbeat always means up; use register_service to report"
              + " down or starting.";
    }
    return new Outcome(text, structured("service", Json.map(service)));
  }

  private Outcome listServices(ToolContext c) {
    long projectId = agents.resolveProject(c.tool(), c.session(), null);
    List<ServiceResponse> services =
        rest.call(
            c.tool(),
            "GET /api/v1/services?project_id=" + projectId,
            () -> rest.api().listServices(projectId));
    String text =
        services.isEmpty()
            ? "No services registered."
            : services.stream()
                .map(
                    s ->
                        s.serviceName()
                            + " ["
                            + s.status()
                            + "] owner "
                            + s.ownerAgentId()
                            + ", ping "
                            + s.pingUrl()
                            + ", last heartbeat "
                            + s.lastHeartbeat())
                .collect(Collectors.joining("\n"));
    return new Outcome(text, structured("services", Json.list(services), "count", services.size()));
  }

  private Outcome unregisterService(ToolContext c) {
    Identity me = agents.requireIdentity(c.tool(), c.session());
    long projectId = agents.resolveProject(c.tool(), c.session(), null);
    String name = c.string("service_name");
    MessageResponse response =
        rest.call(
            c.tool(),
            "DELETE /api/v1/services/" + name,
            () -> rest.api().unregisterService(name, me.agentId(), projectId));
    return new Outcome(
        "Service '" + name + "' removed.",
        structured("service_name", name, "response", Json.map(response)));
  }

  // --- Change feed and usage --------------------------------------------------------------------

  private Outcome pollChanges(ToolContext c) {
    Identity me = agents.requireIdentity(c.tool(), c.session());
    long projectId = agents.resolveProject(c.tool(), c.session(), null);
    AgentSession session = c.session();
    Instant since =
        c.string("since_timestamp") != null
            ? instant(c.string("since_timestamp"))
            : session.changesCursor() != null ? session.changesCursor() : session.createdAt();
    ChangesResponse response =
        rest.call(
            c.tool(),
            "GET /api/v1/changes?agent_id=" + me.agentId(),
            () -> rest.api().changes(since, projectId, me.agentId()));
    if (response.lastTimestamp() != null) {
      session.changesCursor(response.lastTimestamp());
    }
    List<ChangeEvent> changes = response.changes() == null ? List.of() : response.changes();
    String text =
        changes.isEmpty()
            ? "Nothing new since " + since + "."
            : changes.size()
                + " changes since "
                + since
                + changes.stream()
                    .map(
                        e ->
                            "\n"
                                + e.timestamp()
                                + " "
                                + e.type()
                                + ": "
                                + cut(String.valueOf(e.data()), 160))
                    .collect(Collectors.joining());
    Map<String, Object> data = Json.map(response);
    data.put("since", since.toString());
    return new Outcome(text, data);
  }

  private Outcome tokenUsage(ToolContext c) {
    Map<String, Object> summary = tokens.summary(c.session(), sessions.all());
    @SuppressWarnings("unchecked")
    Map<String, Object> daily = (Map<String, Object>) summary.get("daily_usage");
    Object today = daily.getOrDefault(java.time.LocalDate.now(ZoneOffset.UTC).toString(), 0);
    String text =
        "This session: ~"
            + c.session().sessionTokens()
            + " tokens over "
            + c.session().toolCallCount()
            + " tool calls; today: ~"
            + today
            + "; all time: ~"
            + summary.get("total_tokens")
            + " (estimate: characters / 4).";
    return new Outcome(text, summary);
  }

  // --- helpers ----------------------------------------------------------------------------------

  private static Map<String, Object> structured(Object... pairs) {
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      map.put((String) pairs[i], pairs[i + 1]);
    }
    return map;
  }

  static String cut(String text, int max) {
    if (text == null) {
      return "";
    }
    String flat = text.replace('\n', ' ');
    return flat.length() <= max ? flat : flat.substring(0, max) + "...";
  }

  /** An ISO-8601 time; without a zone it is taken as UTC (MCP.md 3.0.6). */
  static Instant instant(String text) {
    try {
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException zoneless) {
      return LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
    }
  }

  private static String stripSlash(String url) {
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }

  private static Integer portOf(String url) {
    if (url == null) {
      return null;
    }
    try {
      int port = URI.create(url).getPort();
      return port > 0 ? port : null;
    } catch (IllegalArgumentException notAUrl) {
      return null;
    }
  }

  /** The lower-case wire name of an enum value, for summaries. */
  static String wire(Enum<?> value) {
    return value == null ? "" : value.name().toLowerCase(Locale.ROOT);
  }
}
