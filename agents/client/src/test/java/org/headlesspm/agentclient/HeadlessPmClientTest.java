package org.headlesspm.agentclient;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.headlesspm.agentclient.HeadlessPmClient.Invocation;
import org.headlesspm.agentclient.HeadlessPmClient.Json;
import org.headlesspm.agentclient.HeadlessPmClient.Settings;
import org.headlesspm.agentclient.HeadlessPmClient.UsageError;
import org.junit.jupiter.api.Test;

/** The parts of the client that need no server: JSON, configuration, argument parsing. */
class HeadlessPmClientTest {

  @Test
  void jsonRoundTripsWhatTheApiSends() {
    String text =
        "{\"id\": 12, \"title\": \"Z\\u00fcrich \\\"quoted\\\"\\n\", \"ok\": true,"
            + " \"none\": null, \"list\": [1, 2.5, -3e2], \"empty\": {}, \"nothing\": []}";
    Object parsed = Json.parse(text);
    Map<?, ?> map = (Map<?, ?>) parsed;
    assertEquals(12L, map.get("id"));
    assertEquals("Zürich \"quoted\"\n", map.get("title"));
    assertEquals(List.of(1L, new BigDecimal("2.5"), new BigDecimal("-3e2")), map.get("list"));
    assertNull(map.get("none"));
    assertEquals(parsed, Json.parse(Json.pretty(parsed)));
    assertEquals(
        "{\"id\":12,\"title\":\"Zürich \\\"quoted\\\"\\n\",\"ok\":true,\"none\":null,"
            + "\"list\":[1,2.5,-3E+2],\"empty\":{},\"nothing\":[]}",
        Json.compact(parsed));
    assertEquals("null", Json.pretty(Json.parse(" null ")));
  }

  @Test
  void brokenJsonIsRefusedWithThePosition() {
    IllegalArgumentException error =
        assertThrows(IllegalArgumentException.class, () -> Json.parse("{\"a\": tru}"));
    assertTrue(error.getMessage().contains("character 7"), error.getMessage());
    assertThrows(IllegalArgumentException.class, () -> Json.parse("[1, 2"));
    assertThrows(IllegalArgumentException.class, () -> Json.parse("{} {}"));
  }

  @Test
  void dotEnvFollowsTheRulesOfHpm() {
    Map<String, String> values =
        Settings.readDotEnv(
            List.of(
                "# comment",
                "",
                "export API_KEY=\"secret\"",
                "SERVICE_PORT=7000",
                "QUOTED='single'",
                "not a line",
                "BAD-NAME=x"));
    assertEquals(Map.of("API_KEY", "secret", "SERVICE_PORT", "7000", "QUOTED", "single"), values);
  }

  @Test
  void settingsPreferTheEnvironmentAndKnowTheOriginalsKeyNames() {
    Settings defaults = Settings.load(Map.of(), null);
    assertEquals("http://localhost:6969", defaults.url());
    assertEquals("development-key", defaults.apiKey());
    assertNull(defaults.projectId());

    Settings configured =
        Settings.load(
            Map.of(
                "HEADLESS_PM_URL", "http://pm.example:7000/api/v1/",
                "HEADLESS_PM_API_KEY", "third",
                "API_KEY", "second",
                "HEADLESS_PM_PROJECT_ID", "4"),
            null);
    assertEquals("http://pm.example:7000", configured.url());
    assertEquals("second", configured.apiKey());
    assertEquals(4L, configured.projectId());
    assertEquals(
        "http://localhost:7100", Settings.load(Map.of("SERVICE_PORT", "7100"), null).url());
    assertThrows(
        UsageError.class, () -> Settings.load(Map.of("HEADLESS_PM_PROJECT_ID", "two"), null));
  }

  @Test
  void idsArePositionalOrNamedAndOptionsAreChecked() {
    Invocation positional =
        Invocation.parse(new String[] {"tasks", "lock", "12", "--agent-id", "be_bob"});
    Invocation named =
        Invocation.parse(new String[] {"tasks", "lock", "--task-id=12", "--agent-id", "be_bob"});
    assertEquals(positional.values(), named.values());
    assertEquals("tasks lock", named.command().name());

    Invocation global =
        Invocation.parse(new String[] {"--url", "http://x:1", "changelog", "--api-key", "k"});
    assertEquals("http://x:1", global.url());
    assertEquals("k", global.apiKey());

    assertThrows(
        UsageError.class,
        () -> Invocation.parse(new String[] {"tasks", "lock", "1", "2", "--agent-id", "a"}));
    assertThrows(
        UsageError.class,
        () -> Invocation.parse(new String[] {"projects", "delete", "1", "--force=yes"}));
    assertThrows(
        UsageError.class,
        () -> Invocation.parse(new String[] {"changelog", "--limit", "5", "--limit", "6"}));
  }

