package org.headlesspm.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.response.Response;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Assertions on the wire shapes of API.md 1.5–1.7 and 2.4, shared by the contract and hostile input
 * tests. Bodies are read with Jackson so that a field present with {@code null} can be told apart
 * from an omitted one.
 */
final class Contract {

  static final ObjectMapper MAPPER = new ObjectMapper();

  static final List<String> PROJECT =
      List.of(
          "id",
          "name",
          "description",
          "shared_path",
          "instructions_path",
          "project_docs_path",
          "code_guidelines_path",
          "created_at",
          "updated_at",
          "agent_count",
          "epic_count",
          "task_count");
  static final List<String> CONTEXT =
      List.of(
          "project_id",
          "project_name",
          "shared_path",
          "instructions_path",
          "project_docs_path",
          "code_guidelines_path",
          "database_type");
  static final List<String> AGENT =
      List.of(
          "id",
          "agent_id",
          "project_id",
          "project_name",
          "role",
          "level",
          "connection_type",
          "last_seen");
  static final List<String> REGISTRATION = List.of("agent", "next_task", "mentions");
  static final List<String> AVAILABILITY =
      List.of(
          "agent_id",
          "project_id",
          "is_available",
          "current_task_id",
          "current_task_title",
          "last_activity",
          "status");
  static final List<String> EPIC =
      List.of(
          "id",
          "project_id",
          "name",
          "description",
          "created_at",
          "task_count",
          "completed_task_count",
          "in_progress_task_count");
  static final List<String> FEATURE = List.of("id", "epic_id", "name", "description");
  static final List<String> TASK =
      List.of(
          "id",
          "feature_id",
          "epic_id",
          "project_id",
          "title",
          "description",
          "created_by",
          "target_role",
          "difficulty",
          "complexity",
          "branch",
          "status",
          "locked_by",
          "locked_at",
          "notes",
          "created_at",
          "updated_at",
          "task_type",
          "poll_interval");
  static final List<String> STATUS_UPDATE =
      List.of(
          "task",
          "next_task",
          "workflow_status",
          "task_completed",
          "auto_continue",
          "continuation_prompt",
          "session_momentum");
  static final List<String> CHANGELOG =
      List.of("id", "task_id", "old_status", "new_status", "changed_by", "notes", "changed_at");
  static final List<String> DOCUMENT =
      List.of(
          "id",
          "project_id",
          "doc_type",
          "author_id",
          "title",
          "content",
          "meta_data",
          "created_at",
          "updated_at",
          "expires_at",
          "mentions");
  static final List<String> MENTION =
      List.of(
          "id",
          "document_id",
          "task_id",
          "mentioned_agent_id",
          "created_by",
          "is_read",
          "created_at",
          "document_title",
          "task_title");
  static final List<String> SERVICE =
      List.of(
          "id",
          "project_id",
          "service_name",
          "owner_agent_id",
          "ping_url",
          "port",
          "status",
          "last_heartbeat",
          "last_ping_at",
          "last_ping_success",
          "meta_data",
          "updated_at");
  static final List<String> CHANGES = List.of("changes", "last_timestamp");
  static final List<String> CHANGE_EVENT = List.of("type", "timestamp", "data");
  static final List<String> DOC_FILE = List.of("name", "path", "size", "modified", "is_directory");
  static final List<String> DOC_FILE_CONTENT = List.of("path", "content", "size", "modified");
  static final List<String> DOC_FILE_WRITTEN =
      List.of("path", "original_path", "sanitized_path", "size", "created", "message");
  static final List<String> MESSAGE = List.of("message");

  /** Fields that carry timestamps wherever they appear (API.md 1.7). */
  private static final Set<String> TIMESTAMPS =
      Set.of(
          "created_at",
          "updated_at",
          "last_seen",
          "last_activity",
          "locked_at",
          "changed_at",
          "expires_at",
          "last_heartbeat",
          "last_ping_at",
          "timestamp",
          "last_timestamp");

  private static final Pattern SNAKE_CASE = Pattern.compile("^[a-z][a-z0-9_]*$");
  private static final Pattern UTC =
      Pattern.compile("^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,9})?Z$");

  /** Things an error body must never show (API.md 1.6: nothing internal leaks). */
  private static final List<Pattern> LEAKS =
      List.of(
          Pattern.compile("Exception"),
          Pattern.compile("\\bat [a-z]+(\\.[a-zA-Z_$][\\w$]*)+\\("),
          Pattern.compile("\\b(java|javax|jakarta|org\\.glassfish|org\\.eclipse|fish\\.payara)\\."),
          Pattern.compile("\\borg\\.headlesspm\\b"),
          Pattern.compile("\\bcom\\.fasterxml\\b"),
          Pattern.compile("SQLITE_|SQLException|sqlite-jdbc"));

  private Contract() {}

  static JsonNode json(Response response) {
    try {
      return MAPPER.readTree(response.asString());
    } catch (JsonProcessingException e) {
      throw new AssertionError("not JSON: " + abbreviate(response.asString()), e);
    }
  }

  static JsonNode json(String text) {
    try {
      return MAPPER.readTree(text);
    } catch (JsonProcessingException e) {
      throw new AssertionError("not JSON: " + abbreviate(text), e);
    }
  }

  /** A 200 JSON answer (API.md 1.5: every success is 200). */
  static JsonNode ok(Response response) {
    assertEquals(
        200, response.statusCode(), () -> "expected 200, got: " + abbreviate(response.asString()));
    assertJsonType(response);
    return json(response);
  }

