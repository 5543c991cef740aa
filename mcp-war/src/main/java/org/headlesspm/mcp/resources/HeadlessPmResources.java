package org.headlesspm.mcp.resources;

import io.modelcontextprotocol.server.McpAsyncServerExchange;
import io.modelcontextprotocol.server.McpServerFeatures;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.headlesspm.api.EpicResponse;
import org.headlesspm.api.ProjectContextResponse;
import org.headlesspm.mcp.Json;
import org.headlesspm.mcp.McpSettings;
import org.headlesspm.mcp.rest.RestGateway;
import org.headlesspm.mcp.session.AgentSession;
import org.headlesspm.mcp.session.SessionBinder;
import org.headlesspm.mcp.tools.AgentDirectory;
import org.headlesspm.mcp.tools.ToolFailure;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The read-only resources of MCP.md 4.1 (JSON snapshots of REST answers, and the project's code
 * guidelines as Markdown) and the resource templates for single tasks, documents, epics and role
 * instructions. REST failures become JSON-RPC {@code -32603}; a missing project {@code -32602}.
 */
public class HeadlessPmResources {

  private static final String JSON = "application/json";
  private static final long MAX_GUIDELINES_BYTES = 1024 * 1024;

  private final McpSettings settings;
  private final RestGateway rest;
  private final AgentDirectory agents;
  private final SessionBinder binder;
  private final Prompts prompts;

  public HeadlessPmResources(
      McpSettings settings,
      RestGateway rest,
      AgentDirectory agents,
      SessionBinder binder,
      Prompts prompts) {
    this.settings = settings;
    this.rest = rest;
    this.agents = agents;
    this.binder = binder;
    this.prompts = prompts;
  }

  private record Reader(String restCall, Function<AgentSession, Object> read) {}

  public List<McpServerFeatures.AsyncResourceSpecification> resources(String transport) {
    List<McpServerFeatures.AsyncResourceSpecification> list = new ArrayList<>();
    add(
        list,
        transport,
        "tasks/list",
        "Current Tasks",
        "Tasks of the current project, newest first.",
        "GET /api/v1/tasks",
        s -> rest.api().listTasks(null, null, project(s), null));
    add(
        list,
        transport,
        "agents/list",
        "Active Agents",
        "Agents registered in the current project.",
        "GET /api/v1/agents",
        s -> rest.api().listAgents(project(s)));
    add(
        list,
        transport,
        "documents/recent",
        "Recent Documents",
        "The 20 newest documents of the current project.",
        "GET /api/v1/documents",
        s -> rest.api().listDocuments(project(s), null, null, 20));
    add(
        list,
        transport,
        "services/status",
        "Service Status",
        "Registered services of the current project and their health.",
        "GET /api/v1/services",
        s -> rest.api().listServices(project(s)));
    add(
        list,
        transport,
        "changelog/recent",
        "Recent Activity",
        "The 50 latest task status changes.",
        "GET /api/v1/changelog",
        s -> rest.api().changelog(50, null, null));
    add(
        list,
        transport,
        "context/project",
        "Project Context",
        "Paths and repository settings of the current project.",
        "GET /api/v1/context",
        s -> rest.api().projectContext(project(s)));
    list.add(
        new McpServerFeatures.AsyncResourceSpecification(
            resource(
                "guidelines/code",
                "Code Guidelines",
                "The current project's code guidelines (Markdown).",
                "text/markdown"),
            (exchange, request) ->
                read(
                    exchange,
                    request,
                    transport,
                    "text/markdown",
                    "GET /api/v1/context",
                    s -> guidelines(project(s)))));
    add(
        list,
        transport,
        "projects/list",
        "Projects",
        "Every project known to Headless PM.",
        "GET /api/v1/projects",
        s -> rest.api().listProjects());
    add(
        list,
        transport,
        "epics/list",
        "Epics",
        "Epics with task progress counters.",
        "GET /api/v1/epics",
        s -> rest.api().listEpics(agents.projectIfResolvable("resources/read", s)));
    add(
        list,
        transport,
        "features/list",
        "Features",
        "Features of every epic of the current project.",
        "GET /api/v1/features",
        s -> features(agents.projectIfResolvable("resources/read", s)));
    add(
        list,
        transport,
        "mentions/me",
        "My Mentions",
        "Unread @mentions of this session's agent.",
        "GET /api/v1/mentions",
        s -> {
          String agent = agents.requireIdentity("resources/read", s).agentId();
          return rest.api().listMentions(project(s), agent, true, null);
        });
    return list;
  }

  public List<McpServerFeatures.AsyncResourceTemplateSpecification> templates(String transport) {
    return List.of(
        template(
            "headless-pm://tasks/{task_id}",
            "Task",
            "One task.",
            JSON,
            transport,
            (s, id) -> rest.api().getTask(Long.parseLong(id))),
        template(
            "headless-pm://documents/{document_id}",
            "Document",
            "One document.",
            JSON,
            transport,
            (s, id) -> rest.api().getDocument(Long.parseLong(id))),
        template(
            "headless-pm://epics/{epic_id}",
            "Epic",
            "One epic with its features.",
            JSON,
            transport,
            (s, id) -> {
              long epicId = Long.parseLong(id);
              Map<String, Object> data = new LinkedHashMap<>();
              data.put("epic", Json.map(rest.api().getEpic(epicId)));
              data.put("features", Json.list(rest.api().listFeatures(epicId)));
              return data;
            }),
        template(
            "headless-pm://instructions/{role}",
            "Role instructions",
            "Instructions for an MCP-connected agent of this role (Markdown).",
            "text/markdown",
            transport,
            (s, role) -> prompts.instructions(role)));
  }

