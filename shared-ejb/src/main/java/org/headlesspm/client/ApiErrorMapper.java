package org.headlesspm.client;

import static org.headlesspm.api.JsonFactory.JSON;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParsingException;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.rest.client.ext.ResponseExceptionMapper;
import org.headlesspm.api.ApiError;
import org.headlesspm.api.FieldError;
import org.headlesspm.api.InvalidRequest;

/**
 * Turns every 4xx/5xx answer of the API (API.md 1.6) into the exception the services throw: a 422
 * with a {@code detail} array becomes {@link InvalidRequest} with its {@link FieldError}s, anything
 * else {@link ApiError} with the status and the {@code detail} text (or the raw body when it is not
 * the contract's JSON).
 */
public class ApiErrorMapper implements ResponseExceptionMapper<RuntimeException> {

  @Override
  public boolean handles(int status, MultivaluedMap<String, Object> headers) {
    return status >= 400;
  }

  @Override
  public RuntimeException toThrowable(Response response) {
    int status = response.getStatus();
    String body = body(response);
    JsonValue detail = detail(body);
    if (detail instanceof JsonString text) {
      return new ApiError(status, text.getString());
    }
    if (detail instanceof JsonArray items && status == 422) {
      return new InvalidRequest(fieldErrors(items));
    }
    if (detail != null && detail.getValueType() != JsonValue.ValueType.NULL) {
      return new ApiError(status, detail.toString());
    }
    if (body.isBlank()) {
      String reason = response.getStatusInfo().getReasonPhrase();
      return new ApiError(status, reason == null ? "HTTP " + status : reason);
    }
    return new ApiError(status, body);
  }

  private static String body(Response response) {
    try {
      if (!response.hasEntity()) {
        return "";
      }
      String text = response.readEntity(String.class);
      return text == null ? "" : text;
    } catch (RuntimeException unreadable) {
      return "";
    }
  }

  /** The {@code detail} member, or null when the body is not a JSON object carrying one. */
  private static JsonValue detail(String body) {
    if (body.isBlank()) {
      return null;
    }
    try (var reader = JSON.createReader(new StringReader(body))) {
      JsonValue value = reader.readValue();
      return value instanceof JsonObject object ? object.get("detail") : null;
    } catch (JsonParsingException | IllegalStateException notJson) {
      return null;
    }
  }

  private static List<FieldError> fieldErrors(JsonArray items) {
    List<FieldError> errors = new ArrayList<>();
    for (JsonValue item : items) {
      if (!(item instanceof JsonObject error)) {
        continue;
      }
      List<Object> loc = new ArrayList<>();
      if (error.get("loc") instanceof JsonArray parts) {
        for (JsonValue part : parts) {
          loc.add(plain(part));
        }
      }
      errors.add(new FieldError(loc, text(error, "msg"), text(error, "type")));
    }
    return errors;
  }

  private static Object plain(JsonValue value) {
    if (value instanceof JsonString text) {
      return text.getString();
    }
    if (value instanceof JsonNumber number) {
      return number.isIntegral() ? (Object) number.intValue() : number.doubleValue();
    }
    return value.toString();
  }

  private static String text(JsonObject object, String field) {
    JsonValue value = object.get(field);
    return value instanceof JsonString text ? text.getString() : null;
  }
}
