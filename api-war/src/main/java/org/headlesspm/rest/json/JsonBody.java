package org.headlesspm.rest.json;

import static org.headlesspm.api.JsonFactory.JSON;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParsingException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Function;
import org.headlesspm.api.FieldError;
import org.headlesspm.api.InvalidRequest;
import org.headlesspm.api.Timestamps;
import org.headlesspm.api.WireEnum;

/**
 * Reads a request body field by field, collecting every problem so that one 422 answer lists them
 * all (API.md 1.5, 1.6). Unknown fields are ignored; integers may come as numeric strings; enums
 * match case-insensitively with legacy values mapped. Call {@link #check()} before using the
 * values.
 */
public final class JsonBody {

  /** Handles, names and titles longer than this are refused (API.md 1.9 allows 255). */
  public static final int MAX_NAME = 255;

  private final JsonObject json;
  private final List<FieldError> errors = new ArrayList<>();

  private JsonBody(JsonObject json) {
    this.json = json;
  }

  /** Parses the body; a missing, malformed or non-object body is a 422 at once. */
  public static JsonBody parse(String text) {
    if (text == null || text.isBlank()) {
      throw new InvalidRequest(new FieldError(List.of("body"), "Field required", "missing"));
    }
    JsonValue value;
    try (JsonParser parser = JSON.createParser(new StringReader(text))) {
      parser.next();
      value = parser.getValue();
      // One JSON text only: "{...}}" or "{...} garbage" is malformed, not an object.
      if (parser.hasNext()) {
        long offset = parser.getLocation().getStreamOffset();
        throw new InvalidRequest(
            new FieldError(List.of("body", offset), "JSON decode error", "json_invalid"));
      }
    } catch (JsonParsingException e) {
      long offset = e.getLocation() == null ? 0 : e.getLocation().getStreamOffset();
      throw new InvalidRequest(
          new FieldError(List.of("body", offset), "JSON decode error", "json_invalid"));
    } catch (InvalidRequest e) {
      throw e;
    } catch (RuntimeException | StackOverflowError e) {
      throw new InvalidRequest(
          new FieldError(List.of("body", 0), "JSON decode error", "json_invalid"));
    }
    if (value.getValueType() != JsonValue.ValueType.OBJECT) {
      throw new InvalidRequest(
          new FieldError(
              List.of("body"),
              "Input should be a valid dictionary or object to extract fields from",
              "model_attributes_type"));
    }
    JsonObject object = value.asJsonObject();
    List<FieldError> unpaired = new ArrayList<>();
    object.forEach(
        (field, fieldValue) -> {
          if (hasUnpairedSurrogate(field) || hasUnpairedSurrogate(fieldValue)) {
            unpaired.add(
                FieldError.invalid(
                    "body",
                    field,
                    "Input should be a valid string: unpaired Unicode surrogate",
                    "string_unicode"));
          }
        });
    if (!unpaired.isEmpty()) {
      throw new InvalidRequest(unpaired);
    }
    return new JsonBody(object);
  }

  /**
   * Whether a string anywhere in the value (keys included) holds half of a surrogate pair. JSON
   * lets {@code "\\ud800"} through, but such a string cannot be stored or answered in UTF-8: it
   * would silently become {@code "?"}, so it is refused instead.
   */
  private static boolean hasUnpairedSurrogate(JsonValue root) {
    Deque<JsonValue> pending = new ArrayDeque<>();
    pending.push(root);
    while (!pending.isEmpty()) {
      JsonValue value = pending.pop();
      switch (value.getValueType()) {
        case STRING -> {
          if (hasUnpairedSurrogate(((JsonString) value).getString())) {
            return true;
          }
        }
        case OBJECT -> {
          for (var entry : value.asJsonObject().entrySet()) {
            if (hasUnpairedSurrogate(entry.getKey())) {
              return true;
            }
            pending.push(entry.getValue());
          }
        }
        case ARRAY -> value.asJsonArray().forEach(pending::push);
        default -> {}
      }
    }
    return false;
  }

