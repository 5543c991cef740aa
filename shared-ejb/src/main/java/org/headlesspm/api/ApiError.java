package org.headlesspm.api;

/**
 * A refusal with the contract's status code and {@code {"detail": "..."}} body (API.md 1.6).
 * Services throw it; the API maps it; the typed client raises it from error responses.
 */
public class ApiError extends RuntimeException {

  private final int status;

  public ApiError(int status, String detail) {
    super(detail, null, false, false);
    this.status = status;
  }

  public int status() {
    return status;
  }

  public String detail() {
    return getMessage();
  }

  public static ApiError badRequest(String detail) {
    return new ApiError(400, detail);
  }

  public static ApiError forbidden(String detail) {
    return new ApiError(403, detail);
  }

  public static ApiError notFound(String detail) {
    return new ApiError(404, detail);
  }

  public static ApiError conflict(String detail) {
    return new ApiError(409, detail);
  }
}
