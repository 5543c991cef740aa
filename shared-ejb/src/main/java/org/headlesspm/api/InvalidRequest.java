package org.headlesspm.api;

import java.util.List;

/** Request validation failed: answered 422 with every {@link FieldError} found (API.md 1.6). */
public class InvalidRequest extends RuntimeException {

  private final List<FieldError> errors;

  public InvalidRequest(List<FieldError> errors) {
    super(errors.isEmpty() ? "invalid request" : errors.get(0).msg(), null, false, false);
    this.errors = List.copyOf(errors);
  }

  public InvalidRequest(FieldError error) {
    this(List.of(error));
  }

  public List<FieldError> errors() {
    return errors;
  }
}
