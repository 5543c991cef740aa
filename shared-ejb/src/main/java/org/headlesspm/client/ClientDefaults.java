package org.headlesspm.client;

import org.eclipse.microprofile.rest.client.RestClientBuilder;
import org.eclipse.microprofile.rest.client.spi.RestClientListener;

/**
 * Sets up every builder of {@link HeadlessPmApi} (CDI-managed or built by hand) so that Jersey, the
 * implementation Payara ships, can send every method of the contract. Found through {@code
 * META-INF/services}; other interfaces are left alone, other implementations ignore the properties
 * (they are named by their strings, so no Jersey class is needed at compile time).
 *
 * <ul>
 *   <li>{@code PATCH} (E13): Jersey's default connector, {@code HttpURLConnection}, knows no PATCH;
 *       Jersey's documented work-around sets the method reflectively, so the JVM must open {@code
 *       java.net}: Payara Micro's launcher does ({@code Add-Opens: java.base/java.net}), a plain
 *       JVM needs {@code --add-opens java.base/java.net=ALL-UNNAMED}.
 *   <li>{@code PUT} without a body (E43): Jersey refuses it unless its HTTP compliance check is
 *       relaxed (it then logs a warning for that call).
 * </ul>
 */
public class ClientDefaults implements RestClientListener {

  static final String SET_METHOD_WORKAROUND =
      "jersey.config.client.httpUrlConnection.setMethodWorkaround";
  static final String SUPPRESS_HTTP_COMPLIANCE_VALIDATION =
      "jersey.config.client.suppressHttpComplianceValidation";

  @Override
  public void onNewClient(Class<?> serviceInterface, RestClientBuilder builder) {
    if (HeadlessPmApi.class.isAssignableFrom(serviceInterface)) {
      builder.property(SET_METHOD_WORKAROUND, true);
      builder.property(SUPPRESS_HTTP_COMPLIANCE_VALIDATION, true);
    }
  }
}
