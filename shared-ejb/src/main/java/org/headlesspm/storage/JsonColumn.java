package org.headlesspm.storage;

import static org.headlesspm.api.JsonFactory.JSON;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.io.StringReader;

/** {@code meta_data} columns hold a JSON object as text. */
@Converter(autoApply = true)
public class JsonColumn implements AttributeConverter<JsonObject, String> {

  @Override
  public String convertToDatabaseColumn(JsonObject value) {
    return value == null ? null : value.toString();
  }

  @Override
  public JsonObject convertToEntityAttribute(String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    try (var reader = JSON.createReader(new StringReader(text))) {
      JsonValue value = reader.readValue();
      return value.getValueType() == JsonValue.ValueType.OBJECT ? value.asJsonObject() : null;
    }
  }
}