  private void add(
      List<McpServerFeatures.AsyncResourceSpecification> list,
      String transport,
      String path,
      String name,
      String description,
      String restCall,
      Function<AgentSession, Object> read) {
    list.add(
        new McpServerFeatures.AsyncResourceSpecification(
            resource(path, name, description, JSON),
            (exchange, request) -> read(exchange, request, transport, JSON, restCall, read)));
  }

  private static McpSchema.Resource resource(
      String path, String name, String description, String mime) {
    return McpSchema.Resource.builder()
        .uri("headless-pm://" + path)
        .name(name)
        .title(name)
        .description(description)
        .mimeType(mime)
        .build();
  }

  private McpServerFeatures.AsyncResourceTemplateSpecification template(
      String uriTemplate,
      String name,
      String description,
      String mime,
      String transport,
      java.util.function.BiFunction<AgentSession, String, Object> read) {
    String prefix = uriTemplate.substring(0, uriTemplate.indexOf('{'));
    return new McpServerFeatures.AsyncResourceTemplateSpecification(
        new McpSchema.ResourceTemplate(uriTemplate, name, name, description, mime, null),
        (exchange, request) -> {
          String value = request.uri().substring(prefix.length());
          if (value.isEmpty() || value.contains("/")) {
            return Mono.error(McpError.RESOURCE_NOT_FOUND.apply(request.uri()));
          }
          return read(
              exchange,
              request,
              transport,
              mime,
              "GET " + request.uri(),
              s -> {
                try {
                  return read.apply(s, value);
                } catch (NumberFormatException notANumber) {
                  throw McpError.RESOURCE_NOT_FOUND.apply(request.uri());
                }
              });
        });
  }

  private Mono<McpSchema.ReadResourceResult> read(
      McpAsyncServerExchange exchange,
      McpSchema.ReadResourceRequest request,
      String transport,
      String mime,
      String restCall,
      Function<AgentSession, Object> read) {
    return Mono.fromCallable(
            () -> {
              AgentSession session = binder.bind(exchange, transport);
              Object value;
              try {
                value = read.apply(session);
              } catch (ToolFailure failure) {
                throw McpError.builder(-32602)
                    .message(failure.getMessage())
                    .data(Map.of("uri", request.uri()))
                    .build();
              } catch (McpError error) {
                throw error;
              } catch (RuntimeException failure) {
                Map<String, Object> data = new LinkedHashMap<>();
                data.put("uri", request.uri());
                data.put("rest_call", restCall);
                if (failure instanceof org.headlesspm.api.ApiError api) {
                  data.put("status", api.status());
                }
                throw McpError.builder(-32603)
                    .message(rest.describe("resources/read " + request.uri(), restCall, failure))
                    .data(data)
                    .build();
              }
              String text = value instanceof String s ? s : Json.write(Json.plain(value));
              return new McpSchema.ReadResourceResult(
                  List.of(new McpSchema.TextResourceContents(request.uri(), mime, text)));
            })
        .subscribeOn(Schedulers.boundedElastic());
  }

  private long project(AgentSession session) {
    return agents.resolveProject("resources/read", session, null);
  }

  private List<Object> features(Long projectId) {
    List<Object> all = new ArrayList<>();
    for (EpicResponse epic : rest.api().listEpics(projectId)) {
      all.addAll(Json.list(rest.api().listFeatures(epic.id())));
    }
    return all;
  }

  /**
   * The code guidelines file of the project, read only when it lies under {@code MCP_FILES_ROOT}
   * and is a regular file of at most 1 MiB; otherwise a note why not (MCP.md 4.1).
   */
  private String guidelines(long projectId) {
    ProjectContextResponse context = rest.api().projectContext(projectId);
    String configured = context.codeGuidelinesPath();
    if (configured == null || configured.isBlank()) {
      return "# Code guidelines\n\nProject "
          + context.projectName()
          + " has no code guidelines configured. Set `code_guidelines_path` in the project settings.\n";
    }
    Path root = settings.filesRoot().toAbsolutePath().normalize();
    Path path = Path.of(configured);
    if (!path.isAbsolute()) {
      Path docs = context.projectDocsPath() == null ? root : Path.of(context.projectDocsPath());
      path = Files.exists(docs.resolve(path)) ? docs.resolve(path) : root.resolve(path);
    }
    try {
      Path real = path.toRealPath();
      if (real.startsWith(root.toRealPath())
          && Files.isRegularFile(real)
          && Files.size(real) <= MAX_GUIDELINES_BYTES) {
        return Files.readString(real);
      }
    } catch (IOException | RuntimeException unreadable) {
      // falls through to the note
    }
    return "# Code guidelines\n\nThe configured file `"
        + configured
        + "` is not reachable from the MCP server (only files below MCP_FILES_ROOT are served).\n";
  }
}
