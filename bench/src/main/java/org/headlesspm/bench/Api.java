package org.headlesspm.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;

/** The REST API over HTTP/1.1, as any agent reaches it: base URL and {@code X-API-Key}. */
final class Api {

  static final ObjectMapper JSON = new ObjectMapper();

  /** One answer: HTTP status, parsed body (JSON null when empty) and elapsed nanoseconds. */
  record Reply(int status, JsonNode body, long nanos) {
    boolean ok() {
      return status == 200;
    }

    Reply expect200(String what) {
      if (!ok()) {
        throw new IllegalStateException(what + " answered " + status + ": " + body);
      }
      return this;
    }

    long id() {
      return body.get("id").asLong();
    }
  }

  private final String base;
  private final String key;
  private final HttpClient http;

  Api(String base, String key) {
    this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    this.key = key;
    this.http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .executor(Executors.newFixedThreadPool(16, daemon()))
            .build();
  }

  String base() {
    return base;
  }

  CompletableFuture<Reply> get(String path, Duration timeout) {
    return send(request(path, timeout).GET());
  }

  CompletableFuture<Reply> get(String path) {
    return get(path, Duration.ofSeconds(60));
  }

  CompletableFuture<Reply> post(String path, Object body) {
    return send(request(path, Duration.ofSeconds(60)).POST(json(body)));
  }

  CompletableFuture<Reply> put(String path, Object body) {
    return send(request(path, Duration.ofSeconds(60)).PUT(json(body)));
  }

  Reply getNow(String path) {
    return get(path).join();
  }

  Reply postNow(String path, Object body) {
    return post(path, body).join();
  }

  private HttpRequest.Builder request(String path, Duration timeout) {
    return HttpRequest.newBuilder(URI.create(base + path))
        .timeout(timeout)
        .header("X-API-Key", key)
        .header("Content-Type", "application/json");
  }

  /** Requests sent again because the server had closed a kept-alive connection under them. */
  static final java.util.concurrent.atomic.AtomicInteger RETRIES =
      new java.util.concurrent.atomic.AtomicInteger();

  private CompletableFuture<Reply> send(HttpRequest.Builder request) {
    long start = System.nanoTime();
    HttpRequest built = request.build();
    return exchange(built, 3)
        .thenApply(
            response -> {
              long nanos = System.nanoTime() - start;
              String text = response.body();
              try {
                JsonNode body = text.isBlank() ? JSON.nullNode() : JSON.readTree(text);
                return new Reply(response.statusCode(), body, nanos);
              } catch (IOException e) {
                return new Reply(
                    response.statusCode(), JSON.getNodeFactory().textNode(text), nanos);
              }
            });
  }

  /**
   * A connection the server closed between two requests gives "received no bytes": no byte of the
   * request was processed, so it is sent again, up to {@code retries} times (what agents' HTTP
   * clients do too). Every retry is counted in {@link #RETRIES} and reported.
   */
  private CompletableFuture<HttpResponse<String>> exchange(HttpRequest request, int retries) {
    return http.sendAsync(request, HttpResponse.BodyHandlers.ofString())
        .handle(
            (response, failure) -> {
              if (failure == null) {
                return CompletableFuture.completedFuture(response);
              }
              if (retries > 0
                  && String.valueOf(failure.getMessage()).contains("received no bytes")) {
                RETRIES.incrementAndGet();
                return exchange(request, retries - 1);
              }
              return CompletableFuture.<HttpResponse<String>>failedFuture(failure);
            })
        .thenCompose(java.util.function.Function.identity());
  }

  private static HttpRequest.BodyPublisher json(Object body) {
    if (body == null) {
      return HttpRequest.BodyPublishers.noBody();
    }
    try {
      return HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static java.util.concurrent.ThreadFactory daemon() {
    return runnable -> {
      Thread thread = new Thread(runnable);
      thread.setDaemon(true);
      return thread;
    };
  }
}
