package org.headlesspm.mcp.tools;

import io.modelcontextprotocol.spec.McpError;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Checks {@code tools/call} arguments against a tool's input schema before any REST call (MCP.md
 * 3.0.3): alias property names are renamed, unknown properties, missing required ones, wrong types,
 * enum, length, range, pattern and date-time violations become JSON-RPC {@code -32602} with a
 * readable message and a {@code data.errors} list. Integers given as digit strings or as whole
 * numbers and booleans given as "true"/"false" are converted.
 */
public final class ArgumentValidator {

  /** Hints for reference values the API does not know (MCP.md 3.4.5, 3.5.1). */
  private static final Map<String, String> HINTS =
      Map.ofEntries(
          Map.entry(
              "status:testing",
              "While testing, QA holds the lock (the task stays under_work), then sets qa_done or"
                  + " created."),
          Map.entry("status:completed", "Use committed."),
          Map.entry("status:assigned", "Use lock_task to take a task."),
          Map.entry(
              "status:blocked",
              "Keep the status and explain the blocker in notes plus a critical_issue document."),
          Map.entry(
              "doc_type:*",
              "Valid types are standup, critical_issue, service_status, update; use update (or"
                  + " critical_issue for blockers)."));

  private ArgumentValidator() {}

  /** The validated and normalised arguments, or throws {@link McpError} {@code -32602}. */
  @SuppressWarnings("unchecked")
  public static Map<String, Object> validate(
      ToolCatalog.Definition tool, Map<String, Object> given) {
    Map<String, Object> schema = tool.inputSchema();
    Map<String, Object> properties = (Map<String, Object>) schema.get("properties");
    List<String> required = (List<String>) schema.getOrDefault("required", List.of());
    List<Map<String, Object>> errors = new ArrayList<>();
    Map<String, Object> args = new LinkedHashMap<>();
    if (given != null) {
      for (Map.Entry<String, Object> entry : given.entrySet()) {
        String name = tool.aliases().getOrDefault(entry.getKey(), entry.getKey());
        if (args.containsKey(name) && !java.util.Objects.equals(args.get(name), entry.getValue())) {
          errors.add(
              error("/" + name, "alias", entry.getKey(), "given twice with different values"));
        }
        args.put(name, entry.getValue());
      }
    }
    args.values().removeIf(java.util.Objects::isNull);
    List<String> unknown = args.keySet().stream().filter(k -> !properties.containsKey(k)).toList();
    for (String name : unknown) {
      Map<String, Object> e = error("/" + name, "additionalProperties", name, null);
      e.put("allowed", List.copyOf(properties.keySet()));
      errors.add(e);
    }
    for (String name : required) {
      if (!args.containsKey(name)) {
        errors.add(error("/" + name, "required", null, null));
      }
    }
    for (Map.Entry<String, Object> entry : new ArrayList<>(args.entrySet())) {
      Object property = properties.get(entry.getKey());
      if (property instanceof Map<?, ?> spec) {
        Object value =
            check(
                tool.name(),
                "/" + entry.getKey(),
                (Map<String, Object>) spec,
                entry.getValue(),
                errors);
        args.put(entry.getKey(), value);
      }
    }
    if (!errors.isEmpty()) {
      throw invalid(tool.name(), errors);
    }
    return args;
  }

