package org.headlesspm.dashboard.backend;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.headlesspm.client.ApiKeyHeaders;

/** The dashboard's settings (DASHBOARD.md 1.2), resolved in one place from MicroProfile Config. */
@ApplicationScoped
public class DashboardConfig {

  /** The API's dashboard identity, present in every project (API-ADDENDUM A4.1). */
  public static final String DASHBOARD_USER = "dashboard-user";

  private final Config config = ConfigProvider.getConfig();

  public String apiBaseUrl() {
    return trimSlash(
        first(List.of("API_BASE_URL", "HEADLESS_PM_URL", "API_URL"), "http://localhost:6969"));
  }

  /** Where the "API docs" link points; the browser may reach the API under another name. */
  public String publicApiUrl() {
    return trimSlash(first(List.of("NEXT_PUBLIC_API_URL"), apiBaseUrl()));
  }

  public String mcpUrl() {
    return trimSlash(
        first(List.of("MCP_URL", "NEXT_PUBLIC_MCP_URL", "MCP_BASE_URL"), "http://localhost:6968"));
  }

  /** The key sent as X-API-Key: DASHBOARD_API_KEY, then the API's own chain. Never rendered. */
  public String apiKey() {
    Optional<String> own = config.getOptionalValue("DASHBOARD_API_KEY", String.class);
    if (own.isPresent() && !own.get().isBlank()) {
      return own.get().strip();
    }
    return ApiKeyHeaders.apiKey(config, ApiKeyHeaders.KEY_NAMES);
  }

  public boolean apiKeyConfigured() {
    return !ApiKeyHeaders.DEFAULT_KEY.equals(apiKey());
  }

  public int defaultRefreshSeconds() {
    return config.getOptionalValue("DASHBOARD_REFRESH_SECONDS", Integer.class).orElse(15);
  }

  /** Read timeout of API calls (DASHBOARD.md 1.2: 5 s); a loaded CI machine may need more. */
  public int apiReadTimeoutSeconds() {
    return config.getOptionalValue("DASHBOARD_API_READ_TIMEOUT_SECONDS", Integer.class).orElse(5);
  }

  private String first(List<String> names, String fallback) {
    for (String name : names) {
      Optional<String> value = config.getOptionalValue(name, String.class);
      if (value.isPresent() && !value.get().isBlank()) {
        return value.get().strip();
      }
    }
    return fallback;
  }

  private static String trimSlash(String url) {
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }
}
