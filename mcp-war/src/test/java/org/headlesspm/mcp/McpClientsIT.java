package org.headlesspm.mcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientSseClientTransport;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpClientTransport;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.headlesspm.testing.HeadlessPmStack;
import org.headlesspm.testing.PayaraService.Kind;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Real MCP clients against the real mcp-war, which talks to the real api-war on SQLite: the Java
 * SDK's client over Streamable HTTP and over the legacy HTTP+SSE transport, and the official
 * TypeScript SDK (run by node) over Streamable HTTP.
 */
class McpClientsIT {

  static final List<String> TOOLS =
      List.of(
          "list_projects",
          "switch_project",
          "get_project_context",
          "register_agent",
          "list_agents",
          "delete_agent",
          "list_epics",
          "get_epic",
          "create_epic",
          "delete_epic",
          "list_features",
          "create_feature",
          "list_tasks",
          "get_next_task",
          "create_task",
          "lock_task",
          "update_task_status",
          "delete_task",
          "create_document",
          "list_documents",
          "get_document",
          "get_mentions",
          "register_service",
          "send_heartbeat",
          "list_services",
          "unregister_service",
          "poll_changes",
          "get_token_usage");

  private static HeadlessPmStack stack;
  private static String mcp;

  @BeforeAll
  static void start() {
    stack = HeadlessPmStack.builder().withMcp().env("MCP_PROGRESS_INTERVAL_SECONDS", "1").start();
    mcp = stack.url(Kind.MCP);
  }

  @AfterAll
  static void stop() {
    if (stack != null) {
      stack.close();
    }
  }

  static McpSyncClient streamable(String name) {
    return connect(HttpClientStreamableHttpTransport.builder(mcp).endpoint("/mcp").build(), name);
  }

  static McpSyncClient connect(McpClientTransport transport, String name) {
    McpSyncClient client =
        McpClient.sync(transport)
            .clientInfo(new McpSchema.Implementation(name, "1.0.0"))
            .requestTimeout(Duration.ofSeconds(60))
            .build();
    client.initialize();
    return client;
  }

  static Map<String, Object> ok(McpSchema.CallToolResult result) {
    assertFalse(result.isError(), () -> "tool failed: " + result.content());
    assertEquals(2, result.content().size(), "summary and JSON text");
    @SuppressWarnings("unchecked")
    Map<String, Object> structured = (Map<String, Object>) result.structuredContent();
    assertNotNull(structured, "structuredContent");
    return structured;
  }

