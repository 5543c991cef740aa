package org.headlesspm.storage;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import org.headlesspm.api.TaskComplexity;
import org.headlesspm.api.WireEnum;

/**
 * Stores {@link TaskComplexity} as its lower-case wire value and reads any letter case, legacy
 * values mapped. (Implemented directly, not through a generic base class: EclipseLink reads the
 * column type from the converter's own type arguments.)
 */
@Converter
public class TaskComplexityColumn implements AttributeConverter<TaskComplexity, String> {

  @Override
  public String convertToDatabaseColumn(TaskComplexity value) {
    return value == null ? null : value.name();
  }

  @Override
  public TaskComplexity convertToEntityAttribute(String stored) {
    return stored == null ? null : WireEnum.parse(TaskComplexity.class, stored);
  }
}