  @SuppressWarnings("unchecked")
  private static Object check(
      String tool,
      String path,
      Map<String, Object> spec,
      Object value,
      List<Map<String, Object>> errors) {
    String type = (String) spec.get("type");
    switch (type) {
      case "integer" -> {
        Long number = integer(value);
        if (number == null) {
          errors.add(error(path, "type", value, "an integer"));
          return value;
        }
        if (spec.get("minimum") instanceof Number min && number < min.longValue()) {
          errors.add(error(path, "minimum", value, "at least " + min));
        }
        if (spec.get("maximum") instanceof Number max && number > max.longValue()) {
          errors.add(error(path, "maximum", value, "at most " + max));
        }
        return number;
      }
      case "boolean" -> {
        if (value instanceof Boolean) {
          return value;
        }
        if ("true".equals(value) || "false".equals(value)) {
          return Boolean.valueOf((String) value);
        }
        errors.add(error(path, "type", value, "true or false"));
        return value;
      }
      case "string" -> {
        if (!(value instanceof String text)) {
          errors.add(error(path, "type", value, "a string"));
          return value;
        }
        if (spec.get("enum") instanceof List<?> allowed && !allowed.contains(text)) {
          Map<String, Object> e = error(path, "enum", text, null);
          e.put("allowed", allowed);
          errors.add(e);
        }
        if (spec.get("minLength") instanceof Number min && text.length() < min.intValue()) {
          errors.add(error(path, "minLength", text, "at least " + min + " characters"));
        }
        if (spec.get("maxLength") instanceof Number max && text.length() > max.intValue()) {
          errors.add(
              error(
                  path,
                  "maxLength",
                  text.substring(0, 40) + "...",
                  "at most " + max + " characters"));
        }
        if (spec.get("pattern") instanceof String pattern && !Pattern.matches(pattern, text)) {
          errors.add(error(path, "pattern", text, "matching " + pattern));
        }
        if ("date-time".equals(spec.get("format")) && !dateTime(text)) {
          errors.add(error(path, "format", text, "an ISO-8601 date-time"));
        }
        return text;
      }
      case "array" -> {
        if (!(value instanceof List<?> list)) {
          errors.add(error(path, "type", value, "an array"));
          return value;
        }
        if (spec.get("maxItems") instanceof Number max && list.size() > max.intValue()) {
          errors.add(error(path, "maxItems", list.size(), "at most " + max + " items"));
        }
        if (spec.get("items") instanceof Map<?, ?> items) {
          for (int i = 0; i < list.size(); i++) {
            check(tool, path + "/" + i, (Map<String, Object>) items, list.get(i), errors);
          }
        }
        return value;
      }
      case "object" -> {
        if (!(value instanceof Map<?, ?>)) {
          errors.add(error(path, "type", value, "an object"));
        }
        return value;
      }
      default -> {
        return value;
      }
    }
  }

  private static Long integer(Object value) {
    if (value instanceof Integer || value instanceof Long || value instanceof Short) {
      return ((Number) value).longValue();
    }
    if (value instanceof Number n) {
      double d = n.doubleValue();
      return d == Math.rint(d) && !Double.isInfinite(d) ? (long) d : null;
    }
    if (value instanceof String s && s.matches("\\d{1,18}")) {
      return Long.parseLong(s);
    }
    return null;
  }

  private static boolean dateTime(String text) {
    try {
      OffsetDateTime.parse(text);
      return true;
    } catch (DateTimeParseException withoutZone) {
      try {
        LocalDateTime.parse(text);
        return true;
      } catch (DateTimeParseException e) {
        return false;
      }
    }
  }

  private static Map<String, Object> error(
      String path, String rule, Object received, String expected) {
    Map<String, Object> e = new LinkedHashMap<>();
    e.put("path", path);
    e.put("rule", rule);
    if (received != null) {
      e.put("received", received);
    }
    if (expected != null) {
      e.put("expected", expected);
    }
    return e;
  }

  /** A {@code -32602} error for {@code tool} whose message describes the first problem. */
  public static McpError invalid(String tool, List<Map<String, Object>> errors) {
    Map<String, Object> first = errors.get(0);
    String name = String.valueOf(first.get("path")).substring(1);
    String message =
        switch (String.valueOf(first.get("rule"))) {
          case "required" -> "'" + name + "' is required";
          case "additionalProperties" ->
              "unknown argument '" + name + "' (accepted: " + first.get("allowed") + ")";
          case "enum" ->
              "'"
                  + name
                  + "' must be one of "
                  + String.join(
                      ", ", ((List<?>) first.get("allowed")).stream().map(String::valueOf).toList())
                  + " (got '"
                  + first.get("received")
                  + "')";
          case "cross-field" -> String.valueOf(first.get("expected"));
          default ->
              "'"
                  + name
                  + "' must be "
                  + first.get("expected")
                  + " (got "
                  + quoted(first.get("received"))
                  + ")";
        };
    String hint = hint(name, first);
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("tool", tool);
    data.put("errors", errors);
    return McpError.builder(-32602)
        .message(
            "Invalid arguments for "
                + tool
                + ": "
                + message
                + "."
                + (hint == null ? "" : " " + hint))
        .data(data)
        .build();
  }

  /** A {@code -32602} error for a rule the schema cannot express. */
  public static McpError crossField(String tool, String path, String explanation) {
    Map<String, Object> e = new LinkedHashMap<>();
    e.put("path", path);
    e.put("rule", "cross-field");
    e.put("expected", explanation);
    return invalid(tool, List.of(e));
  }

  private static String hint(String name, Map<String, Object> first) {
    if (!"enum".equals(first.get("rule"))) {
      return null;
    }
    String exact = HINTS.get(name + ":" + first.get("received"));
    return exact != null ? exact : HINTS.get(name + ":*");
  }

  private static String quoted(Object value) {
    return value instanceof String s ? "'" + s + "'" : String.valueOf(value);
  }
}