  private static boolean hasUnpairedSurrogate(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isHighSurrogate(c)) {
        if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
          i++;
          continue;
        }
        return true;
      }
      if (Character.isLowSurrogate(c)) {
        return true;
      }
    }
    return false;
  }

  /** An empty body where every field is optional. */
  public static JsonBody parseOptional(String text) {
    return text == null || text.isBlank() ? new JsonBody(JsonValue.EMPTY_JSON_OBJECT) : parse(text);
  }

  public String requiredText(String field) {
    return text(field, true, Integer.MAX_VALUE);
  }

  public String requiredName(String field) {
    return text(field, true, MAX_NAME);
  }

  /** A required handle such as {@code agent_id}: a name that must not be empty (API.md 7 #31). */
  public String requiredHandle(String field) {
    String text = requiredName(field);
    if (text != null && text.isEmpty()) {
      return invalid(field, "String should have at least 1 character", "string_too_short");
    }
    return text;
  }

  public String optionalText(String field) {
    return text(field, false, Integer.MAX_VALUE);
  }

  /** A string no longer than {@code maxLength}; null when absent and not required. */
  public String text(String field, boolean required, int maxLength) {
    JsonValue value = present(field, required);
    if (value == null) {
      return null;
    }
    if (value.getValueType() != JsonValue.ValueType.STRING) {
      return invalid(field, "Input should be a valid string", "string_type");
    }
    String text = ((JsonString) value).getString();
    if (text.length() > maxLength) {
      return invalid(
          field, "String should have at most " + maxLength + " characters", "string_too_long");
    }
    return text;
  }

  public Long requiredInteger(String field) {
    return integer(field, true);
  }

  public Integer optionalInt(String field) {
    Long value = integer(field, false);
    if (value != null && (value > Integer.MAX_VALUE || value < Integer.MIN_VALUE)) {
      return invalid(field, "Input should be a valid integer", "int_type");
    }
    return value == null ? null : value.intValue();
  }

  private Long integer(String field, boolean required) {
    JsonValue value = present(field, required);
    if (value == null) {
      return null;
    }
    try {
      BigDecimal number =
          switch (value.getValueType()) {
            case NUMBER -> ((JsonNumber) value).bigDecimalValue();
            case STRING -> new BigDecimal(((JsonString) value).getString().trim());
            default -> null;
          };
      if (number == null) {
        return invalid(field, "Input should be a valid integer", "int_type");
      }
      return number.longValueExact();
    } catch (NumberFormatException | ArithmeticException e) {
      return invalid(
          field,
          "Input should be a valid integer, unable to parse string as an integer",
          "int_parsing");
    }
  }

  /** An enum value of the wire contract, matched case-insensitively with legacy values mapped. */
  public <E extends Enum<E>> E enumValue(String field, Class<E> type, boolean required) {
    JsonValue value = present(field, required);
    if (value == null) {
      return null;
    }
    if (value.getValueType() != JsonValue.ValueType.STRING) {
      return invalid(field, "Input should be " + WireEnum.allowed(type), "enum");
    }
    try {
      return WireEnum.parse(type, ((JsonString) value).getString());
    } catch (IllegalArgumentException e) {
      return invalid(field, e.getMessage(), "enum");
    }
  }

  /** A JSON object, or null; arrays and scalars are refused. */
  public JsonObject object(String field) {
    JsonValue value = present(field, false);
    if (value == null) {
      return null;
    }
    if (value.getValueType() != JsonValue.ValueType.OBJECT) {
      return invalid(field, "Input should be a valid dictionary", "dict_type");
    }
    return value.asJsonObject();
  }

  /** An ISO date-time (zone-less means UTC) or date, or null. */
  public Instant timestamp(String field) {
    JsonValue value = present(field, false);
    if (value == null) {
      return null;
    }
    if (value.getValueType() != JsonValue.ValueType.STRING) {
      return invalid(field, "Input should be a valid datetime", "datetime_type");
    }
    try {
      return Timestamps.parseDateTime(((JsonString) value).getString());
    } catch (IllegalArgumentException e) {
      return invalid(field, e.getMessage(), "datetime_from_date_parsing");
    }
  }

  /** A string read by {@code parser}; its {@link IllegalArgumentException} becomes a 422. */
  public <T> T parsedText(String field, boolean required, Function<String, T> parser, String type) {
    String text = text(field, required, Integer.MAX_VALUE);
    if (text == null) {
      return null;
    }
    try {
      return parser.apply(text);
    } catch (IllegalArgumentException e) {
      return invalid(field, e.getMessage(), type);
    }
  }

  /** A string, or a JSON number given as its exact decimal text ({@code 45}, {@code 1.5}). */
  public String textOrNumber(String field, boolean required) {
    JsonValue value = present(field, required);
    if (value == null) {
      return null;
    }
    return switch (value.getValueType()) {
      case STRING -> ((JsonString) value).getString();
      case NUMBER -> ((JsonNumber) value).bigDecimalValue().toPlainString();
      default -> invalid(field, "Input should be a valid string or number", "string_type");
    };
  }

  /** Throws the 422 listing every problem found so far. */
  public void check() {
    if (!errors.isEmpty()) {
      throw new InvalidRequest(errors);
    }
  }

  /** The value, or null when absent or JSON null (a 422 when required). */
  private JsonValue present(String field, boolean required) {
    JsonValue value = json.get(field);
    if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
      if (required) {
        errors.add(FieldError.missing("body", field));
      }
      return null;
    }
    return value;
  }

  private <T> T invalid(String field, String message, String type) {
    errors.add(FieldError.invalid("body", field, message, type));
    return null;
  }
}
