package org.headlesspm.dashboard.backend;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientRequestFilter;
import java.io.Closeable;
import java.io.IOException;
import java.net.URI;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.rest.client.RestClientBuilder;
import org.headlesspm.client.ApiKeyHeaders;
import org.headlesspm.client.HeadlessPmApi;

/**
 * Builds the one typed client of the API with the dashboard's URL, key and timeouts (connect 2 s,
 * read 5 s). Built by hand rather than injected as {@code @RestClient} so that the URL aliases and
 * DASHBOARD_API_KEY of DASHBOARD.md 1.2 apply.
 */
@ApplicationScoped
public class ApiClient {

  @Inject DashboardConfig config;

  private HeadlessPmApi api;

  /** The client; Payara's own {@code @RestClient} bean is not used (it knows only one URL name). */
  public synchronized HeadlessPmApi get() {
    if (api == null) {
      api =
          RestClientBuilder.newBuilder()
              .baseUri(URI.create(config.apiBaseUrl()))
              .connectTimeout(2, TimeUnit.SECONDS)
              .readTimeout(config.apiReadTimeoutSeconds(), TimeUnit.SECONDS)
              .register(new DashboardKey(config))
              .build(HeadlessPmApi.class);
    }
    return api;
  }

  @PreDestroy
  void close() {
    if (api instanceof Closeable closeable) {
      try {
        closeable.close();
      } catch (IOException ignored) {
        // the client is gone either way
      }
    }
  }

  /**
   * Replaces the key of {@link ApiKeyHeaders} with the dashboard's own (DASHBOARD_API_KEY first).
   */
  static final class DashboardKey implements ClientRequestFilter {
    private final DashboardConfig config;

    DashboardKey(DashboardConfig config) {
      this.config = config;
    }

    @Override
    public void filter(ClientRequestContext request) {
      request.getHeaders().putSingle(ApiKeyHeaders.HEADER, config.apiKey());
    }
  }
}
