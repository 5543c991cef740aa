package org.headlesspm.mcp.tools;

import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.server.McpAsyncServerExchange;
import io.modelcontextprotocol.server.McpServerFeatures;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.headlesspm.mcp.Json;
import org.headlesspm.mcp.McpSettings;
import org.headlesspm.mcp.session.AgentSession;
import org.headlesspm.mcp.session.SessionBinder;
import org.headlesspm.mcp.tokens.TokenUsage;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Turns the tool catalog into MCP SDK tool specifications: per call it finds the session, validates
 * the arguments (JSON-RPC {@code -32602} on failure), runs the tool off the request thread, builds
 * the two-text-block result with {@code structuredContent}, turns every tool failure into {@code
 * isError: true}, and counts tokens.
 */
public class ToolSpecifications {

  private static final Logger LOG = Logger.getLogger(ToolSpecifications.class.getName());

  private final McpSettings settings;
  private final ToolCatalog catalog;
  private final HeadlessPmTools tools;
  private final NextTaskTool nextTask;
  private final SessionBinder binder;

  public ToolSpecifications(
      McpSettings settings,
      ToolCatalog catalog,
      HeadlessPmTools tools,
      NextTaskTool nextTask,
      SessionBinder binder) {
    this.settings = settings;
    this.catalog = catalog;
    this.tools = tools;
    this.nextTask = nextTask;
    this.binder = binder;
  }

  /** The 28 listed tools plus the hidden alias tools (hidden from tools/list by a filter). */
  public List<McpServerFeatures.AsyncToolSpecification> all(String transport) {
    List<McpServerFeatures.AsyncToolSpecification> specs = new ArrayList<>();
    for (ToolCatalog.Definition definition : catalog.definitions()) {
      specs.add(spec(definition.toTool(), definition, transport));
    }
    ToolCatalog.ALIAS_TOOLS.forEach(
        (alias, canonical) -> {
          ToolCatalog.Definition definition = catalog.find(canonical);
          McpSchema.Tool tool =
              McpSchema.Tool.builder()
                  .name(alias)
                  .description("Alias of " + canonical + ".")
                  .inputSchema(definition.inputSchema())
                  .outputSchema(definition.outputSchema())
                  .build();
          specs.add(spec(tool, definition, transport));
        });
    return specs;
  }

  private McpServerFeatures.AsyncToolSpecification spec(
      McpSchema.Tool tool, ToolCatalog.Definition definition, String transport) {
    return McpServerFeatures.AsyncToolSpecification.builder()
        .tool(tool)
        .callHandler(
            (exchange, request) -> Mono.defer(() -> call(definition, exchange, request, transport)))
        .build();
  }

  private Mono<McpSchema.CallToolResult> call(
      ToolCatalog.Definition definition,
      McpAsyncServerExchange exchange,
      McpSchema.CallToolRequest request,
      String transport) {
    AgentSession session = binder.bind(exchange, transport);
    String name = definition.name();
    Map<String, Object> args = ArgumentValidator.validate(definition, request.arguments());
    tools.checkCrossField(name, args, session);
    Object progressToken = request.meta() == null ? null : request.meta().get("progressToken");
    McpTransportContext context = exchange.transportContext();
    Object requestId = context == null ? null : context.get(SessionBinder.REQUEST_ID);
    ToolContext toolContext =
        new ToolContext(
            name,
            session,
            args,
            exchange,
            progressToken,
            requestId == null ? null : requestId.toString());
    Mono<Outcome> run =
        "get_next_task".equals(name)
            ? nextTask.run(toolContext)
            : Mono.fromCallable(() -> tools.run(toolContext))
                .subscribeOn(Schedulers.boundedElastic());
    long requestTokens = TokenUsage.estimate(Map.of("tool", request.name(), "args", args));
    return run.map(outcome -> success(outcome, session, name, requestTokens))
        .onErrorResume(
            ToolFailure.class,
            failure -> Mono.just(failure(failure.getMessage(), session, name, requestTokens)))
        .onErrorResume(
            e -> !(e instanceof McpError) && !(e instanceof ToolFailure),
            e -> {
              String correlation = Long.toHexString(System.nanoTime());
              LOG.log(
                  Level.WARNING, "Tool " + name + " failed unexpectedly [" + correlation + "]", e);
              return Mono.just(
                  failure(
                      name
                          + " failed: internal MCP server error (correlation id "
                          + correlation
                          + ")",
                      session,
                      name,
                      requestTokens));
            });
  }

  private McpSchema.CallToolResult success(
      Outcome outcome, AgentSession session, String tool, long requestTokens) {
    String json = Json.write(capped(outcome.structured()), settings.prettyJson());
    session.countTool(tool, requestTokens, TokenUsage.estimate(outcome.structured()));
    return McpSchema.CallToolResult.builder()
        .addTextContent(outcome.summary())
        .addTextContent(json)
        .structuredContent(outcome.structured())
        .isError(false)
        .build();
  }

  private static McpSchema.CallToolResult failure(
      String message, AgentSession session, String tool, long requestTokens) {
    session.countTool(tool, requestTokens, TokenUsage.estimate(Map.of("error", message)));
    return McpSchema.CallToolResult.builder().addTextContent(message).isError(true).build();
  }

  /** Lists in the text copy are capped at 100 items (structuredContent is not). */
  private static Map<String, Object> capped(Map<String, Object> structured) {
    Map<String, Object> copy = new LinkedHashMap<>(structured);
    copy.replaceAll(
        (key, value) ->
            value instanceof List<?> list && list.size() > 100
                ? new ArrayList<>(list.subList(0, 100))
                : value);
    if (!copy.equals(structured)) {
      copy.put("note", "lists cut to 100 items in this text; structuredContent has them all");
    }
    return copy;
  }
}
