package org.headlesspm.registry;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.headlesspm.config.HeadlessPmConfig;

/**
 * Pings every registered service every 30 s (first run at start-up), all at once, with a 10 s
 * timeout and no redirects: exactly HTTP 200 is {@code up}, anything else {@code down} (API.md
 * 4.14). Runs in the API only; started by the bootstrap once the schema is ready.
 */
@ApplicationScoped
public class ServicePinger {

  private static final Logger LOG = Logger.getLogger(ServicePinger.class.getName());

  @Resource ManagedThreadFactory threads;
  @Inject HeadlessPmConfig config;
  @Inject ServiceRegistry registry;

  private ScheduledExecutorService schedule;
  private HttpClient http;

  @PostConstruct
  void init() {
    schedule = Executors.newSingleThreadScheduledExecutor(threads);
    http =
        HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(config.serviceCheckTimeout())
            .build();
  }

  public void start() {
    long period = config.serviceCheckInterval().toMillis();
    schedule.scheduleWithFixedDelay(this::pingAll, 0, period, TimeUnit.MILLISECONDS);
  }

  @PreDestroy
  void stop() {
    schedule.shutdownNow();
  }

  void pingAll() {
    try {
      Map<Long, String> targets = registry.pingTargets();
      Map<Long, CompletableFuture<Boolean>> pings = new HashMap<>();
      targets.forEach((id, url) -> pings.put(id, ping(url)));
      Map<Long, Boolean> results = new HashMap<>();
      pings.forEach((id, ping) -> results.put(id, ping.join()));
      if (!results.isEmpty()) {
        registry.recordPings(results);
      }
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Service health check failed", e);
    }
  }

  private CompletableFuture<Boolean> ping(String url) {
    try {
      HttpRequest request =
          HttpRequest.newBuilder(URI.create(url))
              .timeout(config.serviceCheckTimeout())
              .GET()
              .build();
      return http.sendAsync(request, HttpResponse.BodyHandlers.discarding())
          .thenApply(response -> response.statusCode() == 200)
          .exceptionally(unreachable -> false);
    } catch (RuntimeException badUrl) {
      return CompletableFuture.completedFuture(false);
    }
  }
}
