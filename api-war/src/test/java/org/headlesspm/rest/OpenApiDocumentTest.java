package org.headlesspm.rest;

import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import java.io.IOException;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.headlesspm.rest.security.PublicRoute;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The hand-written OpenAPI document must describe exactly the routes the JAX-RS resources serve, so
 * that a new or renamed route cannot silently go undocumented.
 */
class OpenApiDocumentTest {

  private static final Set<String> HTTP_METHODS =
      Set.of("get", "put", "post", "delete", "patch", "head", "options", "trace");

  private static JsonObject document;

  /** Every resource route as "METHOD /path", mapped to whether it needs no API key. */
  private static Map<String, Boolean> routes;

  @BeforeAll
  static void load() throws IOException, URISyntaxException, ClassNotFoundException {
    try (InputStream in =
            OpenApiResource.class.getClassLoader().getResourceAsStream(OpenApiResource.DOCUMENT);
        JsonReader reader = Json.createReader(in)) {
      document = reader.readObject();
    }
    routes = resourceRoutes();
  }

  @Test
  void documentDescribesExactlyTheRoutesOfTheResources() {
    Set<String> documented = documentedOperations().keySet();
    Set<String> missing = new TreeSet<>(routes.keySet());
    missing.removeAll(documented);
    Set<String> extra = new TreeSet<>(documented);
    extra.removeAll(routes.keySet());
    assertTrue(
        missing.isEmpty() && extra.isEmpty(),
        () -> "missing from openapi.json: " + missing + "; not served by any resource: " + extra);
  }

  @Test
  void everyOperationHasASummaryATagAndA200Response() {
    List<String> problems = new ArrayList<>();
    documentedOperations()
        .forEach(
            (route, operation) -> {
              JsonValue summary = operation.get("summary");
              if (!(summary instanceof JsonString text) || text.getString().isBlank()) {
                problems.add(route + ": no summary");
              }
              if (operation.getJsonArray("tags") == null
                  || operation.getJsonArray("tags").isEmpty()) {
                problems.add(route + ": no tag");
              }
              JsonObject responses = operation.getJsonObject("responses");
              if (responses == null || !hasSuccess(responses)) {
                problems.add(route + ": no 200 response");
              }
            });
    assertTrue(problems.isEmpty(), () -> String.join("\n", problems));
  }

  @Test
  void everyReferencePointsToAnExistingComponent() {
    List<String> broken = new ArrayList<>();
    collectBrokenReferences(document, "#", broken);
    assertTrue(broken.isEmpty(), () -> "unresolved $ref: " + broken);
  }

  @Test
  void exactlyThePublicRoutesAreDocumentedWithoutSecurity() {
    List<String> wrong = new ArrayList<>();
    documentedOperations()
        .forEach(
            (route, operation) -> {
              JsonValue security = operation.get("security");
              boolean documentedPublic =
                  security != null
                      && security.getValueType() == JsonValue.ValueType.ARRAY
                      && security.asJsonArray().isEmpty();
              Boolean servedPublic = routes.get(route);
              if (servedPublic != null && servedPublic != documentedPublic) {
                wrong.add(route + (servedPublic ? " is public" : " needs the API key"));
              }
            });
    assertTrue(wrong.isEmpty(), () -> "security does not match @PublicRoute: " + wrong);
  }

  /** GET /docs only redirects, so a 3xx stands in for its 200. */
  private static boolean hasSuccess(JsonObject responses) {
    return responses.containsKey("200")
        || (!responses.isEmpty() && responses.keySet().stream().allMatch(c -> c.startsWith("3")));
  }

  private static Map<String, JsonObject> documentedOperations() {
    Map<String, JsonObject> operations = new TreeMap<>();
    JsonObject paths = document.getJsonObject("paths");
    paths.forEach(
        (path, item) ->
            item.asJsonObject()
                .forEach(
                    (method, operation) -> {
                      if (HTTP_METHODS.contains(method)) {
                        operations.put(
                            method.toUpperCase(Locale.ROOT) + " " + path, operation.asJsonObject());
                      }
                    }));
    return operations;
  }

