package org.headlesspm.mcp.stdio;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The stdio bridge (MCP.md 6.6) for hosts that can only start a process: reads one JSON-RPC message
 * per line on stdin, POSTs it to the MCP server's Streamable HTTP endpoint, and writes every JSON
 * answer and every event-stream {@code data} payload as one line to stdout. stdout carries nothing
 * else; diagnostics go to stderr ({@code DEBUG=1} for more).
 *
 * <p>It relays to a running MCP server rather than hosting the tools itself, so there is one MCP
 * engine (the WAR's) and the bridge needs nothing but the JDK. Configuration: {@code
 * HEADLESS_PM_MCP_URL} (default {@code http://localhost:6968/mcp}), {@code API_KEY} (sent as {@code
 * X-API-Key}), {@code HEADLESS_PM_AGENT_ID}, {@code HEADLESS_PM_AGENT_ROLE}, {@code
 * HEADLESS_PM_AGENT_LEVEL}, {@code HEADLESS_PM_PROJECT_ID} (sent as identity hints).
 */
public final class StdioBridge {

  private static final Pattern INITIALIZE = Pattern.compile("\"method\"\\s*:\\s*\"initialize\"");
  private static final Pattern HAS_ID = Pattern.compile("\"id\"\\s*:");
  private static final Pattern METHOD = Pattern.compile("\"method\"\\s*:");
  private static final Pattern VERSION =
      Pattern.compile("\"protocolVersion\"\\s*:\\s*\"([^\"]+)\"");
  private static final String INITIALIZED =
      "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}";

  private final URI endpoint;
  private final Map<String, String> headers;
  private final PrintStream out;
  private final boolean debug;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  private final ExecutorService requests = Executors.newCachedThreadPool(daemon());
  private volatile String sessionId;
  private volatile String protocolVersion;
  private volatile String initializeLine;

  StdioBridge(Map<String, String> env, PrintStream out) {
    this.endpoint =
        URI.create(env.getOrDefault("HEADLESS_PM_MCP_URL", "http://localhost:6968/mcp"));
    this.out = out;
    this.debug = "1".equals(env.get("DEBUG"));
    Map<String, String> h = new LinkedHashMap<>();
    put(h, "X-API-Key", first(env, "API_KEY", "API_KEY_HEADLESS_PM", "HEADLESS_PM_API_KEY"));
    put(h, "X-Agent-Id", env.get("HEADLESS_PM_AGENT_ID"));
    put(h, "X-Agent-Role", env.get("HEADLESS_PM_AGENT_ROLE"));
    put(h, "X-Agent-Level", env.get("HEADLESS_PM_AGENT_LEVEL"));
    put(h, "X-Project-Id", env.get("HEADLESS_PM_PROJECT_ID"));
    this.headers = h;
  }

  public static void main(String[] args) throws Exception {
    // Anything a library might print must not reach the protocol channel.
    PrintStream protocol = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    System.setOut(System.err);
    int status = new StdioBridge(System.getenv(), protocol).run(System.in);
    System.exit(status);
  }

  int run(InputStream in) throws IOException, InterruptedException {
    log("relaying stdio to " + endpoint);
    try (BufferedReader reader =
        new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String line;
      while ((line = reader.readLine()) != null) {
        String message = line.strip();
        if (message.isEmpty()) {
          continue;
        }
        if (INITIALIZE.matcher(message).find()) {
          initializeLine = message;
          sessionId = null;
          send(message, true, true);
        } else if (HAS_ID.matcher(message).find() && METHOD.matcher(message).find()) {
          requests.submit(() -> send(message, true, true));
        } else {
          send(message, false, true);
        }
      }
    }
    requests.shutdown();
    requests.awaitTermination(10, TimeUnit.MINUTES);
    endSession();
    return 0;
  }

