package org.headlesspm.mcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.headlesspm.testing.HeadlessPmStack;
import org.headlesspm.testing.PayaraService.Kind;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The MCP wire protocol by hand (JDK HTTP client) and the stdio bridge through its stdin/stdout:
 * version negotiation, session rules, malformed JSON-RPC, cancellation of a long poll, token usage
 * persisted when a session ends.
 */
class McpProtocolIT {

  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static HeadlessPmStack stack;
  private static String mcp;
  private static Path tokenFile;

  @BeforeAll
  static void start() throws Exception {
    tokenFile = Files.createTempDirectory("mcp-tokens").resolve("usage.json");
    stack =
        HeadlessPmStack.builder()
            .withMcp()
            .env("MCP_PROGRESS_INTERVAL_SECONDS", "1")
            .env("MCP_TOKEN_USAGE_FILE", tokenFile.toString())
            .start();
    mcp = stack.url(Kind.MCP);
  }

  @AfterAll
  static void stop() {
    if (stack != null) {
      stack.close();
    }
  }

  record Answer(int status, String sessionId, String contentType, String body) {
    /** The one JSON-RPC message of a JSON body or of the last SSE data line. */
    Map<String, Object> message() {
      String json = body.strip();
      if (contentType != null && contentType.startsWith("text/event-stream")) {
        List<String> data = body.lines().filter(l -> l.startsWith("data:")).toList();
        json = data.get(data.size() - 1).substring(5).strip();
      }
      return Json.readMap(json);
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> result() {
      return (Map<String, Object>) message().get("result");
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> error() {
      return (Map<String, Object>) message().get("error");
    }
  }

  static Answer post(String path, String sessionId, String body) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(mcp + path))
            .header("Content-Type", "application/json")
            .header("Accept", "application/json, text/event-stream")
            .POST(HttpRequest.BodyPublishers.ofString(body));
    if (sessionId != null) {
      request.header("Mcp-Session-Id", sessionId);
    }
    HttpResponse<String> response =
        HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    return new Answer(
        response.statusCode(),
        response.headers().firstValue("Mcp-Session-Id").orElse(null),
        response.headers().firstValue("Content-Type").orElse(null),
        response.body());
  }

  static String initialize(String version) throws Exception {
    Answer answer = post("/mcp", null, initializeBody(version));
    assertEquals(200, answer.status(), answer.body());
    assertNotNull(answer.sessionId());
    assertEquals(
        202,
        post(
                "/mcp",
                answer.sessionId(),
                "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}")
            .status());
    return answer.sessionId();
  }

  static String initializeBody(String version) {
    return "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\""
        + version
        + "\",\"capabilities\":{},\"clientInfo\":{\"name\":\"raw-http\",\"version\":\"1\"}}}";
  }

  static String toolCall(Object id, String tool, String arguments) {
    return "{\"jsonrpc\":\"2.0\",\"id\":"
        + id
        + ",\"method\":\"tools/call\",\"params\":{\"name\":\""
        + tool
        + "\",\"arguments\":"
        + arguments
        + "}}";
  }

  @ParameterizedTest
  @CsvSource({
    "2025-06-18, 2025-06-18",
    "2025-03-26, 2025-03-26",
    "2024-11-05, 2024-11-05",
    "1999-01-01, 2025-06-18"
  })
  void negotiatesTheProtocolVersion(String asked, String expected) throws Exception {
    Answer answer = post("/mcp", null, initializeBody(asked));
    assertEquals(200, answer.status());
    assertEquals(expected, answer.result().get("protocolVersion"));
    @SuppressWarnings("unchecked")
    Map<String, Object> info = (Map<String, Object>) answer.result().get("serverInfo");
    assertEquals("headless-pm", info.get("name"));
    // The session works at the negotiated version: tools/list answers the 28 tools.
    Answer tools =
        post(
            "/mcp", answer.sessionId(), "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/list\"}");
    assertEquals(28, ((List<?>) tools.result().get("tools")).size());
  }

