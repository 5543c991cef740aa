package org.headlesspm.dashboard.health;

import static org.headlesspm.api.JsonFactory.JSON;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.headlesspm.dashboard.backend.DashboardConfig;

/**
 * Probes the API's and the MCP server's {@code /health} (3 s timeout, answers cached 5 s), for the
 * machine endpoints, the header's health dot and the System Health page.
 */
@ApplicationScoped
public class HealthMonitor {

  private static final Duration TIMEOUT = Duration.ofSeconds(3);
  private static final Duration CACHE = Duration.ofSeconds(5);

  @Inject DashboardConfig config;

  private final Instant started = Instant.now();
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
  private final Map<String, Probe> cache = new ConcurrentHashMap<>();

  public Probe api() {
    return probe(config.apiBaseUrl() + "/health");
  }

  public Probe mcp() {
    return probe(config.mcpUrl() + "/health");
  }

  public Instant started() {
    return started;
  }

  private Probe probe(String url) {
    Probe cached = cache.get(url);
    if (cached != null && cached.at().plus(CACHE).isAfter(Instant.now())) {
      return cached;
    }
    Probe fresh = fetch(url);
    cache.put(url, fresh);
    return fresh;
  }

  /** Forgets cached answers, so that "Retry" probes again. */
  public void forget() {
    cache.clear();
  }

  private Probe fetch(String url) {
    long start = System.nanoTime();
    try {
      HttpResponse<String> response =
          http.send(
              HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT).GET().build(),
              HttpResponse.BodyHandlers.ofString());
      return new Probe(
          url,
          true,
          response.statusCode(),
          json(response.body()),
          null,
          millis(start),
          Instant.now());
    } catch (HttpTimeoutException timeout) {
      return new Probe(url, false, 0, null, "timeout", millis(start), Instant.now());
    } catch (ConnectException refused) {
      return new Probe(url, false, 0, null, "connection refused", millis(start), Instant.now());
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      return new Probe(url, false, 0, null, "interrupted", millis(start), Instant.now());
    } catch (Exception other) {
      String reason =
          other.getMessage() == null ? other.getClass().getSimpleName() : other.getMessage();
      return new Probe(url, false, 0, null, reason, millis(start), Instant.now());
    }
  }

  private static long millis(long start) {
    return (System.nanoTime() - start) / 1_000_000;
  }

  private static JsonObject json(String body) {
    try (var reader = JSON.createReader(new StringReader(body))) {
      JsonValue value = reader.readValue();
      return value instanceof JsonObject object ? object : null;
    } catch (RuntimeException notJson) {
      return null;
    }
  }
}
