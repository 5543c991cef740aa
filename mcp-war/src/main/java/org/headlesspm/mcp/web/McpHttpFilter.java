package org.headlesspm.mcp.web;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.headlesspm.mcp.Json;
import org.headlesspm.mcp.McpSettings;
import org.headlesspm.mcp.server.McpEngine;
import org.headlesspm.mcp.session.AgentSession;
import org.headlesspm.mcp.session.Hints;
import org.headlesspm.mcp.session.SessionBinder;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Everything the HTTP transports need before and after the SDK's servlets (MCP.md 1.6, 6.4, 6.5):
 * Origin and optional API-key checks, body size and content type, JSON parse errors ({@code
 * -32700}) and non-JSON-RPC bodies ({@code -32600}) answered in the JSON-RPC form, 405 for
 * POST/DELETE on {@code /sse}, the request's JSON-RPC id and identity hints handed to the tool
 * layer, cancellation of running requests, and session bookkeeping (initialize, initialized,
 * DELETE).
 */
public class McpHttpFilter extends HttpFilter {

  static final String SESSION_HEADER = "Mcp-Session-Id";
  private static final Pattern LOCAL_ORIGIN =
      Pattern.compile("^https?://(localhost|127\\.0\\.0\\.1|\\[::1\\])(:\\d+)?$");
  private static final Pattern ENDPOINT_SESSION = Pattern.compile("sessionId=([A-Za-z0-9-]+)");

  private final transient McpEngine engine;
  private final transient McpSettings settings;

