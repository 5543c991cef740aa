package org.headlesspm.dashboard.health;

import jakarta.json.JsonObject;
import java.time.Instant;

/**
 * One health probe of a dependency: reachable or not, its HTTP status, its JSON (or null), the
 * failure text ("connection refused", "timeout", ...) and how long it took.
 */
public record Probe(
    String url,
    boolean reachable,
    int statusCode,
    JsonObject content,
    String error,
    long responseTimeMs,
    Instant at) {

  /** The dependency's own {@code status} field, "unreachable" when it did not answer. */
  public String status() {
    if (!reachable) {
      return "unreachable";
    }
    if (content != null && content.containsKey("status")) {
      return content.getString("status", "unknown");
    }
    return statusCode == 200 ? "healthy" : "unhealthy";
  }

  public boolean healthy() {
    return reachable && statusCode == 200 && "healthy".equals(status());
  }

  public String text(String field) {
    if (content == null || !content.containsKey(field) || content.isNull(field)) {
      return "—";
    }
    var value = content.get(field);
    return value.getValueType() == jakarta.json.JsonValue.ValueType.STRING
        ? content.getString(field)
        : value.toString();
  }

  /** The {@code api_backend} text of /api/health (DASHBOARD.md 3.9). */
  public String backendText() {
    if (!reachable) {
      return "timeout".equals(error) ? "timeout" : "unreachable: " + error;
    }
    return healthy() ? "healthy" : "unhealthy: " + (statusCode == 200 ? status() : statusCode);
  }
}
