package org.headlesspm.rest.errors;

import static org.headlesspm.api.JsonFactory.JSON;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.List;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.glassfish.jersey.server.ParamException;
import org.headlesspm.api.ApiError;
import org.headlesspm.api.FieldError;
import org.headlesspm.api.InvalidRequest;

/**
 * The one place where failures become the contract's JSON errors (API.md 1.6): {@code {"detail":
 * "..."}}, or a list of field errors for 422. Nothing unexpected leaks: a 500 carries a reference
 * to the log line, never a stack trace.
 */
@Provider
public class ErrorMapper implements ExceptionMapper<Throwable> {

  private static final Logger LOG = Logger.getLogger(ErrorMapper.class.getName());

  @Override
  public Response toResponse(Throwable failure) {
    Throwable cause = unwrap(failure);
    if (cause instanceof ApiError error) {
      if (error.status() >= 500) {
        LOG.warning(error.detail());
      }
      return detail(error.status(), error.detail());
    }
    if (cause instanceof InvalidRequest invalid) {
      return invalid(invalid.errors());
    }
    if (cause instanceof ParamException param) {
      return invalid(List.of(fieldErrorOf(param)));
    }
    if (cause instanceof NotFoundException) {
      return detail(404, "Not Found");
    }
    if (cause instanceof NotAllowedException notAllowed) {
      Response answer = detail(405, "Method Not Allowed");
      return Response.fromResponse(answer)
          .allow(notAllowed.getResponse().getAllowedMethods())
          .build();
    }
    if (cause instanceof WebApplicationException web) {
      Response.StatusType status = web.getResponse().getStatusInfo();
      if (status.getStatusCode() < 500) {
        return detail(status.getStatusCode(), status.getReasonPhrase());
      }
    }
    String reference = UUID.randomUUID().toString();
    LOG.log(Level.SEVERE, "Unexpected failure, reference " + reference, failure);
    return detail(500, "Internal server error (reference " + reference + ")");
  }

  /** Container layers wrap what services throw; the contract error is the innermost one. */
  private static Throwable unwrap(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof ApiError || t instanceof InvalidRequest) {
        return t;
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return failure;
  }

  private static FieldError fieldErrorOf(ParamException param) {
    String where = param instanceof ParamException.PathParamException ? "path" : "query";
    // Jersey wraps the converter's exception (ExtractorException), whose message is then the
    // wrapped exception's toString(): read the innermost cause so no class name reaches the client.
    Throwable cause = param.getCause();
    while (cause != null && cause.getCause() != null && cause.getCause() != cause) {
      cause = cause.getCause();
    }
    String message =
        cause != null && cause.getMessage() != null && !cause.getMessage().isBlank()
            ? cause.getMessage()
            : "Input is not valid";
    if (cause instanceof NumberFormatException) {
      message = "Input should be a valid integer, unable to parse string as an integer";
    } else if (message.contains("Exception") || message.contains("java.")) {
      message = "Input is not valid";
    }
    return FieldError.invalid(where, param.getParameterName(), message, "value_error");
  }

  static Response detail(int status, String detail) {
    JsonObject body = JSON.createObjectBuilder().add("detail", detail).build();
    return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(body).build();
  }

  static Response invalid(List<FieldError> errors) {
    JsonArrayBuilder items = JSON.createArrayBuilder();
    for (FieldError error : errors) {
      JsonArrayBuilder loc = JSON.createArrayBuilder();
      for (Object part : error.loc()) {
        if (part instanceof Number n) {
          loc.add(n.longValue());
        } else {
          loc.add(String.valueOf(part));
        }
      }
      JsonObjectBuilder item =
          JSON.createObjectBuilder()
              .add("loc", loc)
              .add("msg", error.msg())
              .add("type", error.type());
      items.add(item);
    }
    JsonObject body = JSON.createObjectBuilder().add("detail", items).build();
    return Response.status(422).type(MediaType.APPLICATION_JSON_TYPE).entity(body).build();
  }
}
