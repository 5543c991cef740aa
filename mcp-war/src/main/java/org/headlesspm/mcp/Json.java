package org.headlesspm.mcp;

import static org.headlesspm.api.JsonFactory.JSON;

import jakarta.json.bind.Jsonb;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.headlesspm.api.ApiJson;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * JSON helpers: the MCP SDK speaks Jackson maps, the REST client speaks the contract's records
 * (JSON-B). A record is converted by writing it with the contract's JSON-B configuration and
 * reading the text back as plain maps, so tool results carry exactly the API's field names.
 */
public final class Json {

  public static final JsonMapper MAPPER = JsonMapper.builder().build();
  private static final JsonMapper PRETTY =
      JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

  /** Created on first use only: clients of {@link #readMap} need no JSON-B provider. */
  private static final class Contract {
    static final Jsonb JSONB = ApiJson.create();
  }

  private Json() {}

  /** A REST record (or list of them) as plain JSON values: maps, lists, strings, numbers. */
  public static Object plain(Object record) {
    if (record == null) {
      return null;
    }
    return MAPPER.readValue(Contract.JSONB.toJson(record), Object.class);
  }

  /** A REST record as a map. */
  @SuppressWarnings("unchecked")
  public static Map<String, Object> map(Object record) {
    Object plain = plain(record);
    return plain instanceof Map<?, ?> m ? (Map<String, Object>) m : new LinkedHashMap<>();
  }

  /** A list of REST records as a list of maps. */
  @SuppressWarnings("unchecked")
  public static List<Object> list(List<?> records) {
    return records == null ? List.of() : (List<Object>) plain(records);
  }

  public static String write(Object value) {
    return MAPPER.writeValueAsString(value);
  }

  public static String write(Object value, boolean pretty) {
    return (pretty ? PRETTY : MAPPER).writeValueAsString(value);
  }

  public static Map<String, Object> readMap(String text) {
    return MAPPER.readValue(text, new TypeReference<Map<String, Object>>() {});
  }

  /** A JSON-P object made from a plain map (for the {@code meta_data} fields of the contract). */
  public static jakarta.json.JsonObject jsonp(Object map) {
    if (map == null) {
      return null;
    }
    try (var reader = JSON.createReader(new java.io.StringReader(write(map)))) {
      return reader.readObject();
    }
  }
}
