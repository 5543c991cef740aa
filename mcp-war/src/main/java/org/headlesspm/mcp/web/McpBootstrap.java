package org.headlesspm.mcp.web;

import io.modelcontextprotocol.server.McpAsyncServer;
import io.modelcontextprotocol.server.transport.HttpServletSseServerTransportProvider;
import io.modelcontextprotocol.server.transport.HttpServletStreamableServerTransportProvider;
import io.modelcontextprotocol.server.transport.ServerTransportSecurityValidator;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterRegistration;
import jakarta.servlet.ServletContainerInitializer;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.ServletRegistration;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.headlesspm.mcp.McpSettings;
import org.headlesspm.mcp.server.McpEngine;
import org.headlesspm.mcp.session.Hints;
import org.headlesspm.mcp.session.SessionBinder;

/**
 * Starts the MCP server inside the WAR: reads the configuration, builds the engine and registers
 * the SDK's servlet transports (Streamable HTTP on {@code /mcp} and {@code /}, legacy HTTP+SSE on
 * {@code /sse} + {@code /messages}), the health servlet and the filter in front of them. Found by
 * the container through {@code META-INF/services}; no CDI involved.
 */
public class McpBootstrap implements ServletContainerInitializer {

  private static final Logger LOG = Logger.getLogger(McpBootstrap.class.getName());

  @Override
  public void onStartup(Set<Class<?>> classes, ServletContext context) {
    Config config = ConfigProvider.getConfig(McpBootstrap.class.getClassLoader());
    McpSettings settings = McpSettings.load(name -> config.getOptionalValue(name, String.class));
    McpEngine engine = new McpEngine(settings);
    List<McpAsyncServer> servers = new ArrayList<>();

    HttpServletStreamableServerTransportProvider streamable =
        HttpServletStreamableServerTransportProvider.builder()
            .mcpEndpoint("/mcp")
            .keepAliveInterval(settings.keepAlive())
            .maxRequestSize(settings.maxBodyBytes())
            .securityValidator(ServerTransportSecurityValidator.NOOP)
            .contextExtractor(McpBootstrap::transportContext)
            .build();
    servers.add(engine.streamable(streamable));
    ServletRegistration.Dynamic mcp = context.addServlet("mcp", streamable);
    mcp.addMapping("/mcp");
    mcp.setAsyncSupported(true);
    ServletRegistration.Dynamic root =
        context.addServlet("root", new RootServlet(streamable, settings));
    root.addMapping("");
    root.setAsyncSupported(true);
    List<String> filtered = new ArrayList<>(List.of("mcp", "root"));

    if (settings.legacySse()) {
      HttpServletSseServerTransportProvider sse =
          HttpServletSseServerTransportProvider.builder()
              .messageEndpoint("/messages")
              .sseEndpoint("/sse")
              .keepAliveInterval(settings.keepAlive())
              .maxRequestSize(settings.maxBodyBytes())
              .securityValidator(ServerTransportSecurityValidator.NOOP)
              .contextExtractor(McpBootstrap::transportContext)
              .build();
      servers.add(engine.sse(sse, "sse"));
      ServletRegistration.Dynamic legacy = context.addServlet("sse", sse);
      legacy.addMapping("/sse", "/messages");
      legacy.setAsyncSupported(true);
      filtered.add("sse");
    }

    ServletRegistration.Dynamic health =
        context.addServlet("health", new HealthServlet(engine, new ApiProbe(engine.rest())));
    health.addMapping("/health", "/health/*", "/status");

    FilterRegistration.Dynamic filter = context.addFilter("mcp-http", new McpHttpFilter(engine));
    filter.setAsyncSupported(true);
    filter.addMappingForServletNames(
        EnumSet.of(DispatcherType.REQUEST), false, filtered.toArray(String[]::new));

    context.addListener(
        new ServletContextListener() {
          @Override
          public void contextDestroyed(ServletContextEvent event) {
            servers.forEach(McpAsyncServer::close);
            engine.close();
          }
        });
    LOG.info(
        () ->
            "MCP server ready: Streamable HTTP on /mcp"
                + (settings.legacySse() ? ", HTTP+SSE on /sse" : "")
                + ", REST API at "
                + settings.apiBaseUrl()
                + ", protocol versions "
                + settings.protocolVersions());
  }

  private static io.modelcontextprotocol.common.McpTransportContext transportContext(
      HttpServletRequest request) {
    Object hints = request.getAttribute(SessionBinder.HINTS);
    String session =
        request.getRequestURI().endsWith("/messages")
            ? McpHttpFilter.sessionParam(request)
            : request.getHeader(McpHttpFilter.SESSION_HEADER);
    return SessionBinder.context(
        request.getAttribute(SessionBinder.REQUEST_ID),
        session,
        hints instanceof Hints h ? h : McpHttpFilter.hints(request));
  }
}
