package org.headlesspm.client;

import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.rest.client.ext.ClientHeadersFactory;

/**
 * Adds {@code X-API-Key} to every call of {@link HeadlessPmApi}: the first non-blank value of
 * {@link #KEY_NAMES} in MicroProfile Config, else {@link #DEFAULT_KEY} (OPERATIONS.md §1.2, "API
 * access"). The key is looked up on every call, so a changed configuration takes effect at once.
 *
 * <p>To put another name first (the dashboard's {@code DASHBOARD_API_KEY}), subclass it and
 * override {@link #keyNames()}, e.g. {@code Stream.concat(Stream.of("DASHBOARD_API_KEY"),
 * KEY_NAMES.stream()).toList()}, and name the subclass in {@code @RegisterClientHeaders} of an
 * interface extending {@link HeadlessPmApi} (with its own {@code @RegisterRestClient}); the
 * providers must then be registered there too, as annotations are not inherited.
 */
public class ApiKeyHeaders implements ClientHeadersFactory {

  /** The header the API checks (API.md 1.3). */
  public static final String HEADER = "X-API-Key";

  /** Sent when no key is configured; the API accepts it only when it has no key set either. */
  public static final String DEFAULT_KEY = "development-key";

  /**
   * Config names tried in order. {@code headless-pm.api.key} is also found as the environment
   * variable {@code HEADLESS_PM_API_KEY} (MicroProfile Config's environment mapping).
   */
  public static final List<String> KEY_NAMES =
      List.of("API_KEY", "API_KEY_HEADLESS_PM", "headless-pm.api.key");

  @Override
  public MultivaluedMap<String, String> update(
      MultivaluedMap<String, String> incomingHeaders,
      MultivaluedMap<String, String> clientOutgoingHeaders) {
    MultivaluedMap<String, String> headers = new MultivaluedHashMap<>();
    headers.putSingle(HEADER, apiKey());
    return headers;
  }

  /** The names this factory tries, in order. */
  protected List<String> keyNames() {
    return KEY_NAMES;
  }

  /** The key this factory sends. */
  public String apiKey() {
    return apiKey(ConfigProvider.getConfig(), keyNames());
  }

  /** The first non-blank value of {@code names} in {@code config}, else {@link #DEFAULT_KEY}. */
  public static String apiKey(Config config, List<String> names) {
    for (String name : names) {
      Optional<String> value = config.getOptionalValue(name, String.class);
      if (value.isPresent() && !value.get().isBlank()) {
        return value.get().strip();
      }
    }
    return DEFAULT_KEY;
  }
}
