package org.headlesspm.dashboard.backend;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.ws.rs.ProcessingException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Instant;
import java.util.function.Function;
import org.headlesspm.api.ApiError;
import org.headlesspm.client.HeadlessPmApi;

/**
 * The request's view of the API. Reads go through {@link #read}: a failure does not break the page,
 * it is remembered here and shown as the page banner ({@link #isDown()}) or as a panel error. Once
 * the API proved unreachable, later reads of the same request return their fallback at once.
 */
@Named
@RequestScoped
public class Backend {

  private static final java.util.logging.Logger LOG =
      java.util.logging.Logger.getLogger(Backend.class.getName());

  @Inject ApiClient client;
  @Inject DashboardConfig config;
  @Inject ApiReachability reachability;
  @Inject org.headlesspm.dashboard.health.HealthMonitor monitor;

  private String downReason;
  private String panelError;

  /** The API's answer, or {@code fallback} when it could not be read. */
  public <T> T read(Function<HeadlessPmApi, T> call, T fallback) {
    if (downReason != null) {
      return fallback;
    }
    try {
      T value = call.apply(client.get());
      reachability.succeeded();
      return value;
    } catch (ProcessingException unreachable) {
      downReason = reason(unreachable);
      LOG.warning(() -> "API " + config.apiBaseUrl() + " unreachable: " + downReason);
      monitor.forget();
      return fallback;
    } catch (ApiError error) {
      if (error.status() >= 500) {
        downReason = "HTTP " + error.status();
      } else {
        panelError = error.detail();
      }
      return fallback;
    } catch (RuntimeException other) {
      panelError = other.getMessage();
      LOG.log(java.util.logging.Level.WARNING, "API answer could not be read", other);
      return fallback;
    }
  }

  /** For writes: the client itself; callers show {@link #describe} of what it throws. */
  public HeadlessPmApi api() {
    return client.get();
  }

  /** A user-facing text for a failed write. */
  public static String describe(RuntimeException failure) {
    if (failure instanceof ApiError error) {
      return error.detail();
    }
    if (failure instanceof org.headlesspm.api.InvalidRequest invalid) {
      return invalid.getMessage();
    }
    if (failure instanceof ProcessingException unreachable) {
      return "The API is unreachable (" + reason(unreachable) + ")";
    }
    return failure.getMessage();
  }

  static String reason(ProcessingException failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof SocketTimeoutException) {
        return "timeout";
      }
      if (cause instanceof ConnectException) {
        return "connection refused";
      }
      if (cause instanceof UnknownHostException) {
        return "unknown host";
      }
    }
    return failure.getClass().getSimpleName();
  }

  public boolean isDown() {
    return downReason != null;
  }

  public String getDownReason() {
    return downReason;
  }

  public String getPanelError() {
    return panelError;
  }

  public String getApiUrl() {
    return config.apiBaseUrl();
  }

  public Instant getLastSuccess() {
    return reachability.lastSuccess();
  }
}