  static McpSchema.CallToolResult call(
      McpSyncClient client, String tool, Map<String, Object> args) {
    return client.callTool(new McpSchema.CallToolRequest(tool, args));
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> object(Map<String, Object> map, String key) {
    return (Map<String, Object>) map.get(key);
  }

  static long id(Map<String, Object> object) {
    return ((Number) object.get("id")).longValue();
  }

  static String text(McpSchema.CallToolResult result) {
    return ((McpSchema.TextContent) result.content().get(0)).text();
  }

  @Test
  void javaSdkListsTheTwentyEightToolsWithValidSchemas() {
    try (McpSyncClient client = streamable("java-tools")) {
      List<McpSchema.Tool> tools = client.listTools().tools();
      assertEquals(TOOLS, tools.stream().map(McpSchema.Tool::name).toList());
      for (McpSchema.Tool tool : tools) {
        Map<String, Object> schema = tool.inputSchema();
        assertEquals("object", schema.get("type"), tool.name());
        assertEquals(Boolean.FALSE, schema.get("additionalProperties"), tool.name());
        @SuppressWarnings("unchecked")
        Map<String, Object> properties = (Map<String, Object>) schema.get("properties");
        assertNotNull(properties, tool.name());
        for (Object property : properties.values()) {
          Object type = ((Map<?, ?>) property).get("type");
          assertTrue(
              List.of("string", "integer", "boolean", "array", "object").contains(type),
              tool.name() + " property type " + type);
        }
        for (Object required : (List<?>) schema.getOrDefault("required", List.of())) {
          assertTrue(
              properties.containsKey(required), tool.name() + " requires unknown " + required);
        }
        assertFalse(
            schema.containsKey("anyOf")
                || schema.containsKey("oneOf")
                || schema.containsKey("allOf"));
        assertNotNull(tool.title(), tool.name());
        assertEquals("object", tool.outputSchema().get("type"), tool.name());
        assertNotNull(tool.annotations(), tool.name());
        assertTrue(tool.name().matches("^[a-zA-Z0-9_-]{1,64}$"));
      }
      // The hidden aliases work but are not listed.
      Map<String, Object> context = ok(call(client, "get_context", Map.of()));
      assertNotNull(object(context, "context").get("project_name"));
    }
  }

  @Test
  void javaSdkRunsTheAgentWorkflowOverStreamableHttp() {
    try (McpSyncClient pm = streamable("java-pm");
        McpSyncClient dev = streamable("java-dev")) {
      Map<String, Object> registered =
          ok(call(pm, "register_agent", Map.of("agent_id", "pm_java_001", "role", "project_pm")));
      assertEquals("mcp", object(registered, "agent").get("connection_type"));
      Map<String, Object> epic =
          object(
              ok(call(pm, "create_epic", Map.of("name", "Java epic", "description", "d"))), "epic");
      Map<String, Object> feature =
          object(
              ok(call(pm, "create_feature", Map.of("epic_id", id(epic), "name", "Java feature"))),
              "feature");
      Map<String, Object> task =
          object(
              ok(
                  call(
                      pm,
                      "create_task",
                      Map.of(
                          "feature_id", id(feature),
                          "title", "Add login endpoint",
                          "description", "POST /login with tests",
                          "complexity", "major",
                          "role", "backend_dev",
                          "skill_level", "junior"))),
              "task");
      assertFalse(
          ((String) task.get("branch")).isBlank(), "the API derives a branch for major tasks");

      ok(
          call(
              dev,
              "register_agent",
              Map.of(
                  "agent_id", "backend_dev_junior_001", "role", "backend_dev", "level", "junior")));
      Map<String, Object> next = ok(call(dev, "get_next_task", Map.of("wait_seconds", 0)));
      assertEquals(id(task), id(object(next, "task")));
      Map<String, Object> locked =
          object(ok(call(dev, "lock_task", Map.of("task_id", id(task)))), "task");
      assertEquals("under_work", locked.get("status"));
      assertEquals("backend_dev_junior_001", locked.get("locked_by"));

      McpSchema.CallToolResult refused = call(pm, "lock_task", Map.of("task_id", id(task)));
      assertTrue(refused.isError(), "locking a locked task is a tool error");
      assertTrue(
          text(refused).contains("[POST /api/v1/tasks/" + id(task) + "/lock]"), text(refused));
      assertNull(refused.structuredContent());

      Map<String, Object> done =
          ok(
              call(
                  dev,
                  "update_task_status",
                  Map.of("task_id", id(task), "status", "dev_done", "notes", "implemented")));
      assertEquals("dev_done", object(done, "task").get("status"));
      assertNotNull(done.get("workflow_status"));

      Map<String, Object> document =
          object(
              ok(
                  call(
                      dev,
                      "create_document",
                      Map.of(
                          "title",
                          "Login ready",
                          "content",
                          "Please review.",
                          "mentions",
                          List.of("pm_java_001")))),
              "document");
      assertTrue(((String) document.get("content")).endsWith("CC: @pm_java_001"));
      assertEquals(List.of("pm_java_001"), document.get("mentions"));

      Map<String, Object> mentions = ok(call(pm, "get_mentions", Map.of("unread_only", true)));
      @SuppressWarnings("unchecked")
      List<Map<String, Object>> list = (List<Map<String, Object>>) mentions.get("mentions");
      assertTrue(
          list.stream().anyMatch(m -> ((Number) m.get("document_id")).longValue() == id(document)));

      McpError invalid =
          assertThrows(
              McpError.class,
              () ->
                  call(
                      dev, "update_task_status", Map.of("task_id", id(task), "status", "testing")));
      assertEquals(-32602, invalid.getJsonRpcError().code());
      assertTrue(invalid.getMessage().contains("testing"));
    }
  }

  @Test
  void javaSdkReadsResources() {
    try (McpSyncClient client = streamable("java-resources")) {
      List<String> uris =
          client.listResources().resources().stream().map(McpSchema.Resource::uri).toList();
      assertTrue(
          uris.containsAll(
              List.of(
                  "headless-pm://tasks/list",
                  "headless-pm://agents/list",
                  "headless-pm://documents/recent",
                  "headless-pm://services/status",
                  "headless-pm://changelog/recent",
                  "headless-pm://context/project",
                  "headless-pm://guidelines/code",
                  "headless-pm://projects/list",
                  "headless-pm://epics/list",
                  "headless-pm://features/list")),
          uris.toString());
      McpSchema.ReadResourceResult projects =
          client.readResource(new McpSchema.ReadResourceRequest("headless-pm://projects/list"));
      McpSchema.TextResourceContents contents =
          (McpSchema.TextResourceContents) projects.contents().get(0);
      assertEquals("application/json", contents.mimeType());
      assertTrue(contents.text().startsWith("[") && contents.text().contains("\"name\""));
      McpError unknown =
          assertThrows(
              McpError.class,
              () ->
                  client.readResource(
                      new McpSchema.ReadResourceRequest("headless-pm://nothing/here")));
      assertEquals(-32002, unknown.getJsonRpcError().code());
    }
  }

  @Test
  void javaSdkWorksOverLegacySseWithIdentityHints() {
    McpClientTransport sse =
        HttpClientSseClientTransport.builder(mcp)
            .sseEndpoint("/sse?agent_id=qa_sse_001&role=qa&skill_level=senior")
            .build();
    try (McpSyncClient client = connect(sse, "java-sse")) {
      assertEquals(TOOLS, client.listTools().tools().stream().map(McpSchema.Tool::name).toList());
      Map<String, Object> projects = ok(call(client, "list_projects", Map.of()));
      assertFalse(((List<?>) projects.get("projects")).isEmpty());
      // Registered from the connection hints, without register_agent.
      Map<String, Object> mentions = ok(call(client, "get_mentions", Map.of()));
      assertNotNull(mentions.get("count"));
      Map<String, Object> context = ok(call(client, "get_project_context", Map.of()));
      assertEquals("qa_sse_001", object(context, "agent").get("agent_id"));
    }
  }

  @Test
  void typeScriptSdkRunsTheWorkflowOverStreamableHttp() throws Exception {
    Path dir = Path.of(System.getProperty("mcp.node.dir", "src/test/node"));
    if (!Files.isDirectory(dir.resolve("node_modules/@modelcontextprotocol/sdk"))) {
      assertEquals(0, run(dir, "npm", "ci", "--no-audit", "--no-fund").exit(), "npm ci failed");
    }
    Result result = run(dir, "node", "client.mjs", mcp + "/mcp");
    assertEquals(0, result.exit(), result.stderr());
    Map<String, Object> seen = org.headlesspm.mcp.Json.readMap(result.stdout().strip());
    assertEquals("2025-06-18", seen.get("protocolVersion"));
    assertEquals(28, ((Number) seen.get("toolCount")).intValue());
    assertEquals(TOOLS, seen.get("toolNames"));
    assertEquals("ok", seen.get("workflow"));
    assertTrue(((String) seen.get("lockConflict")).contains("conflict"));
    assertEquals(Boolean.TRUE, seen.get("cancelled"));
    assertEquals(
        List.of("continue_work", "report_blocker", "start_agent"),
        ((List<?>) seen.get("prompts")).stream().map(String::valueOf).sorted().toList());
  }

  @Test
  void healthReportsItselfAndTheApi() throws Exception {
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(mcp + "/health")).build(),
                HttpResponse.BodyHandlers.ofString());
    assertEquals(200, response.statusCode());
    Map<String, Object> health = org.headlesspm.mcp.Json.readMap(response.body());
    assertEquals("healthy", health.get("status"));
    assertEquals("headless-pm-mcp", health.get("service"));
    for (String field :
        List.of("version", "pid", "active_sessions", "base_url", "timestamp", "depends_on")) {
      assertTrue(health.containsKey(field), field);
    }
  }

  record Result(int exit, String stdout, String stderr) {}

  static Result run(Path dir, String... command) throws IOException, InterruptedException {
    Process process =
        new ProcessBuilder(command)
            .directory(dir.toFile())
            .redirectInput(ProcessBuilder.Redirect.PIPE)
            .start();
    process.getOutputStream().close();
    var out = process.getInputStream();
    var err = process.getErrorStream();
    var stdout = new java.util.concurrent.CompletableFuture<String>();
    var stderr = new java.util.concurrent.CompletableFuture<String>();
    new Thread(() -> stdout.complete(read(out))).start();
    new Thread(() -> stderr.complete(read(err))).start();
    if (!process.waitFor(5, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      throw new AssertionError(String.join(" ", command) + " did not finish");
    }
    return new Result(process.exitValue(), stdout.join(), stderr.join());
  }

  private static String read(java.io.InputStream in) {
    try {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      return e.toString();
    }
  }
}
