package org.headlesspm.mcp.tools;

import io.modelcontextprotocol.spec.McpSchema;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.headlesspm.mcp.Json;
import tools.jackson.core.type.TypeReference;

/**
 * The 28 tools of MCP.md 3 in their listed order, read from {@code tools.json} next to this class:
 * name, title, description, input and output schema, annotations, and the hidden alias property
 * names. The hidden alias tools of MCP.md 3.8 are resolved here too.
 */
public final class ToolCatalog {

  /** Hidden alias tools (accepted by tools/call, not listed). */
  public static final Map<String, String> ALIAS_TOOLS =
      Map.of("select_project", "switch_project", "get_context", "get_project_context");

  private final List<Definition> definitions;
  private final Map<String, Definition> byName = new LinkedHashMap<>();

  /** One tool as defined in {@code tools.json}. */
  public record Definition(
      String name,
      String title,
      String description,
      Map<String, Object> inputSchema,
      Map<String, Object> outputSchema,
      Map<String, Boolean> annotations,
      Map<String, String> aliases) {

    public McpSchema.Tool toTool() {
      return McpSchema.Tool.builder()
          .name(name)
          .title(title)
          .description(description)
          .inputSchema(inputSchema)
          .outputSchema(outputSchema)
          .annotations(
              new McpSchema.ToolAnnotations(
                  title,
                  annotations.get("readOnlyHint"),
                  annotations.get("destructiveHint"),
                  annotations.get("idempotentHint"),
                  annotations.get("openWorldHint"),
                  null))
          .build();
    }
  }

  public ToolCatalog() {
    try (InputStream in = ToolCatalog.class.getResourceAsStream("tools.json")) {
      definitions =
          Json.MAPPER.readValue(in.readAllBytes(), new TypeReference<List<Definition>>() {});
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    definitions.forEach(d -> byName.put(d.name(), d));
  }

  public List<Definition> definitions() {
    return definitions;
  }

  public List<String> names() {
    return definitions.stream().map(Definition::name).toList();
  }

  /** The listed name closest to {@code wanted} (fewest single-character edits). */
  public String closest(String wanted) {
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String name : names()) {
      int d = distance(name, wanted);
      if (d < bestDistance) {
        best = name;
        bestDistance = d;
      }
    }
    return best;
  }

  private static int distance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      int[] current = new int[b.length() + 1];
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        current[j] = Math.min(substitution, Math.min(current[j - 1], previous[j]) + 1);
      }
      previous = current;
    }
    return previous[b.length()];
  }

  /** The definition for a listed name or a hidden alias, or null. */
  public Definition find(String name) {
    return byName.get(ALIAS_TOOLS.getOrDefault(name, name));
  }
}