  @Test
  void helpNeedsNoServer() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8);
    HeadlessPmClient client =
        new HeadlessPmClient(Settings.load(Map.of(), "/opt/hpm"), print, print);
    assertEquals(HeadlessPmClient.OK, client.run(new String[] {"help", "tasks", "next"}));
    assertTrue(
        out.toString(StandardCharsets.UTF_8).contains("Usage: headless-pm-client tasks next"));
    out.reset();
    assertEquals(HeadlessPmClient.OK, client.run(new String[0]));
    assertTrue(out.toString(StandardCharsets.UTF_8).contains("/opt/hpm/agents/roles/"));
    for (String line : out.toString(StandardCharsets.UTF_8).split("\n")) {
      assertTrue(line.length() <= 100, "short lines for narrow terminals: " + line);
    }
  }

  /** Placeholders the instructions use, and a value of the right kind for each. */
  private static final Map<String, String> PLACEHOLDERS =
      Map.ofEntries(
          Map.entry("ME", "be_bob"),
          Map.entry("DEV", "be_bob"),
          Map.entry("ROLE", "backend_dev"),
          Map.entry("LEVEL", "senior"),
          Map.entry("TASK", "12"),
          Map.entry("PROJECT", "2"),
          Map.entry("EPIC", "3"),
          Map.entry("FEATURE", "4"),
          Map.entry("MENTION", "5"),
          Map.entry("DOC", "6"),
          Map.entry("LAST", "2026-01-01T00:00:00Z"));

  @Test
  void everyCommandInTheInstructionsIsOneTheClientAccepts() throws IOException {
    List<Path> documents = new ArrayList<>();
    try (Stream<Path> roles = Files.list(Path.of("..", "roles"))) {
      roles.filter(path -> path.toString().endsWith(".md")).forEach(documents::add);
    }
    documents.add(Path.of("README.md"));
    documents.add(Path.of("..", "README.md"));
    documents.add(Path.of("..", "..", "README.md"));
    int checked = 0;
    for (Path document : documents) {
      boolean code = false;
      List<String> lines = Files.readAllLines(document, StandardCharsets.UTF_8);
      for (int i = 0; i < lines.size(); i++) {
        String line = lines.get(i).strip();
        if (line.startsWith("```")) {
          code = !code;
          continue;
        }
        List<String> words = shellWords(line);
        int program = -1;
        for (int w = 0; w < words.size() && program < 0; w++) {
          if (words.get(w).endsWith("headless-pm-client")) {
            program = w;
          }
        }
        if (!code || program < 0) {
          continue;
        }
        String[] args =
            words.subList(program + 1, words.size()).stream()
                .map(word -> PLACEHOLDERS.getOrDefault(word, word))
                .toArray(String[]::new);
        String where = document + ":" + (i + 1) + ": " + line;
        try {
          Invocation.parse(args);
        } catch (UsageError e) {
          throw new AssertionError(where + " -> " + e.getMessage(), e);
        }
        checked++;
      }
    }
    assertTrue(checked > 60, "found the commands of the instructions: " + checked);
  }

  /** Words as a POSIX shell splits them, up to a comment or another command. */
  private static List<String> shellWords(String line) {
    List<String> words = new ArrayList<>();
    StringBuilder word = null;
    char quote = 0;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quote != 0) {
        if (c == quote) {
          quote = 0;
        } else {
          word.append(c);
        }
      } else if (c == '"' || c == '\'') {
        quote = c;
        word = word == null ? new StringBuilder() : word;
      } else if (Character.isWhitespace(c)) {
        if (word != null) {
          words.add(word.toString());
          word = null;
        }
      } else if ((c == '#' && word == null) || c == '|' || c == ';' || c == '&' || c == '>') {
        break;
      } else {
        word = word == null ? new StringBuilder() : word;
        word.append(c);
      }
    }
    if (word != null) {
      words.add(word.toString());
    }
    return words;
  }
}
