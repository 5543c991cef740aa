package org.headlesspm.api;

import java.util.List;

/**
 * One item of a 422 answer: where ({@code ["body", "title"]}), what went wrong and its kind, as
 * FastAPI reports it. {@code loc} starts with {@code body}, {@code query} or {@code path}.
 */
public record FieldError(List<Object> loc, String msg, String type) {

  public static FieldError missing(String where, String field) {
    return new FieldError(List.of(where, field), "Field required", "missing");
  }

  public static FieldError invalid(String where, String field, String msg, String type) {
    return new FieldError(List.of(where, field), msg, type);
  }
}
