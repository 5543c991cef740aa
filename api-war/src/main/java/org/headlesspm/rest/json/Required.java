package org.headlesspm.rest.json;

import org.headlesspm.api.FieldError;
import org.headlesspm.api.InvalidRequest;

/** Required query parameters: a missing one is a 422 naming it. */
public final class Required {

  private Required() {}

  public static <T> T query(String name, T value) {
    if (value == null || (value instanceof String text && text.isEmpty())) {
      throw new InvalidRequest(FieldError.missing("query", name));
    }
    if (value instanceof String text && text.length() > JsonBody.MAX_NAME) {
      throw new InvalidRequest(
          FieldError.invalid(
              "query",
              name,
              "String should have at most " + JsonBody.MAX_NAME + " characters",
              "string_too_long"));
    }
    return value;
  }

  /** A positive limit, or the default when absent. */
  public static int limit(Integer limit, int fallback) {
    if (limit == null) {
      return fallback;
    }
    if (limit <= 0) {
      throw new InvalidRequest(
          FieldError.invalid("query", "limit", "Input should be greater than 0", "greater_than"));
    }
    return limit;
  }
}
