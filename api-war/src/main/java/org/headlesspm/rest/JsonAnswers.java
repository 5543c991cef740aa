package org.headlesspm.rest;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Optional;

/** Answers that JAX-RS would otherwise get wrong. */
public final class JsonAnswers {

  private JsonAnswers() {}

  /** "No task" is the JSON literal {@code null} with 200, not a 204 (API.md 1.5). */
  public static Response orNull(Optional<?> value) {
    return value
        .<Response>map(v -> Response.ok(v, MediaType.APPLICATION_JSON_TYPE).build())
        .orElseGet(() -> Response.ok("null", MediaType.APPLICATION_JSON_TYPE).build());
  }
}