  @Test
  void enforcesSessions() throws Exception {
    String ping = "{\"jsonrpc\":\"2.0\",\"id\":\"p\",\"method\":\"ping\"}";
    assertEquals(400, post("/mcp", null, ping).status());
    assertEquals(404, post("/mcp", "no-such-session", ping).status());
    String session = initialize("2025-06-18");
    Answer pong = post("/mcp", session, ping);
    assertEquals("p", pong.message().get("id"));
    assertEquals(Map.of(), pong.result());
    HttpResponse<String> deleted =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(mcp + "/mcp"))
                .header("Mcp-Session-Id", session)
                .DELETE()
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertTrue(deleted.statusCode() < 300, "DELETE answered " + deleted.statusCode());
    assertEquals(404, post("/mcp", session, ping).status());
  }

  @Test
  void malformedJsonRpcGetsTheRightErrorsAndTheServerKeepsServing() throws Exception {
    String session = initialize("2025-06-18");
    Answer parse = post("/mcp", session, "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":");
    assertEquals(400, parse.status());
    assertEquals(-32700, ((Number) parse.error().get("code")).intValue());

    Answer notRpc = post("/mcp", session, "{\"hello\":\"world\"}");
    assertEquals(400, notRpc.status());
    assertEquals(-32600, ((Number) notRpc.error().get("code")).intValue());

    Answer unknown =
        post("/mcp", session, "{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"tasks/teleport\"}");
    assertEquals(200, unknown.status());
    assertEquals(-32601, ((Number) unknown.error().get("code")).intValue());
    assertEquals(7, ((Number) unknown.message().get("id")).intValue());

    Answer wrongArgs =
        post("/mcp", session, toolCall(8, "lock_task", "{\"task_id\":\"abc\",\"extra\":1}"));
    assertEquals(-32602, ((Number) wrongArgs.error().get("code")).intValue());
    @SuppressWarnings("unchecked")
    Map<String, Object> data = (Map<String, Object>) wrongArgs.error().get("data");
    assertEquals(2, ((List<?>) data.get("errors")).size(), data.toString());

    Answer unknownTool = post("/mcp", session, toolCall(9, "lock_taks", "{}"));
    assertEquals(-32602, ((Number) unknownTool.error().get("code")).intValue());
    assertEquals("lock_task", ((Map<?, ?>) unknownTool.error().get("data")).get("did_you_mean"));

    Answer lenient = post("/mcp", session, toolCall(10, "get_epic", "{\"epic_id\":\"999999\"}"));
    assertEquals(
        Boolean.TRUE,
        lenient.result().get("isError"),
        "'999999' is read as an integer; the REST 404 is a tool error");

    Answer stillServing =
        post("/mcp", session, "{\"jsonrpc\":\"2.0\",\"id\":11,\"method\":\"tools/list\"}");
    assertEquals(28, ((List<?>) stillServing.result().get("tools")).size());

    HttpResponse<String> sse =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(mcp + "/sse"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{}"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertEquals(405, sse.statusCode());
    assertEquals("GET", sse.headers().firstValue("Allow").orElse(null));
  }

  @Test
  void progressAndCancellationOfTheLongPoll() throws Exception {
    String session = initialize("2025-06-18");
    Answer registered =
        post(
            "/mcp",
            session,
            toolCall(
                1,
                "register_agent",
                "{\"agent_id\":\"architect_wait_001\",\"role\":\"architect\",\"skill_level\":\"principal\"}"));
    assertEquals(Boolean.FALSE, registered.result().get("isError"));
    String call =
        "{\"jsonrpc\":\"2.0\",\"id\":\"wait-1\",\"method\":\"tools/call\",\"params\":{\"name\":\"get_next_task\","
            + "\"arguments\":{\"wait_seconds\":120},\"_meta\":{\"progressToken\":\"tok-1\"}}}";
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(mcp + "/mcp"))
            .header("Content-Type", "application/json")
            .header("Accept", "application/json, text/event-stream")
            .header("Mcp-Session-Id", session)
            .POST(HttpRequest.BodyPublishers.ofString(call))
            .build();
    HttpResponse<Stream<String>> stream = HTTP.send(request, HttpResponse.BodyHandlers.ofLines());
    assertTrue(
        stream.headers().firstValue("Content-Type").orElse("").startsWith("text/event-stream"));
    List<Map<String, Object>> progress = new ArrayList<>();
    var lines = stream.body().iterator();
    while (progress.size() < 2 && lines.hasNext()) {
      String line = lines.next();
      if (line.startsWith("data:")) {
        Map<String, Object> message = Json.readMap(line.substring(5).strip());
        assertEquals("notifications/progress", message.get("method"), line);
        @SuppressWarnings("unchecked")
        Map<String, Object> params = (Map<String, Object>) message.get("params");
        assertEquals("tok-1", params.get("progressToken"));
        progress.add(params);
      }
    }
    assertEquals(2, progress.size());
    assertTrue(
        ((Number) progress.get(1).get("progress")).doubleValue()
            > ((Number) progress.get(0).get("progress")).doubleValue());
    assertTrue(String.valueOf(progress.get(0).get("message")).contains("architect/principal"));

    assertEquals(
        202,
        post(
                "/mcp",
                session,
                "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/cancelled\",\"params\":{\"requestId\":\"wait-1\",\"reason\":\"test\"}}")
            .status());
    // The server ends the wait: the session has no running request left.
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    int inFlight;
    do {
      Thread.sleep(200);
      inFlight = inFlight(session);
    } while (inFlight != 0 && System.nanoTime() < deadline);
    assertEquals(0, inFlight);
  }

  @SuppressWarnings("unchecked")
  static int inFlight(String session) throws Exception {
    String body =
        HTTP.send(
                HttpRequest.newBuilder(URI.create(mcp + "/status")).build(),
                HttpResponse.BodyHandlers.ofString())
            .body();
    Map<String, Object> sessions = (Map<String, Object>) Json.readMap(body).get("sessions");
    for (Object detail : (List<Object>) sessions.get("details")) {
      Map<String, Object> d = (Map<String, Object>) detail;
      assertFalse(String.valueOf(d.get("session")).length() > 8, "/status shows only id prefixes");
      if (session.startsWith(String.valueOf(d.get("session")))) {
        return ((Number) d.get("in_flight")).intValue();
      }
    }
    throw new AssertionError("session not in /status");
  }

  @Test
  void tokenUsageIsPersistedWhenASessionEnds() throws Exception {
    String session = initialize("2025-03-26");
    post("/mcp", session, toolCall(1, "list_projects", "{}"));
    Answer usage = post("/mcp", session, toolCall(2, "get_token_usage", "{}"));
    String text = String.valueOf(((List<?>) usage.result().get("content")).get(0));
    assertTrue(text.contains("tool calls"), text);
    HTTP.send(
        HttpRequest.newBuilder(URI.create(mcp + "/mcp"))
            .header("Mcp-Session-Id", session)
            .DELETE()
            .build(),
        HttpResponse.BodyHandlers.discarding());
    Map<String, Object> file = Json.readMap(Files.readString(tokenFile));
    assertTrue(((Number) file.get("total_tokens")).longValue() > 0);
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> sessions = (List<Map<String, Object>>) file.get("sessions");
    assertTrue(
        sessions.stream()
            .anyMatch(
                s ->
                    session.startsWith(String.valueOf(s.get("session_id_prefix")))
                        && ((Number) s.get("tool_calls")).intValue() == 2));
    assertFalse(((Map<?, ?>) file.get("daily_usage")).isEmpty());
  }

  @Test
  void stdioBridgeSpeaksOnlyJsonRpcOnStdout() throws Exception {
    String jar = System.getProperty("mcp.stdio.jar", "target/headless-pm-mcp-stdio.jar");
    ProcessBuilder builder =
        new ProcessBuilder(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", jar);
    builder.environment().put("HEADLESS_PM_MCP_URL", mcp + "/mcp");
    builder.environment().put("HEADLESS_PM_AGENT_ID", "stdio_dev_001");
    builder.environment().put("HEADLESS_PM_AGENT_ROLE", "frontend_dev");
    builder.environment().put("DEBUG", "1");
    Process bridge = builder.start();
    CompletableFuture<String> stderr =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                return new String(bridge.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
              } catch (java.io.IOException e) {
                return e.toString();
              }
            });
    try (Writer in = new OutputStreamWriter(bridge.getOutputStream(), StandardCharsets.UTF_8);
        BufferedReader out =
            new BufferedReader(
                new InputStreamReader(bridge.getInputStream(), StandardCharsets.UTF_8))) {
      in.write(initializeBody("2025-03-26") + "\n");
      in.write("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}\n");
      in.flush();
      Map<String, Object> init = Json.readMap(out.readLine());
      assertEquals(1, ((Number) init.get("id")).intValue());
      in.write("{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/list\"}\n");
      in.flush();
      Map<String, Object> tools = Json.readMap(out.readLine());
      assertEquals(2, ((Number) tools.get("id")).intValue());
      @SuppressWarnings("unchecked")
      Map<String, Object> toolsResult = (Map<String, Object>) tools.get("result");
      assertEquals(28, ((List<?>) toolsResult.get("tools")).size());
      in.write(toolCall(3, "get_mentions", "{}") + "\n");
      in.write(toolCall(4, "get_next_task", "{\"wait_seconds\":0}") + "\n");
      in.flush();
      List<Map<String, Object>> answers =
          List.of(Json.readMap(out.readLine()), Json.readMap(out.readLine()));
      // get_mentions (id 3) needs an identity: HEADLESS_PM_AGENT_* registered the bridge's agent.
      for (Map<String, Object> answer : answers) {
        @SuppressWarnings("unchecked")
        Map<String, Object> result = (Map<String, Object>) answer.get("result");
        assertEquals(Boolean.FALSE, result.get("isError"), answer.toString());
      }
      in.close();
      assertTrue(bridge.waitFor(60, TimeUnit.SECONDS), "the bridge exits on stdin EOF");
      assertEquals(0, bridge.exitValue());
      assertEquals(null, out.readLine(), "nothing but the four answers on stdout");
    } finally {
      bridge.destroy();
    }
    assertTrue(stderr.get(10, TimeUnit.SECONDS).contains("relaying"), "diagnostics go to stderr");
  }
}
