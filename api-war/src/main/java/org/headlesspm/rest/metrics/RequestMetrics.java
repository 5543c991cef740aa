package org.headlesspm.rest.metrics;

import jakarta.inject.Inject;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;
import java.lang.reflect.Method;
import java.time.Duration;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;
import org.eclipse.microprofile.metrics.Tag;

/**
 * Times every request per route template, method and status class as {@code
 * headless_pm_http_requests} (OPERATIONS.md 8.5): routes by template, not by concrete path, so task
 * ids do not multiply the series.
 */
@Provider
@PreMatching
public class RequestMetrics implements ContainerRequestFilter, ContainerResponseFilter {

  public static final String TIMER = "headless_pm_http_requests";
  private static final String STARTED = RequestMetrics.class.getName() + ".started";
  private static final Metadata METADATA =
      Metadata.builder()
          .withName(TIMER)
          .withDescription("REST API requests by route, method and status class")
          .withUnit(MetricUnits.NANOSECONDS)
          .build();

  @Context ResourceInfo resource;
  @Inject MetricRegistry metrics;

  @Override
  public void filter(ContainerRequestContext request) {
    request.setProperty(STARTED, System.nanoTime());
  }

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    Object started = request.getProperty(STARTED);
    if (!(started instanceof Long since)) {
      return;
    }
    metrics
        .timer(
            METADATA,
            new Tag("method", request.getMethod()),
            new Tag("route", route()),
            new Tag("status", response.getStatus() / 100 + "xx"))
        .update(Duration.ofNanos(System.nanoTime() - since));
  }

  /** The matched template, e.g. {@code /api/v1/tasks/{task_id}/lock}; "unmatched" for 404s. */
  private String route() {
    Method method = resource == null ? null : resource.getResourceMethod();
    if (method == null) {
      return "unmatched";
    }
    String base = template(resource.getResourceClass().getAnnotation(Path.class));
    String sub = template(method.getAnnotation(Path.class));
    String route = "/" + base + (sub.isEmpty() ? "" : "/" + sub);
    return route.replaceAll("/+", "/").replaceAll("(.)/$", "$1");
  }

  private static String template(Path path) {
    return path == null ? "" : path.value().replaceAll("^/+|/+$", "");
  }
}