  /** POSTs one message; writes the answer(s) to stdout; re-initializes once on 404. */
  private void send(String message, boolean expectAnswer, boolean retry) {
    try {
      HttpResponse<InputStream> response = post(message);
      if (response.statusCode() == 404 && retry && sessionId != null && initializeLine != null) {
        response.body().close();
        log("session expired; initializing again");
        sessionId = null;
        HttpResponse<InputStream> init = post(initializeLine);
        remember(init);
        drain(init, false);
        post(INITIALIZED).body().close();
        send(message, expectAnswer, false);
        return;
      }
      remember(response);
      drain(response, true);
    } catch (IOException e) {
      log("request failed: " + e.getMessage());
      if (expectAnswer) {
        writeError(message, "MCP server at " + endpoint + " unreachable: " + e.getMessage());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private HttpResponse<InputStream> post(String message) throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(endpoint)
            .header("Content-Type", "application/json")
            .header("Accept", "application/json, text/event-stream")
            .POST(HttpRequest.BodyPublishers.ofString(message, StandardCharsets.UTF_8));
    headers.forEach(request::header);
    if (sessionId != null) {
      request.header("Mcp-Session-Id", sessionId);
    }
    if (protocolVersion != null) {
      request.header("MCP-Protocol-Version", protocolVersion);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
  }

  private void remember(HttpResponse<?> response) {
    response.headers().firstValue("Mcp-Session-Id").ifPresent(id -> sessionId = id);
  }

  /** Writes a JSON body as one line, or each SSE {@code data} payload as one line. */
  private void drain(HttpResponse<InputStream> response, boolean forward) throws IOException {
    String type = response.headers().firstValue("Content-Type").orElse("");
    try (BufferedReader body =
        new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
      if (type.startsWith("text/event-stream")) {
        StringBuilder data = new StringBuilder();
        String line;
        while ((line = body.readLine()) != null) {
          if (line.startsWith("data:")) {
            data.append(line.substring(5).strip());
          } else if (line.isEmpty() && data.length() > 0) {
            emit(data.toString(), forward);
            data.setLength(0);
          }
        }
        if (data.length() > 0) {
          emit(data.toString(), forward);
        }
      } else {
        StringBuilder text = new StringBuilder();
        String line;
        while ((line = body.readLine()) != null) {
          text.append(line);
        }
        if (!text.toString().isBlank()) {
          emit(text.toString(), forward);
        }
      }
    }
  }

  private void emit(String json, boolean forward) {
    Matcher version = VERSION.matcher(json);
    if (version.find() && json.contains("\"serverInfo\"")) {
      protocolVersion = version.group(1);
    }
    if (forward) {
      synchronized (out) {
        out.println(json);
        out.flush();
      }
    }
  }

  private void writeError(String message, String text) {
    Matcher id = Pattern.compile("\"id\"\\s*:\\s*(\"[^\"]*\"|-?\\d+)").matcher(message);
    if (id.find()) {
      emit(
          "{\"jsonrpc\":\"2.0\",\"id\":"
              + id.group(1)
              + ",\"error\":{\"code\":-32603,\"message\":\""
              + text.replace("\\", "\\\\").replace("\"", "'")
              + "\"}}",
          true);
    }
  }

  private void endSession() {
    if (sessionId == null) {
      return;
    }
    try {
      HttpRequest.Builder delete =
          HttpRequest.newBuilder(endpoint).header("Mcp-Session-Id", sessionId).DELETE();
      headers.forEach(delete::header);
      http.send(delete.build(), HttpResponse.BodyHandlers.discarding());
    } catch (IOException | InterruptedException e) {
      log("could not end the session: " + e.getMessage());
    }
  }

  private void log(String text) {
    if (debug) {
      System.err.println("[headless-pm-mcp-stdio] " + text);
    }
  }

  private static String first(Map<String, String> env, String... names) {
    for (String name : names) {
      String value = env.get(name);
      if (value != null && !value.isBlank()) {
        return value;
      }
    }
    return null;
  }

  private static void put(Map<String, String> headers, String name, String value) {
    if (value != null && !value.isBlank()) {
      headers.put(name, value.strip());
    }
  }

  private static java.util.concurrent.ThreadFactory daemon() {
    return r -> {
      Thread thread = new Thread(r, "stdio-request");
      thread.setDaemon(true);
      return thread;
    };
  }
}
