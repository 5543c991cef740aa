package org.headlesspm.mcp.rest;

import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.eclipse.microprofile.rest.client.RestClientBuilder;
import org.headlesspm.api.ApiError;
import org.headlesspm.api.InvalidRequest;
import org.headlesspm.client.HeadlessPmApi;
import org.headlesspm.mcp.McpSettings;
import org.headlesspm.mcp.tools.ToolFailure;

/**
 * The REST API as the MCP server sees it: the typed client from shared-ejb for ordinary calls, a
 * second one with a longer read timeout for the long poll of {@code get_next_task}, and the
 * translation of REST failures into the tool error texts of MCP.md 3.0.5.
 */
public class RestGateway {

  private final McpSettings settings;
  private final HeadlessPmApi api;
  private final HeadlessPmApi longPoll;
  private final HttpClient probeClient =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  public RestGateway(McpSettings settings) {
    this.settings = settings;
    this.api = client(settings.apiTimeout());
    this.longPoll = client(Duration.ofSeconds(settings.nextTaskMaxWaitSeconds() + 15L));
  }

  private HeadlessPmApi client(Duration readTimeout) {
    return RestClientBuilder.newBuilder()
        .baseUri(URI.create(settings.apiBaseUrl()))
        .connectTimeout(5, TimeUnit.SECONDS)
        .readTimeout(readTimeout.toSeconds(), TimeUnit.SECONDS)
        .build(HeadlessPmApi.class);
  }

  public HeadlessPmApi api() {
    return api;
  }

  public HeadlessPmApi longPoll() {
    return longPoll;
  }

  public String baseUrl() {
    return settings.apiBaseUrl();
  }

  /**
   * Runs one REST call; a failure becomes a {@link ToolFailure} whose text says what failed, why
   * and what to do, ending with the call in brackets (e.g. {@code [POST /api/v1/tasks/12/lock]}).
   */
  public <T> T call(String tool, String restCall, Supplier<T> call) {
    try {
      return call.get();
    } catch (RuntimeException failure) {
      throw new ToolFailure(describe(tool, restCall, failure));
    }
  }

  /** The tool error text for a failed REST call. */
  public String describe(String tool, String restCall, Throwable failure) {
    Throwable cause = unwrap(failure);
    String text;
    if (cause instanceof InvalidRequest invalid) {
      text =
          "the API rejected the request: "
              + invalid.errors().stream()
                  .map(
                      e ->
                          (e.loc() == null || e.loc().isEmpty()
                                  ? ""
                                  : e.loc().get(e.loc().size() - 1) + ": ")
                              + e.msg())
                  .collect(Collectors.joining("; "));
    } else if (cause instanceof ApiError error) {
      text = forStatus(error.status(), error.detail());
    } else if (cause instanceof WebApplicationException web) {
      text = forStatus(web.getResponse().getStatus(), web.getMessage());
    } else if (cause instanceof ProcessingException || cause instanceof java.io.IOException) {
      text =
          "the Headless PM API at "
              + settings.apiBaseUrl()
              + " is unreachable or did not answer in time ("
              + cause.getMessage()
              + ")";
    } else {
      text = "internal MCP server error: " + cause;
    }
    return tool + " failed: " + text + " [" + restCall + "]";
  }

  private static String forStatus(int status, String detail) {
    String shortDetail =
        detail == null ? "" : detail.length() > 2000 ? detail.substring(0, 2000) : detail;
    return switch (status) {
      case 400, 422 -> "the API rejected the request: " + shortDetail;
      case 401 ->
          "the API refused the API key; check API_KEY of the MCP server (or the client's"
              + " X-API-Key)";
      case 403 -> "not allowed for this agent: " + shortDetail;
      case 404 -> "not found: " + shortDetail;
      case 409 -> "conflict: " + shortDetail;
      default ->
          status >= 500
              ? "the Headless PM API failed (" + status + "): " + shortDetail + "; retry later"
              : "the API answered " + status + ": " + shortDetail;
    };
  }

  private static Throwable unwrap(Throwable failure) {
    Throwable current = failure;
    while ((current instanceof java.util.concurrent.CompletionException
            || current instanceof java.util.concurrent.ExecutionException)
        && current.getCause() != null) {
      current = current.getCause();
    }
    if (current instanceof ProcessingException processing
        && processing.getCause() instanceof RuntimeException inner
        && (inner instanceof ApiError || inner instanceof InvalidRequest)) {
      return inner;
    }
    return current;
  }

  /** The API's {@code /health}: status code and body, or the reason it did not answer. */
  public Probe probe() {
    long start = System.nanoTime();
    try {
      HttpResponse<String> response =
          probeClient.send(
              HttpRequest.newBuilder(URI.create(settings.apiBaseUrl() + "/health"))
                  .timeout(Duration.ofSeconds(5))
                  .GET()
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      return new Probe(
          response.statusCode(), response.body(), null, (System.nanoTime() - start) / 1_000_000);
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      return new Probe(0, null, "interrupted", 0);
    } catch (Exception e) {
      return new Probe(
          0, null, String.valueOf(e.getMessage()), (System.nanoTime() - start) / 1_000_000);
    }
  }

  /** One answer of the API's {@code /health}. */
  public record Probe(int status, String body, String error, long millis) {
    public boolean up() {
      return status == 200;
    }
  }
}
