package org.headlesspm.rest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Properties;
import org.headlesspm.rest.security.PublicRoute;

/**
 * Interactive API documentation at {@code /api/v1/docs}: Swagger UI (bundled as a webjar, no
 * network needed) reading {@code /api/v1/openapi.json}.
 */
@Path("api/v1/docs")
@PublicRoute
@ApplicationScoped
public class ApiDocsResource {

  private static final String WEBJAR = "META-INF/resources/webjars/swagger-ui/";
  private static final String VERSION = swaggerUiVersion();
  private static final Map<String, String> TYPES =
      Map.of(
          "css", "text/css",
          "js", "application/javascript",
          "png", "image/png",
          "html", "text/html");

  private static final String PAGE =
      """
      <!DOCTYPE html>
      <html lang="en">
      <head>
        <meta charset="utf-8">
        <title>Headless PM API</title>
        <link rel="stylesheet" href="/api/v1/docs/swagger-ui.css">
        <link rel="icon" type="image/png" href="/api/v1/docs/favicon-32x32.png">
      </head>
      <body>
        <div id="swagger-ui"></div>
        <script src="/api/v1/docs/swagger-ui-bundle.js"></script>
        <script src="/api/v1/docs/swagger-ui-standalone-preset.js"></script>
        <script src="/api/v1/docs/init.js"></script>
      </body>
      </html>
      """;

  private static final String INIT =
      """
      window.ui = SwaggerUIBundle({
        url: "/api/v1/openapi.json",
        dom_id: "#swagger-ui",
        deepLinking: true,
        persistAuthorization: true,
        presets: [SwaggerUIBundle.presets.apis, SwaggerUIStandalonePreset],
        layout: "StandaloneLayout"
      });
      """;

  @GET
  @Produces(MediaType.TEXT_HTML)
  public String page() {
    return PAGE;
  }

  @GET
  @Path("init.js")
  @Produces("application/javascript")
  public String init() {
    return INIT;
  }

  @GET
  @Path("{file: [A-Za-z0-9._-]+\\.(css|js|png)}")
  public Response asset(@PathParam("file") String file) {
    InputStream content =
        ApiDocsResource.class.getClassLoader().getResourceAsStream(WEBJAR + VERSION + "/" + file);
    if (content == null) {
      throw new NotFoundException();
    }
    String extension = file.substring(file.lastIndexOf('.') + 1);
    CacheControl cache = new CacheControl();
    cache.setMaxAge(86_400);
    return Response.ok(content, TYPES.get(extension)).cacheControl(cache).build();
  }

  private static String swaggerUiVersion() {
    try (InputStream in =
        ApiDocsResource.class
            .getClassLoader()
            .getResourceAsStream("META-INF/maven/org.webjars/swagger-ui/pom.properties")) {
      Properties properties = new Properties();
      if (in != null) {
        properties.load(in);
      }
      return properties.getProperty("version", "");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
