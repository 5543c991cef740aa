package org.headlesspm.client;

import jakarta.json.bind.Jsonb;
import jakarta.ws.rs.ext.ContextResolver;
import org.headlesspm.api.ApiJson;

/**
 * Makes the typed client read and write JSON exactly as the API does ({@link ApiJson#config()}:
 * snake_case, nulls kept, the contract's timestamps). Registered on {@link HeadlessPmApi}; it
 * carries no {@code @Provider} on purpose, so the server, which also sees this package in the full
 * EJB jar, never picks it up.
 */
public class ApiJsonProvider implements ContextResolver<Jsonb> {

  static final Jsonb JSONB = ApiJson.create();

  @Override
  public Jsonb getContext(Class<?> type) {
    return JSONB;
  }
}
