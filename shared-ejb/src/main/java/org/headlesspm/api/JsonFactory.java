package org.headlesspm.api;

import jakarta.json.spi.JsonProvider;

/**
 * The one JSON-P provider of the application. {@code JSON.createXxx} looks the provider up through
 * the class loader on every call (a jar scan that cost about a tenth of the API's CPU under load,
 * measured with JFR); this looks it up once. Providers are thread-safe.
 */
public final class JsonFactory {

  public static final JsonProvider JSON = JsonProvider.provider();

  private JsonFactory() {}
}
