package org.headlesspm.rest;

import static org.headlesspm.rest.Contract.MAPPER;
import static org.headlesspm.rest.Contract.clientError;
import static org.headlesspm.rest.Contract.error;
import static org.headlesspm.rest.Contract.invalid;
import static org.headlesspm.rest.Contract.json;
import static org.headlesspm.rest.Contract.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Hostile input against every write endpoint: malformed JSON, non-objects, wrong types, unknown
 * enum values, missing fields and query parameters, megabyte strings, deep nesting, Unicode edge
 * cases, SQL meta-characters, path traversal, and requests without a valid key. Refused input must
 * get a 4xx JSON answer (never a 5xx, never an internal detail) and leave nothing behind; input the
 * contract accepts must be stored and read back exactly.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HostileInputIT extends ApiTest {

  private static final int MEGABYTE = 1 << 20;
  private static final int DEEP = 10_000;
  private static final String RAW = "__raw_json__";

  private static final List<String> UNICODE =
      List.of(
          "🚀 launch 👩🏽‍💻 🏳️‍🌈",
          "مرحبا بالعالم \u202Egnp.exe\u202C \u200F",
          "e\u0301\u0302\u0303 Z\u0351\u0352\u0353 n\u0303 vs ñ",
          "a\u200Bb\u200Dc\uFEFFd\u2060e",
          "𝕳𝖊𝖑𝖑𝖔 \uD83D\uDE00 漢字かなカナ한국어",
          "tab\tnew\nline\r\u0007bell \u0000 nul");
  private static final List<String> LONE_SURROGATES =
      List.of("a\\ud800b", "\\udc00", "x\\ud800\\ud800y", "\\udfff\\ud800");
  private static final List<String> SQL =
      List.of(
          "'; DROP TABLE task; --",
          "\"; DROP TABLE agent; --",
          "1' OR '1'='1",
          "Robert'); DELETE FROM project; --",
          "%' AND 1=1 --_",
          "\\'; SELECT sqlite_version(); --",
          "x' UNION SELECT * FROM agent --");

  private static Fixture fixture;
  private static Sink sink;

  @Deployment(testable = false)
  static WebArchive deployment() {
    return ApiDeployment.freshApi();
  }

  // ---------------------------------------------------------------------------------------------
  // refused bodies

  @Test
  @Order(1)
  void malformedJsonIsRefusedEverywhere() {
    refusedOnEveryRoute(
        "malformed JSON",
        (route, problems) -> {
          String valid = json(route.body().get());
          List<String> bodies =
              List.of(
                  "{",
                  "}",
                  "{\"a\":}",
                  "not json",
                  "{'a': 1}",
                  "{\"a\": 1,}",
                  "{\"a\" 1}",
                  "{\"a\": NaN}",
                  "{\"a\": undefined}",
                  "{\"a\": \"unterminated}",
                  "{\"a\": \"bad escape \\x\"}",
                  "/* comment */ " + valid,
                  valid.substring(0, valid.length() - 1),
                  valid + "}",
                  valid + " garbage",
                  valid + valid);
          for (String body : bodies) {
            problems.check(route, body, () -> assertStatus422(send(route, body)));
          }
        });
  }

  @Test
  @Order(2)
  void nonObjectBodiesAreRefused() {
    refusedOnEveryRoute(
        "not an object",
        (route, problems) -> {
          String valid = json(route.body().get());
          List<String> bodies =
              new ArrayList<>(
                  List.of("[]", "[" + valid + "]", "\"text\"", "42", "-1.5", "true", "null"));
          if (route.bodyRequired()) {
            bodies.add("");
            bodies.add("   ");
          }
          for (String body : bodies) {
            problems.check(route, body, () -> assertStatus422(send(route, body)));
          }
        });
  }

  @Test
  @Order(3)
  void wrongTypesAreRefused() {
    refusedOnEveryRoute(
        "wrong type",
        (route, problems) -> {
          for (Field field : route.fields()) {
            for (Object wrong : wrongValues(field.kind())) {
              Map<String, Object> body = route.body().get();
              body.put(field.name(), wrong);
              problems.check(
                  route,
                  field.name() + "=" + wrong,
                  () -> invalid(send(route, json(body)), field.name()));
            }
          }
        });
  }

  @Test
  @Order(4)
  void unknownEnumValuesAreRefused() {
    List<String> unknown =
        List.of("wizard", "", "   ", "x;DROP", "ｑａ", "q\u0000a", "created,committed", "1", "null");
    refusedOnEveryRoute(
        "unknown enum",
        (route, problems) -> {
          for (Field field : route.fields()) {
            if (field.kind() != Kind.ENUM) {
              continue;
            }
            for (String value : unknown) {
              Map<String, Object> body = route.body().get();
              body.put(field.name(), value);
              problems.check(
                  route,
                  field.name() + "=" + value,
                  () -> invalid(send(route, json(body)), field.name()));
            }
          }
        });
  }

  @Test
  @Order(5)
  void missingRequiredFieldsAreRefused() {
    refusedOnEveryRoute(
        "missing field",
        (route, problems) -> {
          List<String> required = new ArrayList<>();
          for (Field field : route.fields()) {
            if (!field.required()) {
              continue;
            }
            required.add(field.name());
            Map<String, Object> absent = route.body().get();
            absent.remove(field.name());
            problems.check(
                route,
                "without " + field.name(),
                () -> invalid(send(route, json(absent)), field.name()));
            Map<String, Object> nulled = route.body().get();
            nulled.put(field.name(), null);
            problems.check(
                route,
                field.name() + "=null",
                () -> invalid(send(route, json(nulled)), field.name()));
          }
          if (!required.isEmpty()) {
            problems.check(
                route,
                "{} lists every missing field",
                () -> {
                  JsonNode detail = error(send(route, "{\"unknown\": 1}"), 422).get("detail");
                  Set<String> named = new TreeSet<>();
                  detail.forEach(item -> named.add(item.get("loc").get(1).asText()));
                  assertEquals(new TreeSet<>(required), named);
                });
          }
        });
  }

  @Test
  @Order(6)
  void missingOrMalformedQueryAndPathParametersAreRefused() {
    Problems problems = new Problems();
    for (QueryRoute route : queryRoutes()) {
      String before = snapshot();
      for (String parameter : route.required()) {
        Map<String, Object> without = new LinkedHashMap<>(route.query());
        without.remove(parameter);
        problems.check(
            route.id(),
            "without " + parameter,
            () -> invalid(send(route, route.path(), without), parameter));
        for (Object bad : List.of("", "h".repeat(1000))) {
          Map<String, Object> query = new LinkedHashMap<>(route.query());
          query.put(parameter, bad);
          problems.check(
              route.id(),
              parameter + "=" + Contract.abbreviate(bad).length(),
              () -> invalid(send(route, route.path(), query), parameter));
        }
      }
      route
          .malformed()
          .forEach(
              (parameter, value) -> {
                Map<String, Object> query = new LinkedHashMap<>(route.query());
                query.put(parameter, value);
                problems.check(
                    route.id(),
                    parameter + "=" + value,
                    () -> invalid(send(route, route.path(), query), parameter));
              });
      if (route.pathParameter() != null) {
        for (String id : List.of("abc", "1.5", "99999999999999999999", "0x1F", "1e3", "%20")) {
          String path = route.path().replace("/" + route.pathValue(), "/" + id);
          problems.check(
              route.id(),
              "path " + id,
              () -> invalid(send(route, path, route.query()), route.pathParameter()));
        }
      }
      String after = snapshot();
      problems.check(route.id(), "stored nothing", () -> assertSame(before, after));
    }
    problems.assertNone();
  }

  // ---------------------------------------------------------------------------------------------
  // sizes and depth

  @Test
  @Order(7)
  void megabyteStrings() {
    Problems problems = new Problems();
    String megabyte = "m".repeat(MEGABYTE - 8) + "-the-end";
    for (Route route : routes()) {
      for (Field field : route.fields()) {
        if (!field.kind().isString()) {
          continue;
        }
        Map<String, Object> body = route.body().get();
        body.put(field.name(), megabyte);
        switch (field.kind()) {
          case TEXT -> {
            problems.check(
                route,
                field.name() + " 1 MB accepted",
                () -> {
                  JsonNode answer = ok(send(route, json(body)));
                  if (field.stored()) {
                    assertStored(route, answer, field.name(), megabyte);
                  }
                });
          }
          case CONTENT -> refusedWith(problems, route, field, body, 400);
          default -> refusedWith(problems, route, field, body, 422);
        }
      }
      if (route.hasField("meta_data")) {
        Map<String, Object> body = route.body().get();
        body.put("meta_data", Map.of("big", megabyte));
        problems.check(
            route,
            "meta_data with 1 MB",
            () -> {
              JsonNode answer = ok(send(route, json(body)));
              JsonNode stored = route.stored().apply(answer).get("meta_data");
              assertEquals(megabyte, stored.get("big").asText());
            });
      }
    }
    cleanUp();
    problems.assertNone();
  }

  @Test
  @Order(8)
  void deeplyNestedJsonIsRefusedAndModerateNestingIsKept() {
    String arrays = "[".repeat(DEEP) + "]".repeat(DEEP);
    String objects = "{\"a\":".repeat(DEEP) + "1" + "}".repeat(DEEP);
    refusedOnEveryRoute(
        "deep nesting",
        (route, problems) -> {
          problems.check(route, "top-level arrays", () -> clientError(send(route, arrays)));
          problems.check(route, "top-level objects", () -> clientError(send(route, objects)));
          for (Field field : route.fields()) {
            for (String deep : List.of(arrays, objects)) {
              Map<String, Object> body = route.body().get();
              body.put(field.name(), RAW);
              problems.check(
                  route,
                  field.name() + " deeply nested",
                  () -> clientError(send(route, json(body, deep))));
            }
          }
        });

    Problems problems = new Problems();
    String moderate = "{\"a\":".repeat(100) + "[[[[\"leaf\"]]]]" + "}".repeat(100);
    for (Route route : routes()) {
      if (!route.hasField("meta_data")) {
        continue;
      }
      Map<String, Object> body = route.body().get();
      body.put("meta_data", RAW);
      problems.check(
          route,
          "meta_data 100 levels kept",
          () -> {
            JsonNode answer = ok(send(route, json(body, moderate)));
            assertEquals(Contract.json(moderate), route.stored().apply(answer).get("meta_data"));
          });
    }
    cleanUp();
    problems.assertNone();
  }

  // ---------------------------------------------------------------------------------------------
  // text the contract accepts

  @Test
  @Order(9)
  void unicodeIsStoredExactly() {
    Problems problems = new Problems();
    for (Route route : routes()) {
      for (Field field : route.fields()) {
        if (!field.kind().isString()) {
          continue;
        }
        for (String text : UNICODE) {
          String value = text + " " + unique("u");
          if (route.id().equals("E17") && value.indexOf('\u0000') >= 0) {
            Map<String, Object> body = route.body().get();
            body.put(field.name(), value);
            problems.check(route, "NUL in file content", () -> error(send(route, json(body)), 400));
            continue;
          }
          acceptedExactly(problems, route, field, value);
        }
      }
      if (route.hasField("meta_data")) {
        Map<String, Object> meta = new LinkedHashMap<>();
        for (String text : UNICODE) {
          meta.put(text, List.of(text, Map.of(text, text)));
        }
        Map<String, Object> body = route.body().get();
        body.put("meta_data", meta);
        problems.check(
            route,
            "unicode meta_data",
            () -> {
              JsonNode answer = ok(send(route, json(body)));
              assertEquals(MAPPER.valueToTree(meta), route.stored().apply(answer).get("meta_data"));
            });
      }
    }
    cleanUp();
    problems.assertNone();
  }

  @Test
  @Order(10)
  void loneSurrogatesAreRefused() {
    refusedOnEveryRoute(
        "lone surrogate",
        (route, problems) -> {
          for (Field field : route.fields()) {
            if (!field.kind().isString()) {
              continue;
            }
            for (String escaped : LONE_SURROGATES) {
              Map<String, Object> body = route.body().get();
              body.put(field.name(), RAW);
              problems.check(
                  route,
                  field.name() + "=" + escaped,
                  () -> invalid(send(route, json(body, "\"" + escaped + "\"")), field.name()));
            }
          }
          if (route.hasField("meta_data")) {
            for (String meta :
                List.of("{\"k\": \"\\ud800\"}", "{\"\\udc00\": 1}", "{\"k\": [[\"\\ud83d\"]]}")) {
              Map<String, Object> body = route.body().get();
              body.put("meta_data", RAW);
              problems.check(
                  route,
                  "meta_data " + meta,
                  () -> invalid(send(route, json(body, meta)), "meta_data"));
            }
          }
        });
  }

  @Test
  @Order(11)
  void sqlMetaCharactersAreJustText() throws Exception {
    Fixture f = fixture();
    long tasksBefore = ok(api().get("/status")).get("metrics").get("total_tasks").asLong();
    Problems problems = new Problems();
    for (Route route : routes()) {
      for (Field field : route.fields()) {
        if (!field.kind().isString()) {
          continue;
        }
        for (String sql : SQL) {
          acceptedExactly(problems, route, field, sql + " " + unique("q"));
        }
      }
    }
    // ... and in query parameters that are stored or used as filters
    for (String sql : SQL) {
      String author = sql + unique("a");
      problems.check(
          "E36 author_id",
          sql,
          () -> {
            JsonNode doc =
                ok(
                    api()
                        .queryParam("author_id", author)
                        .queryParam("project_id", f.project())
                        .body(Map.of("doc_type", "update", "title", "t", "content", "c"))
                        .post("/api/v1/documents"));
            assertEquals(author, doc.get("author_id").asText());
            JsonNode listed =
                ok(
                    api()
                        .queryParam("project_id", f.project())
                        .queryParam("author_id", author)
                        .get("/api/v1/documents"));
            assertEquals(1, listed.size());
          });
      problems.check(
          "E44 agent_id",
          sql,
          () -> {
            JsonNode service =
                ok(
                    api()
                        .queryParam("agent_id", author)
                        .queryParam("project_id", f.project())
                        .body(Map.of("service_name", unique("sqlsvc"), "ping_url", "u"))
                        .post("/api/v1/services/register"));
            assertEquals(author, service.get("owner_agent_id").asText());
          });
      problems.check(
          "filters",
          sql,
          () -> {
            assertEquals(
                0,
                ok(api()
                        .queryParam("project_id", f.project())
                        .queryParam("agent_id", sql)
                        .get("/api/v1/mentions"))
                    .size());
            if (sql.indexOf('\\') < 0) {
              error(
                  api()
                      .queryParam("project_id", f.project())
                      .get("/api/v1/agents/{a}/availability", sql),
                  404);
              error(
                  api()
                      .queryParam("agent_id", sql)
                      .queryParam("project_id", f.project())
                      .delete("/api/v1/services/{s}", sql),
                  404);
            }
            invalid(api().queryParam("status", sql).get("/api/v1/tasks"), "status");
            error(api().queryParam("agent_id", sql).post("/api/v1/tasks/{id}/lock", f.task()), 404);
          });
    }
    problems.assertNone();

    // the task table still works, with every row created above
    long tasksAfter = ok(api().get("/status")).get("metrics").get("total_tasks").asLong();
    assertTrue(tasksAfter > tasksBefore);
    assertEquals(tasksAfter, ok(api().get("/api/v1/tasks")).size());
    long task = createTaskId(f.pm(), f.feature(), "backend_dev", "junior");
    assertEquals(task, ok(api().get("/api/v1/tasks/{id}", task)).get("id").asLong());
    try (Connection db =
            DriverManager.getConnection("jdbc:sqlite:" + ApiDeployment.databaseFile());
        ResultSet rows =
            db.createStatement()
                .executeQuery(
                    "SELECT name FROM sqlite_master WHERE type = 'table'"
                        + " AND name IN ('task', 'agent', 'project')")) {
      Set<String> tables = new TreeSet<>();
      while (rows.next()) {
        tables.add(rows.getString(1));
      }
      assertEquals(Set.of("agent", "project", "task"), tables);
    }
    cleanUp();
  }

  // ---------------------------------------------------------------------------------------------
  // path traversal

  @Test
  @Order(12)
  void pathTraversalInProjectNamesStaysInsideProjects() throws IOException {
    Path home = ApiDeployment.home();
    Set<String> homeBefore = listing(home);
    Set<String> parentBefore = listing(home.getParent());
    Problems problems = new Problems();
    Map<String, String> sanitised = new LinkedHashMap<>();
    String n = unique("t").substring(2);
    sanitised.put("../../../etc_" + n, "etc-" + n);
    sanitised.put("..\\..\\windows_" + n, "windows-" + n);
    sanitised.put("/absolute/path_" + n, "absolutepath-" + n);
    sanitised.put("~root_" + n, "root-" + n);
    sanitised.put("%2e%2e%2f_" + n, "2e2e2f-" + n);
    sanitised.put("C:\\Windows\\System32_" + n, "cwindowssystem32-" + n);
    sanitised.put("name\u0000.." + n, "name" + n);
    sanitised.put("$(rm -rf /)_" + n, "rm-rf-" + n);
    sanitised.forEach(
        (name, dir) ->
            problems.check(
                "E10 name",
                name,
                () -> {
                  JsonNode project =
                      ok(
                          api()
                              .body(Map.of("name", name, "description", ""))
                              .post("/api/v1/projects"));
                  assertEquals(name, project.get("name").asText());
                  assertEquals(
                      "./projects/" + dir + "/docs", project.get("project_docs_path").asText());
                  assertTrue(
                      Files.isDirectory(home.resolve("projects").resolve(dir).resolve("docs")));
                }));
    String before = snapshot();
    for (String name :
        List.of("..", "../..", "/", "....", "..\\..", "\u0000", "-_-", "🚀🚀", " / ")) {
      problems.check(
          "E10 name",
          name,
          () ->
              error(
                  api().body(Map.of("name", name, "description", "")).post("/api/v1/projects"),
                  400));
    }
    String after = snapshot();
    problems.check("E10", "refused names stored nothing", () -> assertSame(before, after));
    problems.check(
        "filesystem",
        "nothing new next to projects/",
        () -> assertEquals(homeBefore, listing(home)));
    problems.check(
        "filesystem",
        "nothing new outside the home",
        () -> assertEquals(parentBefore, listing(home.getParent())));
    problems.assertNone();
  }

  @Test
  @Order(13)
  void pathTraversalInDocumentPathsStaysInsideDocs() throws IOException {
    Fixture f = fixture();
    Path home = ApiDeployment.home();
    Path project = home.resolve("projects").resolve(f.docDir());
    Path docs = project.resolve("docs");
    Files.createDirectories(docs);
    Files.writeString(home.resolve("secret.txt"), "TOP-SECRET-1");
    Files.writeString(project.resolve("shared").resolve("secret.txt"), "TOP-SECRET-2");
    Path linkToHome = docs.resolve("link");
    Path linkToFile = docs.resolve("filelink.txt");
    Files.deleteIfExists(linkToHome);
    Files.deleteIfExists(linkToFile);
    Files.createSymbolicLink(linkToHome, home);
    Files.createSymbolicLink(linkToFile, home.resolve("secret.txt"));
    Set<String> homeBefore = listing(home);
    Set<String> projectBefore = listing(project);
    Problems problems = new Problems();
    String base = "/api/v1/projects/" + f.project() + "/docs/";

    for (String path :
        List.of(
            "%2E%2E%2Fshared%2Fsecret.txt",
            "%2E%2E/shared/secret.txt",
            "..%2F..%2F..%2Fsecret.txt",
            "%2E%2E%2F%2E%2E%2F%2E%2E%2Fsecret.txt",
            "%2Fetc%2Fpasswd",
            "x/%2E%2E/%2E%2E/shared/secret.txt",
            "%252E%252E%252Fsecret.txt",
            "....%2F%2Fsecret.txt",
            "link/secret.txt",
            "filelink.txt",
            "link",
            "%5C..%5Csecret.txt",
            "secret.txt%00.md")) {
      problems.check(
          "E16",
          path,
          () -> {
            Response answer = api().urlEncodingEnabled(false).get(base + path);
            assertTrue(
                Set.of(400, 404).contains(answer.statusCode()),
                () -> "status " + answer.statusCode() + ": " + answer.asString());
            assertFalse(answer.asString().contains("TOP-SECRET"), "leaked a file outside docs");
            if (!answer.asString().isEmpty()) {
              clientError(answer);
            }
          });
    }

    Map<String, String> writes = new LinkedHashMap<>();
    writes.put("%2E%2E%2F%2E%2E%2Fescape.md", "escape.md");
    writes.put("..%2F..%2Fshared%2Fowned.md", "shared/owned.md");
    writes.put("%2Fetc%2Fpasswd", "etc/passwd");
    writes.put("%2E%2E/%2E%2E/%2E%2E/up.md", "up.md");
    writes.put("a/%2E/b/%2E%2E/c.md", "a/b/c.md");
    writes.put("%F0%9F%9A%80%20%C3%A9moji.md", "moji.md");
    writes.put("%27%3B%20DROP%20TABLE%20task%3B%20--.md", "droptabletask.md");
    writes.forEach(
        (path, expected) ->
            problems.check(
                "E17",
                path,
                () -> {
                  JsonNode written =
                      ok(
                          api()
                              .urlEncodingEnabled(false)
                              .body(Map.of("content", "inside"))
                              .post(base + path));
                  assertEquals(expected, written.get("path").asText());
                  assertEquals("inside", Files.readString(docs.resolve(expected)));
                }));
    for (String path :
        List.of(
            "link/owned.md",
            "link%2Fowned.md",
            "%2E%2E",
            "%2E/%2E%2E/",
            "!!!/x.md",
            "a%5Cb.md",
            "a%00b.md")) {
      problems.check(
          "E17",
          path,
          () -> {
            Response answer =
                api()
                    .urlEncodingEnabled(false)
                    .body(Map.of("content", "outside"))
                    .post(base + path);
            assertEquals(400, answer.statusCode(), () -> answer.asString());
            if (!answer.asString().isEmpty()) {
              clientError(answer);
            }
          });
    }
    problems.check("filesystem", "home untouched", () -> assertEquals(homeBefore, listing(home)));
    problems.check(
        "filesystem",
        "project folder untouched",
        () -> assertEquals(projectBefore, listing(project)));
    problems.check(
        "filesystem",
        "shared untouched",
        () -> assertFalse(Files.exists(project.resolve("shared").resolve("owned.md"))));
    problems.check(
        "filesystem",
        "nothing written through the link",
        () -> assertFalse(Files.exists(home.resolve("owned.md"))));
    problems.check(
        "filesystem",
        "secret untouched",
        () -> assertEquals("TOP-SECRET-1", Files.readString(home.resolve("secret.txt"))));
    Files.delete(linkToHome);
    Files.delete(linkToFile);
    problems.assertNone();
  }

  // ---------------------------------------------------------------------------------------------
  // authentication

  @Test
  @Order(14)
  void everyKeyedRouteRefusesAMissingOrWrongKey() {
    String before = snapshot();
    Problems problems = new Problems();
    for (String[] route : keyedRoutes()) {
      String method = route[0];
      String path = route[1];
      Map<String, Supplier<RequestSpecification>> clients = new LinkedHashMap<>();
      clients.put("no key", this::anonymous);
      clients.put("wrong key", () -> anonymous().header("X-API-Key", "wrong"));
      clients.put("empty key", () -> anonymous().header("X-API-Key", ""));
      clients.put("key in other case", () -> anonymous().header("X-API-Key", KEY.toUpperCase()));
      clients.put("key prefix", () -> anonymous().header("X-API-Key", KEY.substring(0, 4)));
      clients.put("key with suffix", () -> anonymous().header("X-API-Key", KEY + "x"));
      clients.put("key as query", () -> anonymous().queryParam("X-API-Key", KEY));
      clients.put("bearer", () -> anonymous().header("Authorization", "Bearer " + KEY));
      clients.forEach(
          (label, client) ->
              problems.check(
                  method + " " + path,
                  label,
                  () -> {
                    JsonNode answer =
                        error(client.get().urlEncodingEnabled(false).request(method, path), 401);
                    assertEquals("Invalid API key", answer.get("detail").asText());
                  }));
    }
    String after = snapshot();
    problems.check("keyed routes", "stored nothing", () -> assertSame(before, after));
    problems.assertNone();
  }

  @Test
  @Order(15)
  void aBadKeyWithABadRequestIsStill401() {
    String before = snapshot();
    Problems problems = new Problems();
    for (String[] route : keyedRoutes()) {
      String method = route[0];
      String path = route[1].replaceAll("\\?.*$", "");
      String malformedPath = path.replaceAll("/[0-9]+(?=/|$)", "/abc");
      problems.check(
          method + " " + malformedPath,
          "wrong key, malformed path, no query",
          () ->
              error(
                  anonymous()
                      .header("X-API-Key", "wrong")
                      .urlEncodingEnabled(false)
                      .request(method, malformedPath),
                  401));
      // Grizzly refuses any body on GET and DELETE (400, empty) before the application runs.
      if (method.equals("GET") || method.equals("DELETE")) {
        continue;
      }
      for (String body : List.of("{", "[]", "{\"status\": \"wizard\"}", "")) {
        problems.check(
            method + " " + malformedPath,
            "wrong key, body " + body,
            () ->
                error(
                    anonymous()
                        .header("X-API-Key", "wrong")
                        .urlEncodingEnabled(false)
                        .body(body)
                        .request(method, malformedPath),
                    401));
        problems.check(
            method + " " + path,
            "no key, body " + body,
            () ->
                error(anonymous().urlEncodingEnabled(false).body(body).request(method, path), 401));
      }
    }
    String after = snapshot();
    problems.check("keyed routes", "stored nothing", () -> assertSame(before, after));
    problems.assertNone();
  }

  // ---------------------------------------------------------------------------------------------
  // bytes and content types

  @Test
  @Order(16)
  void oddContentTypesAndInvalidUtf8AreRefused() {
    refusedOnEveryRoute(
        "content type / bytes",
        (route, problems) -> {
          problems.check(
              route,
              "xml",
              () ->
                  clientError(
                      sendRaw(
                          route,
                          "application/xml",
                          "<a><b>1</b></a>".getBytes(StandardCharsets.UTF_8))));
          problems.check(
              route,
              "form",
              () -> clientError(sendRaw(route, "application/x-www-form-urlencoded", "a=1&b=2")));
          problems.check(
              route,
              "text/plain malformed",
              () ->
                  assertStatus422(
                      sendRaw(route, "text/plain", "{".getBytes(StandardCharsets.UTF_8))));
          for (Field field : route.fields()) {
            if (!field.kind().isString()) {
              continue;
            }
            Map<String, Object> body = route.body().get();
            body.put(field.name(), "BAD");
            byte[] text = json(body).getBytes(StandardCharsets.UTF_8);
            byte[] broken =
                replace(
                    text,
                    "BAD".getBytes(StandardCharsets.UTF_8),
                    new byte[] {'b', (byte) 0xff, (byte) 0xc3, 'd'});
            problems.check(
                route,
                field.name() + " invalid UTF-8",
                () -> assertStatus422(sendRaw(route, "application/json; charset=utf-8", broken)));
          }
        });
  }

  // ---------------------------------------------------------------------------------------------
  // the routes

  /** How a body field is typed and, for strings, which limit applies (API.md 1.9, 4.9). */
  private enum Kind {
    HANDLE,
    TEXT,
    TITLE,
    CONTENT,
    SERVICE_NAME,
    INT,
    ENUM,
    OBJECT,
    TIMESTAMP;

    boolean isString() {
      return this == HANDLE
          || this == TEXT
          || this == TITLE
          || this == CONTENT
          || this == SERVICE_NAME;
    }
  }

  /** A body field; {@code stored} false for fields accepted but ignored (E10 paths). */
  private record Field(String name, Kind kind, boolean required, boolean stored) {
    static Field req(String name, Kind kind) {
      return new Field(name, kind, true, true);
    }

    static Field opt(String name, Kind kind) {
      return new Field(name, kind, false, true);
    }

    static Field ignored(String name) {
      return new Field(name, Kind.TEXT, false, false);
    }
  }

  /**
   * A write endpoint with a JSON body: a valid body, its fields, and how to read back what an
   * accepted request stored (as an object keyed like the request).
   */
  private record Route(
      String id,
      String method,
      String path,
      Map<String, Object> query,
      Supplier<Map<String, Object>> body,
      List<Field> fields,
      Function<JsonNode, JsonNode> stored) {

    boolean bodyRequired() {
      return fields.stream().anyMatch(Field::required);
    }

    boolean hasField(String name) {
      return fields.stream().anyMatch(f -> f.name().equals(name));
    }
  }

  /** A write endpoint's query and path parameters. */
  private record QueryRoute(
      String id,
      String method,
      String path,
      String pathParameter,
      String pathValue,
      Map<String, Object> query,
      List<String> required,
      Map<String, String> malformed,
      String body) {}

  private List<Route> routes() {
    Fixture f = fixture();
    Sink s = sink();
    List<Route> routes = new ArrayList<>();
    routes.add(
        new Route(
            "E5",
            "POST",
            "/api/v1/register",
            Map.of(),
            () ->
                map(
                    "agent_id",
                    unique("reg"),
                    "project_id",
                    f.project(),
                    "role",
                    "qa",
                    "level",
                    "junior"),
            List.of(
                Field.req("agent_id", Kind.HANDLE),
                Field.req("project_id", Kind.INT),
                Field.req("role", Kind.ENUM),
                Field.req("level", Kind.ENUM),
                Field.opt("connection_type", Kind.ENUM)),
            answer ->
                find(
                    ok(api().queryParam("project_id", f.project()).get("/api/v1/agents")),
                    answer.get("agent").get("id").asLong())));
    routes.add(
        new Route(
            "E10",
            "POST",
            "/api/v1/projects",
            Map.of(),
            () -> map("name", unique("hostile"), "description", "d"),
            List.of(
                Field.req("name", Kind.HANDLE),
                Field.req("description", Kind.TEXT),
                Field.opt("code_guidelines_path", Kind.TEXT),
                Field.ignored("shared_path"),
                Field.ignored("instructions_path"),
                Field.ignored("project_docs_path")),
            answer -> ok(api().get("/api/v1/projects/{id}", answer.get("id").asLong()))));
    routes.add(
        new Route(
            "E13",
            "PATCH",
            "/api/v1/projects/" + f.scratchProject(),
            Map.of(),
            () -> map("description", "d"),
            List.of(
                Field.opt("description", Kind.TEXT),
                Field.opt("shared_path", Kind.TEXT),
                Field.opt("instructions_path", Kind.TEXT),
                Field.opt("project_docs_path", Kind.TEXT),
                Field.opt("code_guidelines_path", Kind.TEXT)),
            answer -> ok(api().get("/api/v1/projects/{id}", f.scratchProject()))));
    routes.add(
        new Route(
            "E17",
            "POST",
            "/api/v1/projects/" + f.project() + "/docs/hostile/file.md",
            Map.of(),
            () -> map("content", "c"),
            List.of(Field.req("content", Kind.TEXT)),
            answer ->
                ok(
                    api()
                        .get(
                            "/api/v1/projects/"
                                + f.project()
                                + "/docs/"
                                + answer.get("path").asText()))));
    routes.add(
        new Route(
            "E19",
            "POST",
            "/api/v1/epics",
            Map.of("agent_id", f.gpm(), "project_id", s.project()),
            () -> map("name", "n", "description", "d"),
            List.of(Field.req("name", Kind.HANDLE), Field.req("description", Kind.TEXT)),
            answer -> ok(api().get("/api/v1/epics/{id}", answer.get("id").asLong()))));
    routes.add(
        new Route(
            "E23",
            "POST",
            "/api/v1/features",
            Map.of("agent_id", f.gpm()),
            () -> map("epic_id", s.epic(), "name", "n", "description", "d"),
            List.of(
                Field.req("epic_id", Kind.INT),
                Field.req("name", Kind.HANDLE),
                Field.req("description", Kind.TEXT)),
            answer ->
                find(ok(api().get("/api/v1/features/{id}", s.epic())), answer.get("id").asLong())));
    routes.add(
        new Route(
            "E26",
            "POST",
            "/api/v1/tasks/create",
            Map.of("agent_id", f.gpm()),
            () ->
                map(
                    "feature_id", s.feature(),
                    "title", "t",
                    "description", "d",
                    "target_role", "backend_dev",
                    "difficulty", "junior",
                    "complexity", "minor",
                    "branch", "b"),
            List.of(
                Field.req("feature_id", Kind.INT),
                Field.req("title", Kind.HANDLE),
                Field.req("description", Kind.TEXT),
                Field.req("target_role", Kind.ENUM),
                Field.req("difficulty", Kind.ENUM),
                Field.opt("complexity", Kind.ENUM),
                Field.req("branch", Kind.HANDLE)),
            answer -> ok(api().get("/api/v1/tasks/{id}", answer.get("id").asLong()))));
    routes.add(
        new Route(
            "E31",
            "PUT",
            "/api/v1/tasks/" + f.task() + "/status",
            Map.of("agent_id", f.pm()),
            () -> map("status", "dev_done", "notes", "n"),
            List.of(Field.req("status", Kind.ENUM), Field.opt("notes", Kind.TEXT)),
            answer -> ok(api().get("/api/v1/tasks/{id}", f.task()))));
    routes.add(
        new Route(
            "E33",
            "POST",
            "/api/v1/tasks/" + f.task() + "/comment",
            Map.of("agent_id", f.pm()),
            () -> map("comment", "c"),
            List.of(Field.req("comment", Kind.TEXT)),
            answer -> {
              String notes = ok(api().get("/api/v1/tasks/{id}", f.task())).get("notes").asText();
              String prefix = f.pm() + ": ";
              ObjectNode stored = MAPPER.createObjectNode();
              stored.put("comment", notes.substring(notes.lastIndexOf(prefix) + prefix.length()));
              return stored;
            }));
    routes.add(
        new Route(
            "E36",
            "POST",
            "/api/v1/documents",
            Map.of("author_id", f.pm(), "project_id", s.project()),
            () ->
                map(
                    "doc_type", "update",
                    "title", "t",
                    "content", "c",
                    "meta_data", Map.of("k", "v"),
                    "expires_at", "2099-01-01T00:00:00Z"),
            List.of(
                Field.req("doc_type", Kind.ENUM),
                Field.req("title", Kind.TITLE),
                Field.req("content", Kind.CONTENT),
                Field.opt("meta_data", Kind.OBJECT),
                Field.opt("expires_at", Kind.TIMESTAMP)),
            answer -> ok(api().get("/api/v1/documents/{id}", answer.get("id").asLong()))));
    routes.add(
        new Route(
            "E39",
            "PUT",
            "/api/v1/documents/" + f.document(),
            Map.of(),
            () -> map("title", "t", "content", "c", "meta_data", Map.of("k", "v")),
            List.of(
                Field.opt("title", Kind.TITLE),
                Field.opt("content", Kind.CONTENT),
                Field.opt("meta_data", Kind.OBJECT)),
            answer -> ok(api().get("/api/v1/documents/{id}", f.document()))));
    routes.add(
        new Route(
            "E44",
            "POST",
            "/api/v1/services/register",
            Map.of("agent_id", f.dev(), "project_id", s.project()),
            () ->
                map(
                    "service_name",
                    unique("svc"),
                    "ping_url",
                    "http://127.0.0.1:1/x",
                    "port",
                    8080,
                    "status",
                    "up",
                    "meta_data",
                    Map.of("k", "v")),
            List.of(
                Field.req("service_name", Kind.SERVICE_NAME),
                Field.req("ping_url", Kind.HANDLE),
                Field.opt("port", Kind.INT),
                Field.opt("status", Kind.ENUM),
                Field.opt("meta_data", Kind.OBJECT)),
            answer ->
                find(
                    ok(api().queryParam("project_id", s.project()).get("/api/v1/services")),
                    answer.get("id").asLong())));
    return routes;
  }

  private List<QueryRoute> queryRoutes() {
    Fixture f = fixture();
    String p = String.valueOf(f.project());
    List<QueryRoute> routes = new ArrayList<>();
    routes.add(
        new QueryRoute(
            "E7",
            "DELETE",
            "/api/v1/agents/" + f.dev(),
            null,
            null,
            query("requester_agent_id", f.pm(), "project_id", p),
            List.of("requester_agent_id", "project_id"),
            Map.of("project_id", "abc"),
            null));
    routes.add(
        new QueryRoute(
            "E13",
            "PATCH",
            "/api/v1/projects/" + f.scratchProject(),
            "project_id",
            String.valueOf(f.scratchProject()),
            query(),
            List.of(),
            Map.of(),
            "{\"description\": \"d\"}"));
    routes.add(
        new QueryRoute(
            "E14",
            "DELETE",
            "/api/v1/projects/" + f.scratchProject(),
            "project_id",
            String.valueOf(f.scratchProject()),
            query("force", "false"),
            List.of(),
            Map.of("force", "maybe"),
            null));
    routes.add(
        new QueryRoute(
            "E17",
            "POST",
            "/api/v1/projects/" + f.project() + "/docs/q.md",
            "project_id",
            p,
            query(),
            List.of(),
            Map.of(),
            "{\"content\": \"c\"}"));
    routes.add(
        new QueryRoute(
            "E19",
            "POST",
            "/api/v1/epics",
            null,
            null,
            query("agent_id", f.pm(), "project_id", p),
            List.of("agent_id"),
            Map.of("project_id", "abc"),
            "{\"name\": \"n\", \"description\": \"d\"}"));
    routes.add(
        new QueryRoute(
            "E22",
            "DELETE",
            "/api/v1/epics/" + f.epic(),
            "epic_id",
            String.valueOf(f.epic()),
            query("agent_id", f.pm()),
            List.of("agent_id"),
            Map.of(),
            null));
    routes.add(
        new QueryRoute(
            "E23",
            "POST",
            "/api/v1/features",
            null,
            null,
            query("agent_id", f.pm()),
            List.of("agent_id"),
            Map.of(),
            "{\"epic_id\": " + f.epic() + ", \"name\": \"n\", \"description\": \"d\"}"));
    routes.add(
        new QueryRoute(
            "E25",
            "DELETE",
            "/api/v1/features/" + f.feature(),
            "feature_id",
            String.valueOf(f.feature()),
            query("agent_id", f.pm()),
            List.of("agent_id"),
            Map.of(),
            null));
    routes.add(
        new QueryRoute(
            "E26",
            "POST",
            "/api/v1/tasks/create",
            null,
            null,
            query("agent_id", f.pm()),
            List.of("agent_id"),
            Map.of(),
            json(
                map(
                    "feature_id",
                    f.feature(),
                    "title",
                    "t",
                    "description",
                    "d",
                    "target_role",
                    "qa",
                    "difficulty",
                    "junior",
                    "branch",
                    "b"))));
    routes.add(
        new QueryRoute(
            "E30",
            "POST",
            "/api/v1/tasks/" + f.task() + "/lock",
            "task_id",
            String.valueOf(f.task()),
            query("agent_id", f.dev()),
            List.of("agent_id"),
            Map.of(),
            null));
    routes.add(
        new QueryRoute(
            "E31",
            "PUT",
            "/api/v1/tasks/" + f.task() + "/status",
            "task_id",
            String.valueOf(f.task()),
            query("agent_id", f.pm()),
            List.of("agent_id"),
            Map.of(),
            "{\"status\": \"dev_done\"}"));
    routes.add(
        new QueryRoute(
            "E32",
            "POST",
            "/api/v1/tasks/" + f.task() + "/assign",
            "task_id",
            String.valueOf(f.task()),
            query("target_agent_id", f.dev(), "assigner_agent_id", f.pm()),
            List.of("target_agent_id", "assigner_agent_id"),
            Map.of(),
            null));
    routes.add(
        new QueryRoute(
            "E33",
            "POST",
            "/api/v1/tasks/" + f.task() + "/comment",
            "task_id",
            String.valueOf(f.task()),
            query("agent_id", f.pm()),
            List.of("agent_id"),
            Map.of(),
            "{\"comment\": \"c\"}"));
    routes.add(
        new QueryRoute(
            "E34",
            "DELETE",
            "/api/v1/tasks/" + f.task(),
            "task_id",
            String.valueOf(f.task()),
            query("agent_id", f.pm()),
            List.of("agent_id"),
            Map.of(),
            null));
    routes.add(
        new QueryRoute(
            "E36",
            "POST",
            "/api/v1/documents",
            null,
            null,
            query("author_id", f.pm(), "project_id", p),
            List.of("author_id"),
            Map.of("project_id", "abc"),
            "{\"doc_type\": \"update\", \"title\": \"t\", \"content\": \"c\"}"));
    routes.add(
        new QueryRoute(
            "E39",
            "PUT",
            "/api/v1/documents/" + f.document(),
            "document_id",
            String.valueOf(f.document()),
            query(),
            List.of(),
            Map.of(),
            "{\"title\": \"t\"}"));
    routes.add(
        new QueryRoute(
            "E40",
            "DELETE",
            "/api/v1/documents/" + f.document(),
            "document_id",
            String.valueOf(f.document()),
            query(),
            List.of(),
            Map.of(),
            null));
    routes.add(
        new QueryRoute(
            "E43",
            "PUT",
            "/api/v1/mentions/" + f.mention() + "/read",
            "mention_id",
            String.valueOf(f.mention()),
            query("agent_id", f.dev()),
            List.of("agent_id"),
            Map.of(),
            null));
    routes.add(
        new QueryRoute(
            "E44",
            "POST",
            "/api/v1/services/register",
            null,
            null,
            query("agent_id", f.dev(), "project_id", p),
            List.of("agent_id"),
            Map.of("project_id", "abc"),
            "{\"service_name\": \"s\", \"ping_url\": \"u\"}"));
    routes.add(
        new QueryRoute(
            "E46",
            "POST",
            "/api/v1/services/" + f.service() + "/heartbeat",
            null,
            null,
            query("agent_id", f.dev(), "project_id", p),
            List.of("agent_id"),
            Map.of("project_id", "abc"),
            null));
    routes.add(
        new QueryRoute(
            "E47",
            "DELETE",
            "/api/v1/services/" + f.service(),
            null,
            null,
            query("agent_id", f.dev(), "project_id", p),
            List.of("agent_id"),
            Map.of("project_id", "abc"),
            null));
    return routes;
  }

  /** Every route that needs the key (API.md 3, all but E1–E4 and E49–E58), on real targets. */
  private List<String[]> keyedRoutes() {
    Fixture f = fixture();
    long p = f.project();
    String task = "/api/v1/tasks/" + f.task();
    return List.of(
        new String[] {"POST", "/api/v1/register"},
        new String[] {"GET", "/api/v1/agents"},
        new String[] {
          "DELETE",
          "/api/v1/agents/" + f.dev() + "?requester_agent_id=" + f.pm() + "&project_id=" + p
        },
        new String[] {"GET", "/api/v1/agents/availability?project_id=" + p},
        new String[] {"GET", "/api/v1/agents/" + f.dev() + "/availability?project_id=" + p},
        new String[] {"POST", "/api/v1/projects"},
        new String[] {"GET", "/api/v1/projects"},
        new String[] {"GET", "/api/v1/projects/" + p},
        new String[] {"PATCH", "/api/v1/projects/" + p},
        new String[] {"DELETE", "/api/v1/projects/" + f.scratchProject() + "?force=true"},
        new String[] {"GET", "/api/v1/projects/" + p + "/docs"},
        new String[] {"GET", "/api/v1/projects/" + p + "/docs/hostile/file.md"},
        new String[] {"POST", "/api/v1/projects/" + p + "/docs/hostile/file.md"},
        new String[] {"GET", "/api/v1/context/" + p},
        new String[] {"POST", "/api/v1/epics?agent_id=" + f.pm()},
        new String[] {"GET", "/api/v1/epics"},
        new String[] {"GET", "/api/v1/epics/" + f.epic()},
        new String[] {"DELETE", "/api/v1/epics/" + f.epic() + "?agent_id=" + f.pm()},
        new String[] {"POST", "/api/v1/features?agent_id=" + f.pm()},
        new String[] {"GET", "/api/v1/features/" + f.epic()},
        new String[] {"DELETE", "/api/v1/features/" + f.feature() + "?agent_id=" + f.pm()},
        new String[] {"POST", "/api/v1/tasks/create?agent_id=" + f.pm()},
        new String[] {"GET", "/api/v1/tasks/next?role=qa&level=senior&simulate=true"},
        new String[] {"GET", "/api/v1/tasks"},
        new String[] {"GET", task},
        new String[] {"POST", task + "/lock?agent_id=" + f.dev()},
        new String[] {"PUT", task + "/status?agent_id=" + f.pm()},
        new String[] {
          "POST", task + "/assign?target_agent_id=" + f.dev() + "&assigner_agent_id=" + f.pm()
        },
        new String[] {"POST", task + "/comment?agent_id=" + f.pm()},
        new String[] {"DELETE", task + "?agent_id=" + f.pm()},
        new String[] {"GET", "/api/v1/changelog"},
        new String[] {"POST", "/api/v1/documents?author_id=" + f.pm() + "&project_id=" + p},
        new String[] {"GET", "/api/v1/documents?project_id=" + p},
        new String[] {"GET", "/api/v1/documents/" + f.document()},
        new String[] {"PUT", "/api/v1/documents/" + f.document()},
        new String[] {"DELETE", "/api/v1/documents/" + f.document()},
        new String[] {"GET", "/api/v1/mentions?project_id=" + p},
        new String[] {"GET", "/api/v1/mentions/by-role?project_id=" + p},
        new String[] {"PUT", "/api/v1/mentions/" + f.mention() + "/read?agent_id=" + f.dev()},
        new String[] {"POST", "/api/v1/services/register?agent_id=" + f.dev() + "&project_id=" + p},
        new String[] {"GET", "/api/v1/services?project_id=" + p},
        new String[] {
          "POST",
          "/api/v1/services/" + f.service() + "/heartbeat?agent_id=" + f.dev() + "&project_id=" + p
        },
        new String[] {
          "DELETE", "/api/v1/services/" + f.service() + "?agent_id=" + f.dev() + "&project_id=" + p
        },
        new String[] {"GET", "/api/v1/changes?since=2020-01-01T00:00:00Z&project_id=" + p});
  }

  // ---------------------------------------------------------------------------------------------
  // fixture, snapshots, sending

  /** Entities every route can point at; built once per server. */
  private record Fixture(
      long project,
      String docDir,
      String pm,
      String gpm,
      String dev,
      long epic,
      long feature,
      long task,
      long document,
      long mention,
      String service,
      long scratchProject) {}

  private Fixture fixture() {
    if (fixture == null) {
      JsonNode project =
          ok(
              api()
                  .body(Map.of("name", unique("Hostile Fixture"), "description", ""))
                  .post("/api/v1/projects"));
      long id = project.get("id").asLong();
      String docDir = project.get("project_docs_path").asText().split("/")[2];
      String pm = unique("pm");
      register(pm, id, "project_pm", "senior");
      String dev = unique("dev");
      register(dev, id, "backend_dev", "senior");
      String gpm = unique("gpm");
      register(gpm, id, "global_pm", "principal");
      long epic = createEpic(pm, id);
      long feature = createFeature(pm, epic);
      long task = createTaskId(pm, feature, "backend_dev", "junior");
      long document =
          ok(api()
                  .queryParam("author_id", pm)
                  .queryParam("project_id", id)
                  .body(Map.of("doc_type", "update", "title", "fixture", "content", "hi @" + dev))
                  .post("/api/v1/documents"))
              .get("id")
              .asLong();
      long mention =
          ok(api().queryParam("project_id", id).queryParam("agent_id", dev).get("/api/v1/mentions"))
              .get(0)
              .get("id")
              .asLong();
      String service = unique("svc");
      ok(
          api()
              .queryParam("agent_id", dev)
              .queryParam("project_id", id)
              .body(Map.of("service_name", service, "ping_url", "http://127.0.0.1:1/x"))
              .post("/api/v1/services/register"));
      long scratch = createProject(unique("Hostile Scratch"));
      fixture =
          new Fixture(
              id, docDir, pm, gpm, dev, epic, feature, task, document, mention, service, scratch);
    }
    return fixture;
  }

  /**
   * What a refused request must not change: global counts, the newest task and changelog row, and
   * every fixture entity (service fields the health checker updates are left out).
   */
  private String snapshot() {
    Fixture f = fixture();
    Sink s = sink();
    StringBuilder state = new StringBuilder();
    ObjectNode metrics = (ObjectNode) ok(api().get("/status")).get("metrics");
    metrics.remove("active_agents");
    state.append(metrics).append('\n');
    for (String path :
        List.of(
            "/api/v1/epics?project_id=" + f.project(),
            "/api/v1/epics?project_id=" + s.project(),
            "/api/v1/features/" + f.epic(),
            "/api/v1/features/" + s.epic(),
            "/api/v1/changelog?limit=1",
            "/api/v1/tasks?limit=1",
            "/api/v1/projects/" + f.project(),
            "/api/v1/projects/" + f.scratchProject(),
            "/api/v1/tasks/" + f.task(),
            "/api/v1/documents/" + f.document(),
            "/api/v1/mentions?limit=100000&project_id=" + f.project(),
            "/api/v1/agents?project_id=" + f.project(),
            "/api/v1/agents/availability?project_id=" + f.project(),
            "/api/v1/projects/" + f.project() + "/docs")) {
      state
          .append(path)
          .append(' ')
          .append(ok(api().urlEncodingEnabled(false).get(path)))
          .append('\n');
    }
    for (JsonNode service :
        ok(api().queryParam("project_id", f.project()).get("/api/v1/services"))) {
      ObjectNode kept = (ObjectNode) service;
      kept.remove(List.of("status", "last_ping_at", "last_ping_success", "updated_at"));
      state.append(kept).append('\n');
    }
    return state.toString();
  }

  /**
   * Where accepted creations land (epics, features, tasks, documents, services), so that the
   * megabyte values they carry do not weigh on the snapshots; replaced by {@link #cleanUp()}.
   */
  private record Sink(long project, long epic, long feature) {}

  private Sink sink() {
    if (sink == null) {
      Fixture f = fixture();
      long project = createProject(unique("Hostile Sink"));
      long epic = createEpic(f.gpm(), project);
      sink = new Sink(project, epic, createFeature(f.gpm(), epic));
    }
    return sink;
  }

  /** Puts every fixture entity an accepted write changed back to small values; a new sink. */
  private void cleanUp() {
    Fixture f = fixture();
    cleanFixtureTask();
    ok(
        api()
            .body(
                map(
                    "description",
                    "",
                    "shared_path",
                    "s",
                    "instructions_path",
                    "i",
                    "project_docs_path",
                    "d",
                    "code_guidelines_path",
                    "c"))
            .patch("/api/v1/projects/{id}", f.scratchProject()));
    ok(
        api()
            .body(map("title", "fixture", "content", "hi @" + f.dev(), "meta_data", Map.of()))
            .put("/api/v1/documents/{id}", f.document()));
    ok(api().queryParam("force", "true").delete("/api/v1/projects/{id}", sink().project()));
    sink = null;
  }

  /** Puts the fixture task back to a small, unlocked, created state after accepted writes. */
  private void cleanFixtureTask() {
    Fixture f = fixture();
    ok(
        api()
            .queryParam("agent_id", f.pm())
            .body(Map.of("status", "created", "notes", "reset"))
            .put("/api/v1/tasks/{id}/status", f.task()));
  }

  private void refusedOnEveryRoute(String category, BiConsumer<Route, Problems> attack) {
    Problems problems = new Problems(category);
    for (Route route : routes()) {
      String before = snapshot();
      attack.accept(route, problems);
      String after = snapshot();
      problems.check(route, "stored nothing", () -> assertSame(before, after));
    }
    problems.assertNone();
  }

  private void refusedWith(
      Problems problems, Route route, Field field, Map<String, Object> body, int status) {
    String before = snapshot();
    problems.check(
        route,
        field.name() + " 1 MB refused with " + status,
        () -> {
          Response answer = send(route, json(body));
          if (status == 422) {
            invalid(answer, field.name());
          } else {
            error(answer, status);
          }
        });
    String after = snapshot();
    problems.check(route, field.name() + " 1 MB stored nothing", () -> assertSame(before, after));
  }

  private void acceptedExactly(Problems problems, Route route, Field field, String value) {
    Map<String, Object> body = route.body().get();
    body.put(field.name(), value);
    problems.check(
        route,
        field.name() + "=" + value,
        () -> {
          JsonNode answer = ok(send(route, json(body)));
          if (field.stored()) {
            assertStored(route, answer, field.name(), value);
          }
        });
  }

  private static void assertStored(Route route, JsonNode answer, String field, String expected) {
    JsonNode stored = route.stored().apply(answer).get(field);
    assertTrue(stored != null && stored.isTextual(), () -> field + " not read back: " + stored);
    String actual = stored.asText();
    if (!expected.equals(actual)) {
      fail(
          field
              + " stored as "
              + Contract.abbreviate(escape(actual))
              + ", sent "
              + Contract.abbreviate(escape(expected)));
    }
  }

  private Response send(Route route, String body) {
    RequestSpecification request = api();
    route.query().forEach(request::queryParam);
    return request
        .body(body.getBytes(StandardCharsets.UTF_8))
        .request(route.method(), route.path());
  }

  private Response sendRaw(Route route, String contentType, Object body) {
    RequestSpecification request = anonymous().header("X-API-Key", KEY).contentType(contentType);
    if (body instanceof byte[] bytes) {
      request.body(bytes);
    } else {
      request.body((String) body);
    }
    route.query().forEach(request::queryParam);
    return request.request(route.method(), route.path());
  }

  private Response send(QueryRoute route, String path, Map<String, Object> query) {
    RequestSpecification request = api().urlEncodingEnabled(false);
    query.forEach((k, v) -> request.queryParam(k, encode(String.valueOf(v))));
    if (route.body() != null) {
      request.body(route.body());
    }
    return request.request(route.method(), path);
  }

  private static String encode(String value) {
    return java.net.URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private static void assertStatus422(Response response) {
    error(response, 422);
  }

  private static void assertSame(String before, String after) {
    if (before.equals(after)) {
      return;
    }
    int i = 0;
    while (i < Math.min(before.length(), after.length()) && before.charAt(i) == after.charAt(i)) {
      i++;
    }
    int from = Math.max(0, before.lastIndexOf('\n', i) + 1);
    fail(
        "state changed at: "
            + Contract.abbreviate(before.substring(from, Math.min(before.length(), i + 200)))
            + "\n  became: "
            + Contract.abbreviate(after.substring(from, Math.min(after.length(), i + 200))));
  }

  private static List<Object> wrongValues(Kind kind) {
    return switch (kind) {
      case HANDLE, TEXT, TITLE, CONTENT, SERVICE_NAME ->
          List.of(123, 1.5, true, Map.of(), List.of(), List.of("x"), Map.of("a", "b"));
      case INT ->
          List.of(
              "abc",
              "",
              "1.5",
              1.5,
              true,
              Map.of(),
              List.of(),
              List.of(1),
              "12abc",
              raw("1e400"),
              raw("9223372036854775808"),
              raw("-1e-3"));
      case ENUM -> List.of(1, true, Map.of(), List.of("qa"), 1.5);
      case OBJECT -> List.of("x", 1, true, List.of(), List.of(Map.of()), 1.5);
      case TIMESTAMP ->
          List.of(1, true, Map.of(), List.of(), "x", "2025-13-45", "2025-02-30T25:61:00Z", "");
    };
  }

  /** A JSON token written as is into a body (numbers Jackson would not write). */
  private record RawJson(String text) {
    @Override
    public String toString() {
      return text;
    }
  }

  private static Object raw(String text) {
    return new RawJson(text);
  }

  private static Map<String, Object> map(Object... pairs) {
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      map.put((String) pairs[i], pairs[i + 1]);
    }
    return map;
  }

  private static Map<String, Object> query(Object... pairs) {
    return map(pairs);
  }

  private static String json(Object value) {
    return json(value, null);
  }

  /** The body as JSON; a field set to {@link #RAW} (or a raw token) is replaced by {@code raw}. */
  private static String json(Object value, Object raw) {
    try {
      Object plain = value;
      String rawText = raw == null ? null : raw.toString();
      if (value instanceof Map<?, ?> map) {
        Map<Object, Object> copy = new HashMap<>(map);
        for (Map.Entry<?, ?> e : map.entrySet()) {
          if (e.getValue() instanceof RawJson token) {
            copy.put(e.getKey(), RAW);
            rawText = token.text();
          }
        }
        plain = copy;
      }
      String text = MAPPER.writeValueAsString(plain);
      return rawText == null ? text : text.replace("\"" + RAW + "\"", rawText);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static JsonNode find(JsonNode list, long id) {
    for (JsonNode item : list) {
      if (item.get("id").asLong() == id) {
        return item;
      }
    }
    throw new AssertionError("id " + id + " not listed");
  }

  private static Set<String> listing(Path dir) throws IOException {
    try (Stream<Path> entries = Files.list(dir)) {
      return new TreeSet<>(entries.map(p -> p.getFileName().toString()).toList());
    }
  }

  private static byte[] replace(byte[] text, byte[] what, byte[] with) {
    String marker = new String(what, StandardCharsets.ISO_8859_1);
    String all = new String(text, StandardCharsets.ISO_8859_1);
    int at = all.indexOf(marker);
    byte[] out = new byte[text.length - what.length + with.length];
    System.arraycopy(text, 0, out, 0, at);
    System.arraycopy(with, 0, out, at, with.length);
    System.arraycopy(text, at + what.length, out, at + with.length, text.length - at - what.length);
    return out;
  }

  private static String escape(String text) {
    StringBuilder out = new StringBuilder();
    text.codePoints()
        .forEach(
            c -> {
              if (c < 0x20 || (c >= 0x7f && c < 0xa0) || Character.getType(c) == Character.FORMAT) {
                out.append(String.format("\\u%04x", c));
              } else {
                out.appendCodePoint(c);
              }
            });
    return out.toString();
  }

  /** One check; it may throw anything, which counts as a failure. */
  @FunctionalInterface
  private interface Check {
    void run() throws Exception;
  }

  /** Collects every failed check of a test so one run reports them all. */
  private static final class Problems {
    private final String category;
    private final List<String> found = new ArrayList<>();

    Problems() {
      this("");
    }

    Problems(String category) {
      this.category = category;
    }

    void check(Route route, String what, Check check) {
      check(route.id() + " " + route.method() + " " + route.path(), what, check);
    }

    void check(String where, String what, Check check) {
      try {
        check.run();
      } catch (AssertionError | Exception e) {
        found.add(
            category
                + " | "
                + where
                + " | "
                + Contract.abbreviate(escape(what))
                + " -> "
                + Contract.abbreviate(escape(String.valueOf(e.getMessage()))));
      }
    }

    void assertNone() {
      assertTrue(
          found.isEmpty(), () -> found.size() + " problem(s):\n  " + String.join("\n  ", found));
    }
  }
}
