package org.headlesspm.agentclient;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** Reads the API directly, to check what the client did without trusting the client. */
final class ApiReader {

  private final String url;
  private final String key;
  private final HttpClient http = HttpClient.newHttpClient();

  ApiReader(String url, String key) {
    this.url = url;
    this.key = key;
  }

  /** {@code GET /api/v1/<path>}, which must answer 200. */
  JsonNode get(String path) {
    try {
      HttpResponse<String> response =
          http.send(
              HttpRequest.newBuilder(URI.create(url + "/api/v1/" + path))
                  .header("X-API-Key", key)
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertEquals(200, response.statusCode(), () -> path + ": " + response.body());
      return AgentShell.JSON.readTree(response.body());
    } catch (IOException e) {
      throw new AssertionError(path, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
