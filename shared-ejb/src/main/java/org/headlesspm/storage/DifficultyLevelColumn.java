package org.headlesspm.storage;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import org.headlesspm.api.DifficultyLevel;
import org.headlesspm.api.WireEnum;

/**
 * Stores {@link DifficultyLevel} as its lower-case wire value and reads any letter case, legacy
 * values mapped. (Implemented directly, not through a generic base class: EclipseLink reads the
 * column type from the converter's own type arguments.)
 */
@Converter
public class DifficultyLevelColumn implements AttributeConverter<DifficultyLevel, String> {

  @Override
  public String convertToDatabaseColumn(DifficultyLevel value) {
    return value == null ? null : value.name();
  }

  @Override
  public DifficultyLevel convertToEntityAttribute(String stored) {
    return stored == null ? null : WireEnum.parse(DifficultyLevel.class, stored);
  }
}