  /** A 200 JSON object carrying every listed field. */
  static JsonNode ok(Response response, List<String> fields) {
    return shape(ok(response), fields);
  }

  /** A 200 JSON array whose every item carries the listed fields. */
  static JsonNode okList(Response response, List<String> fields) {
    JsonNode list = ok(response);
    assertTrue(list.isArray(), () -> "expected an array: " + abbreviate(list.toString()));
    list.forEach(item -> shape(item, fields));
    return list;
  }

  /**
   * Every field present (nulls included), names in snake_case, non-null timestamps in UTC with a
   * trailing Z.
   */
  static JsonNode shape(JsonNode node, List<String> fields) {
    assertNotNull(node, "no object");
    assertTrue(node.isObject(), () -> "expected an object: " + abbreviate(node.toString()));
    for (String field : fields) {
      assertTrue(
          node.has(field),
          () -> "field '" + field + "' missing (nulls must be present): " + abbreviate(node));
    }
    Iterator<String> names = node.fieldNames();
    while (names.hasNext()) {
      String name = names.next();
      assertTrue(SNAKE_CASE.matcher(name).matches(), () -> "not snake_case: " + name);
      JsonNode value = node.get(name);
      if (TIMESTAMPS.contains(name) && !value.isNull()) {
        assertTrue(
            value.isTextual() && UTC.matcher(value.asText()).matches(),
            () -> "timestamp '" + name + "' not UTC with Z: " + value);
      }
    }
    return node;
  }

  static Instant instant(JsonNode node, String field) {
    return Instant.parse(node.get(field).asText());
  }

  static List<Long> ids(JsonNode list) {
    List<Long> ids = new ArrayList<>();
    list.forEach(item -> ids.add(item.get("id").asLong()));
    return ids;
  }

  /**
   * An error answer of API.md 1.6: the status, JSON, {@code detail} a string (or a non-empty array
   * of {@code loc}/{@code msg}/{@code type} items for 422), and nothing internal in it.
   */
  static JsonNode error(Response response, int status) {
    String body = response.asString();
    assertEquals(
        status,
        response.statusCode(),
        () -> "expected " + status + ", got " + response.statusCode() + ": " + abbreviate(body));
    assertJsonType(response);
    noLeak(body);
    JsonNode node = json(body);
    assertTrue(node.isObject() && node.has("detail"), () -> "no detail: " + abbreviate(body));
    JsonNode detail = node.get("detail");
    if (status == 422) {
      assertTrue(
          detail.isArray() && !detail.isEmpty(),
          () -> "422 detail must be a non-empty array: " + abbreviate(body));
      for (JsonNode item : detail) {
        assertTrue(item.get("loc").isArray() && !item.get("loc").isEmpty(), "loc");
        String where = item.get("loc").get(0).asText();
        assertTrue(Set.of("body", "query", "path").contains(where), () -> "loc[0]: " + where);
        assertTrue(item.get("msg").isTextual(), "msg");
        assertTrue(item.get("type").isTextual(), "type");
      }
    } else {
      assertTrue(detail.isTextual(), () -> "detail must be a string: " + abbreviate(body));
    }
    return node;
  }

  /** An error whose detail names the failing check (used where two checks share a status). */
  static void error(Response response, int status, String detailContains) {
    JsonNode node = error(response, status);
    String detail = node.get("detail").asText();
    assertTrue(
        detail.toLowerCase().contains(detailContains.toLowerCase()),
        () -> "detail '" + detail + "' should mention '" + detailContains + "'");
  }

  /** A 422 naming {@code field} in one of its {@code loc}s. */
  static void invalid(Response response, String field) {
    JsonNode detail = error(response, 422).get("detail");
    for (JsonNode item : detail) {
      for (JsonNode part : item.get("loc")) {
        if (part.asText().equals(field)) {
          return;
        }
      }
    }
    fail("422 does not name '" + field + "': " + abbreviate(detail));
  }

  /** Any client error (4xx) answered as JSON with a detail; never a 5xx. */
  static JsonNode clientError(Response response) {
    int status = response.statusCode();
    String body = response.asString();
    assertTrue(
        status >= 400 && status < 500,
        () -> "expected a 4xx, got " + status + ": " + abbreviate(body));
    return error(response, status);
  }

  /**
   * A path the server refuses with 400: answered by the application as JSON, or refused by the HTTP
   * container itself (Grizzly answers {@code %5C} and {@code %00} with an empty "400 Invalid URI"
   * before any application code runs; API.md 4.11.3 accepts a container's 400).
   */
  static void refusedPath(Response response) {
    assertEquals(400, response.statusCode(), () -> "expected 400: " + response.asString());
    if (!response.asString().isEmpty()) {
      error(response, 400);
    }
  }

  static void noLeak(String body) {
    for (Pattern leak : LEAKS) {
      assertFalse(
          leak.matcher(body).find(),
          () -> "error body leaks internals (" + leak + "): " + abbreviate(body));
    }
  }

  static void assertJsonType(Response response) {
    String type = response.contentType();
    assertTrue(
        type != null && type.toLowerCase().startsWith("application/json"),
        () -> "content type should be application/json, was " + type);
  }

  static String abbreviate(Object text) {
    String s = String.valueOf(text);
    return s.length() > 600 ? s.substring(0, 600) + "…(" + s.length() + " chars)" : s;
  }
}
