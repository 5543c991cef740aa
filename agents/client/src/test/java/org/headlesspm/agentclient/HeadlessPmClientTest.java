package org.headlesspm.agentclient;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
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
}
