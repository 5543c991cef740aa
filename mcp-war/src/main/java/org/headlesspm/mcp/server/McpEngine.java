package org.headlesspm.mcp.server;

import io.modelcontextprotocol.server.McpAsyncServer;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpServerTransportProvider;
import io.modelcontextprotocol.spec.McpStreamableServerTransportProvider;
import java.time.Duration;
import org.headlesspm.mcp.McpSettings;
import org.headlesspm.mcp.resources.HeadlessPmResources;
import org.headlesspm.mcp.resources.Prompts;
import org.headlesspm.mcp.rest.RestGateway;
import org.headlesspm.mcp.session.SessionBinder;
import org.headlesspm.mcp.session.Sessions;
import org.headlesspm.mcp.tokens.TokenUsage;
import org.headlesspm.mcp.tools.AgentDirectory;
import org.headlesspm.mcp.tools.HeadlessPmTools;
import org.headlesspm.mcp.tools.NextTaskTool;
import org.headlesspm.mcp.tools.ToolCatalog;
import org.headlesspm.mcp.tools.ToolSpecifications;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The transport-independent MCP engine: tools, resources, prompts, sessions and token usage, wired
 * into one MCP SDK server per transport. All transports share the same sessions, REST client and
 * token accounting.
 */
public class McpEngine implements AutoCloseable {

  public static final String INSTRUCTIONS =
      "This server coordinates a team of coding agents through Headless PM. Register once with"
          + " register_agent (agent_id, role, skill_level) unless your connection already carries"
          + " X-Agent-Id/X-Agent-Role hints, which register you automatically. When there are"
          + " several projects choose one with switch_project. Work loop: get_next_task (waits for"
          + " work) -> lock_task (sets under_work) -> do the work -> update_task_status (e.g."
          + " dev_done with notes) -> continue with the next task it returns. Communicate with"
          + " create_document and @mentions, and check get_mentions between tasks.";

  private final McpSettings settings;
  private final RestGateway rest;
  private final Sessions sessions;
  private final TokenUsage tokens;
  private final AgentDirectory agents;
  private final ToolCatalog catalog = new ToolCatalog();
  private final ToolSpecifications tools;
  private final HeadlessPmResources resources;
  private final Prompts prompts;

  public McpEngine(McpSettings settings) {
    this.settings = settings;
    this.rest = new RestGateway(settings);
    this.tokens = new TokenUsage(settings.tokenUsageFile());
    this.sessions = new Sessions(settings.sessionIdleTimeout(), tokens::persist);
    this.agents = new AgentDirectory(settings, rest);
    SessionBinder binder = new SessionBinder(sessions, session -> {});
    this.tools =
        new ToolSpecifications(
            settings,
            catalog,
            new HeadlessPmTools(rest, agents, sessions, tokens),
            new NextTaskTool(settings, rest, agents),
            binder);
    this.prompts = new Prompts(settings);
    this.resources = new HeadlessPmResources(settings, rest, agents, binder, prompts);
  }

  public McpSettings settings() {
    return settings;
  }

  public Sessions sessions() {
    return sessions;
  }

  public TokenUsage tokens() {
    return tokens;
  }

  public ToolCatalog tools() {
    return catalog;
  }

  public RestGateway rest() {
    return rest;
  }

  /** Starts automatic registration of a session in the background (MCP.md 2.3). */
  public void autoRegisterLater(String sessionId) {
    var session = sessions.find(sessionId);
    if (session != null && session.hints().canRegister()) {
      Mono.fromRunnable(() -> agents.autoRegister(session))
          .subscribeOn(Schedulers.boundedElastic())
          .subscribe();
    }
  }

  public McpAsyncServer streamable(McpStreamableServerTransportProvider transport) {
    return configure(
        McpServer.async(ProtocolVersionSupport.streamable(transport, settings.protocolVersions())),
        "streamable-http");
  }

  public McpAsyncServer sse(McpServerTransportProvider transport, String name) {
    return configure(
        McpServer.async(ProtocolVersionSupport.sessions(transport, settings.protocolVersions())),
        name);
  }

  private McpAsyncServer configure(McpServer.AsyncSpecification<?> spec, String transport) {
    return spec.serverInfo(
            new McpSchema.Implementation("headless-pm", "Headless PM", settings.version()))
        .instructions(INSTRUCTIONS)
        .capabilities(
            McpSchema.ServerCapabilities.builder()
                .tools(false)
                .resources(false, false)
                .prompts(false)
                .logging()
                .build())
        .validateToolInputs(false)
        .requestTimeout(Duration.ofSeconds(settings.nextTaskMaxWaitSeconds() + 60L))
        .tools(tools.all(transport))
        .addToolFilter(
            (context, tool) -> Mono.just(!ToolCatalog.ALIAS_TOOLS.containsKey(tool.name())))
        .resources(resources.resources(transport))
        .resourceTemplates(resources.templates(transport))
        .prompts(prompts.all())
        .build();
  }

  @Override
  public void close() {
    sessions.close();
  }
}