  /**
   * Scans the compiled package rather than listing resources by hand, so that a new resource class
   * is covered without touching this test.
   */
  private static Map<String, Boolean> resourceRoutes()
      throws IOException, URISyntaxException, ClassNotFoundException {
    java.nio.file.Path classes =
        java.nio.file.Path.of(
            OpenApiResource.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    java.nio.file.Path dir =
        classes.resolve(OpenApiResource.class.getPackageName().replace('.', '/'));
    List<String> names;
    try (Stream<java.nio.file.Path> files = Files.list(dir)) {
      names =
          files
              .map(f -> f.getFileName().toString())
              .filter(n -> n.endsWith(".class") && !n.contains("$"))
              .map(n -> n.substring(0, n.length() - ".class".length()))
              .collect(Collectors.toList());
    }
    Map<String, Boolean> found = new TreeMap<>();
    List<Class<?>> resources = new ArrayList<>();
    for (String name : names) {
      Class<?> type =
          Class.forName(
              OpenApiResource.class.getPackageName() + "." + name,
              false,
              OpenApiResource.class.getClassLoader());
      if (type.isAnnotationPresent(Path.class)) {
        resources.add(type);
      }
    }
    // Guards against scanning the wrong directory and comparing two empty sets.
    assertTrue(resources.contains(TaskResource.class), "scan of " + dir + " found " + resources);
    for (Class<?> resource : resources) {
      String base = resource.getAnnotation(Path.class).value();
      for (Method method : resource.getDeclaredMethods()) {
        String httpMethod = httpMethod(method);
        if (httpMethod == null || isStaticAsset(resource, method)) {
          continue;
        }
        Path sub = method.getAnnotation(Path.class);
        String path = join(base, sub == null ? "" : sub.value());
        boolean isPublic =
            resource.isAnnotationPresent(PublicRoute.class)
                || method.isAnnotationPresent(PublicRoute.class);
        found.put(httpMethod + " " + path, isPublic);
      }
    }
    return found;
  }

  /** The Swagger UI files (CSS, JS, icons) are served by one template route, not an API call. */
  private static boolean isStaticAsset(Class<?> resource, Method method) {
    return resource == ApiDocsResource.class && method.getName().equals("asset");
  }

  private static String httpMethod(Method method) {
    for (Annotation annotation : method.getAnnotations()) {
      HttpMethod designator = annotation.annotationType().getAnnotation(HttpMethod.class);
      if (designator != null) {
        return designator.value();
      }
    }
    return null;
  }

  /** Joins class and method paths as JAX-RS does, with templates reduced to their names. */
  private static String join(String base, String sub) {
    String joined =
        Stream.of(base, sub)
            .map(OpenApiDocumentTest::withoutRegexes)
            .map(s -> s.replaceAll("^/+|/+$", ""))
            .filter(s -> !s.isEmpty())
            .collect(Collectors.joining("/"));
    return "/" + joined;
  }

  /** {@code {file_path: .+}} becomes {@code {file_path}}; regexes may hold nested braces. */
  private static String withoutRegexes(String template) {
    StringBuilder out = new StringBuilder();
    int depth = 0;
    boolean inRegex = false;
    for (char c : template.toCharArray()) {
      if (c == '{') {
        depth++;
        if (depth == 1) {
          out.append(c);
          continue;
        }
      } else if (c == '}') {
        depth--;
        if (depth == 0) {
          inRegex = false;
          out.append(c);
          continue;
        }
      } else if (c == ':' && depth == 1) {
        inRegex = true;
        continue;
      }
      if (!inRegex && !(depth == 1 && Character.isWhitespace(c))) {
        out.append(c);
      }
    }
    return out.toString();
  }

  private static void collectBrokenReferences(JsonValue value, String where, List<String> broken) {
    switch (value.getValueType()) {
      case OBJECT -> {
        JsonObject object = value.asJsonObject();
        object.forEach(
            (key, child) -> {
              if (key.equals("$ref")) {
                String target = ((JsonString) child).getString();
                if (resolve(target) == null) {
                  broken.add(target + " (at " + where + ")");
                }
              } else {
                collectBrokenReferences(child, where + "/" + key, broken);
              }
            });
      }
      case ARRAY -> {
        int i = 0;
        for (JsonValue item : value.asJsonArray()) {
          collectBrokenReferences(item, where + "/" + i++, broken);
        }
      }
      default -> {}
    }
  }

  /** Follows a local JSON pointer such as {@code #/components/schemas/TaskResponse}. */
  private static JsonValue resolve(String reference) {
    if (!reference.startsWith("#/components/")) {
      return null;
    }
    JsonValue current = document;
    for (String token : reference.substring(2).split("/")) {
      String key = token.replace("~1", "/").replace("~0", "~");
      if (current.getValueType() != JsonValue.ValueType.OBJECT
          || !current.asJsonObject().containsKey(key)) {
        return null;
      }
      current = current.asJsonObject().get(key);
    }
    return current;
  }
}