  public McpHttpFilter(McpEngine engine) {
    this.engine = engine;
    this.settings = engine.settings();
  }

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    String path = request.getServletPath();
    String method = request.getMethod();
    if (!originAllowed(request.getHeader("Origin"))) {
      error(response, 403, -32000, "Forbidden: Origin not allowed", null);
      return;
    }
    cors(request, response);
    if ("OPTIONS".equals(method)) {
      response.setHeader("Allow", "GET, POST, DELETE, OPTIONS");
      response.setStatus(204);
      return;
    }
    if (settings.requireApiKey() && !authorised(request)) {
      error(response, 401, -32000, "Unauthorized", null);
      return;
    }
    if ("/sse".equals(path) && !"GET".equals(method)) {
      response.setHeader("Allow", "GET");
      error(response, 405, -32000, "Method not allowed: use GET /sse", null);
      return;
    }
    Hints hints = hints(request);
    if ("GET".equals(method) && "/sse".equals(path)) {
      SessionSniffer sniffer = new SessionSniffer(response, hints);
      request.setAttribute(SessionBinder.HINTS, hints);
      // The SDK writes the stream through the async context: hand it the sniffing response.
      chain.doFilter(
          new HttpServletRequestWrapper(request) {
            @Override
            public AsyncContext startAsync() {
              return request.startAsync(this, sniffer);
            }
          },
          sniffer);
      return;
    }
    if (!"POST".equals(method)) {
      chain.doFilter(request, response);
      if ("DELETE".equals(method) && response.getStatus() < 300) {
        engine.sessions().end(request.getHeader(SESSION_HEADER));
      }
      return;
    }
    if (request.getContentLengthLong() > settings.maxBodyBytes()) {
      error(response, 413, -32000, "Payload too large", null);
      return;
    }
    String contentType = request.getContentType();
    if (contentType == null || !contentType.toLowerCase(Locale.ROOT).contains("json")) {
      error(
          response,
          415,
          -32000,
          "Unsupported Media Type: use Content-Type: application/json",
          null);
      return;
    }
    byte[] body = request.getInputStream().readNBytes(settings.maxBodyBytes() + 1);
    if (body.length > settings.maxBodyBytes()) {
      error(response, 413, -32000, "Payload too large", null);
      return;
    }
    JsonNode message;
    try {
      message = Json.MAPPER.readTree(body);
    } catch (JacksonException unparsable) {
      error(response, 400, -32700, "Parse error", null);
      return;
    }
    if (message == null
        || message.isMissingNode()
        || !(message.isObject() || message.isArray())
        || message.isArray() && message.isEmpty()
        || message.isObject() && !valid(message)) {
      JsonNode id = message != null && message.isObject() ? message.get("id") : null;
      error(response, 400, -32600, "Invalid Request: not a JSON-RPC 2.0 message", id);
      return;
    }
    String rpcMethod =
        message.isObject() && message.hasNonNull("method")
            ? message.get("method").asString()
            : null;
    String sessionId =
        "/messages".equals(path) ? sessionParam(request) : request.getHeader(SESSION_HEADER);
    if ("notifications/cancelled".equals(rpcMethod)) {
      cancel(sessionId, message.get("params"));
    }
    if ("initialize".equals(rpcMethod)
        && !"/messages".equals(path)
        && engine.sessions().count() >= settings.maxSessions()) {
      error(response, 503, -32000, "Too many sessions", message.get("id"));
      return;
    }
    if ("tools/call".equals(rpcMethod)
        && "/mcp".equals(path)
        && engine.sessions().find(sessionId) != null
        && unknownTool(response, message)) {
      return;
    }
    if (message.isObject() && message.hasNonNull("id")) {
      request.setAttribute(SessionBinder.REQUEST_ID, message.get("id").toString());
    }
    request.setAttribute(SessionBinder.HINTS, hints);
    HeaderCapture capture = new HeaderCapture(response);
    chain.doFilter(new CachedBody(request, body), capture);
    if ("initialize".equals(rpcMethod)) {
      String created = "/messages".equals(path) ? sessionId : capture.sessionId;
      if (created != null) {
        AgentSession session =
            engine.sessions().get(created, "/messages".equals(path) ? "sse" : "streamable-http");
        session.hints(hints);
        JsonNode params = message.get("params");
        if (params != null && params.isObject()) {
          String asked = params.path("protocolVersion").asString(null);
          session.protocolVersion(
              asked != null && settings.protocolVersions().contains(asked)
                  ? asked
                  : settings.newestProtocolVersion());
          JsonNode info = params.path("clientInfo");
          session.client(info.path("name").asString(null), info.path("version").asString(null));
        }
      }
    }
    if ("notifications/initialized".equals(rpcMethod) && sessionId != null) {
      engine.autoRegisterLater(sessionId);
    }
  }

  /**
   * Answers a call of a tool that does not exist with {@code -32602} naming the available tools and
   * the closest one (MCP.md 3.0.3); the SDK's own answer lacks both.
   */
  private boolean unknownTool(HttpServletResponse response, JsonNode message) throws IOException {
    String name = message.path("params").path("name").asString(null);
    if (name == null || engine.tools().find(name) != null || !message.hasNonNull("id")) {
      return false;
    }
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("tool", name);
    data.put("available", engine.tools().names());
    data.put("did_you_mean", engine.tools().closest(name));
    Map<String, Object> error = new LinkedHashMap<>();
    error.put("code", -32602);
    error.put("message", "Unknown tool: " + name);
    error.put("data", data);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("jsonrpc", "2.0");
    body.put("id", Json.MAPPER.treeToValue(message.get("id"), Object.class));
    body.put("error", error);
    HealthServlet.write(response, 200, body);
    return true;
  }

  private static boolean valid(JsonNode message) {
    if (!"2.0".equals(message.path("jsonrpc").asString(null))) {
      return false;
    }
    JsonNode method = message.get("method");
    if (method != null && !method.isString()) {
      return false;
    }
    JsonNode id = message.get("id");
    if (method != null && message.has("id") && (id == null || id.isNull())) {
      return false;
    }
    return method != null || message.has("result") || message.has("error");
  }

  private void cancel(String sessionId, JsonNode params) {
    AgentSession session = engine.sessions().find(sessionId);
    if (session != null && params != null && params.hasNonNull("requestId")) {
      session.cancel(params.get("requestId").toString());
    }
  }

  static String sessionParam(HttpServletRequest request) {
    String id = request.getParameter("sessionId");
    return id != null ? id : request.getParameter("session_id");
  }

  private boolean originAllowed(String origin) {
    if (origin == null || settings.allowedOrigins().contains("*")) {
      return true;
    }
    if (settings.allowedOrigins().isEmpty()) {
      return LOCAL_ORIGIN.matcher(origin).matches();
    }
    return settings.allowedOrigins().contains(origin);
  }

  private void cors(HttpServletRequest request, HttpServletResponse response) {
    String origin = request.getHeader("Origin");
    if (origin == null) {
      return;
    }
    response.setHeader("Access-Control-Allow-Origin", origin);
    response.setHeader(
        "Access-Control-Allow-Headers",
        "Content-Type, Accept, Authorization, X-API-Key, Mcp-Session-Id, MCP-Protocol-Version,"
            + " Last-Event-ID, X-Agent-Id, X-Agent-Role, X-Agent-Level, X-Project-Id");
    response.setHeader("Access-Control-Allow-Methods", "GET, POST, DELETE, OPTIONS");
    response.setHeader("Access-Control-Expose-Headers", SESSION_HEADER);
  }

  private boolean authorised(HttpServletRequest request) {
    String key = request.getHeader("X-API-Key");
    String bearer = request.getHeader("Authorization");
    if (key == null && bearer != null && bearer.startsWith("Bearer ")) {
      key = bearer.substring("Bearer ".length()).strip();
    }
    return settings.apiKey().equals(key);
  }

  /** Identity hints from headers or query parameters (MCP.md 2.3). */
  static Hints hints(HttpServletRequest request) {
    String agent = first(request.getHeader("X-Agent-Id"), request.getParameter("agent_id"));
    String role = first(request.getHeader("X-Agent-Role"), request.getParameter("role"));
    String level =
        first(
            request.getHeader("X-Agent-Level"),
            request.getHeader("X-Agent-Skill-Level"),
            request.getParameter("skill_level"));
    String project = first(request.getHeader("X-Project-Id"), request.getParameter("project_id"));
    Long projectId = null;
    if (project != null && project.matches("\\d{1,18}")) {
      projectId = Long.valueOf(project);
    }
    if (agent == null && role == null && level == null && projectId == null) {
      return Hints.NONE;
    }
    return new Hints(agent, role, level, projectId);
  }

  private static String first(String... values) {
    for (String value : values) {
      if (value != null && !value.isBlank()) {
        return value.strip();
      }
    }
    return null;
  }

  static void error(HttpServletResponse response, int status, int code, String message, JsonNode id)
      throws IOException {
    Map<String, Object> error = new LinkedHashMap<>();
    error.put("code", code);
    error.put("message", message);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("jsonrpc", "2.0");
    body.put("id", id == null || id.isNull() ? null : Json.MAPPER.treeToValue(id, Object.class));
    body.put("error", error);
    HealthServlet.write(response, status, body);
  }

  /** The request with its body already read, replayed to the SDK's servlet. */
  private static final class CachedBody extends HttpServletRequestWrapper {
    private final byte[] body;

    CachedBody(HttpServletRequest request, byte[] body) {
      super(request);
      this.body = body;
    }

    @Override
    public ServletInputStream getInputStream() {
      ByteArrayInputStream in = new ByteArrayInputStream(body);
      return new ServletInputStream() {
        @Override
        public boolean isFinished() {
          return in.available() == 0;
        }

        @Override
        public boolean isReady() {
          return true;
        }

        @Override
        public void setReadListener(ReadListener listener) {
          throw new UnsupportedOperationException();
        }

        @Override
        public int read() {
          return in.read();
        }

        @Override
        public int read(byte[] b, int off, int len) {
          return in.read(b, off, len);
        }
      };
    }

    @Override
    public BufferedReader getReader() {
      return new BufferedReader(
          new InputStreamReader(new ByteArrayInputStream(body), StandardCharsets.UTF_8));
    }

    @Override
    public int getContentLength() {
      return body.length;
    }

    @Override
    public long getContentLengthLong() {
      return body.length;
    }
  }

  /** Remembers the {@code Mcp-Session-Id} the SDK sets on the initialize answer. */
  private static final class HeaderCapture extends HttpServletResponseWrapper {
    private String sessionId;

    HeaderCapture(HttpServletResponse response) {
      super(response);
    }

    @Override
    public void setHeader(String name, String value) {
      remember(name, value);
      super.setHeader(name, value);
    }

    @Override
    public void addHeader(String name, String value) {
      remember(name, value);
      super.addHeader(name, value);
    }

    private void remember(String name, String value) {
      if (SESSION_HEADER.equalsIgnoreCase(name)) {
        sessionId = value;
      }
    }
  }

  /**
   * Watches the start of a legacy SSE stream for the {@code endpoint} event, to give the new
   * session the identity hints of the GET request.
   */
  private final class SessionSniffer extends HttpServletResponseWrapper {
    private final Hints hints;
    private PrintWriter writer;

    SessionSniffer(HttpServletResponse response, Hints hints) {
      super(response);
      this.hints = hints;
    }

    @Override
    public PrintWriter getWriter() throws IOException {
      if (writer == null) {
        PrintWriter target = super.getWriter();
        writer =
            new PrintWriter(
                new Writer() {
                  private final StringBuilder seen = new StringBuilder();
                  private boolean done;

                  @Override
                  public void write(char[] buf, int off, int len) {
                    target.write(buf, off, len);
                    if (!done) {
                      seen.append(buf, off, len);
                      Matcher m = ENDPOINT_SESSION.matcher(seen);
                      if (m.find()) {
                        done = true;
                        engine.sessions().get(m.group(1), "sse").hints(hints);
                      } else if (seen.length() > 2000) {
                        done = true;
                      }
                    }
                  }

                  @Override
                  public void flush() {
                    target.flush();
                  }

                  @Override
                  public void close() {
                    target.close();
                  }
                });
      }
      return writer;
    }
  }
}
