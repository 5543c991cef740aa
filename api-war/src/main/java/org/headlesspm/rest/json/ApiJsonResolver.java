package org.headlesspm.rest.json;

import jakarta.json.bind.Jsonb;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;
import org.headlesspm.api.ApiJson;

/** Every JSON answer uses the contract's one configuration (snake_case, nulls kept). */
@Provider
public class ApiJsonResolver implements ContextResolver<Jsonb> {

  private static final Jsonb JSONB = ApiJson.create();

  @Override
  public Jsonb getContext(Class<?> type) {
    return JSONB;
  }
}
