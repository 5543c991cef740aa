package org.headlesspm.storage;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import org.headlesspm.api.TaskStatus;
import org.headlesspm.api.WireEnum;

/**
 * Stores {@link TaskStatus} as its lower-case wire value and reads any letter case, legacy values
 * mapped. (Implemented directly, not through a generic base class: EclipseLink reads the column
 * type from the converter's own type arguments.)
 */
@Converter
public class TaskStatusColumn implements AttributeConverter<TaskStatus, String> {

  @Override
  public String convertToDatabaseColumn(TaskStatus value) {
    return value == null ? null : value.name();
  }

  @Override
  public TaskStatus convertToEntityAttribute(String stored) {
    return stored == null ? null : WireEnum.parse(TaskStatus.class, stored);
  }
}
