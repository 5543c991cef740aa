package org.headlesspm.storage;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import org.headlesspm.api.TaskType;

/** Stores {@link TaskType} as its wire value; a stored null or {@code waiting} reads as regular. */
@Converter
public class TaskTypeColumn implements AttributeConverter<TaskType, String> {

  @Override
  public String convertToDatabaseColumn(TaskType value) {
    return value == null ? TaskType.regular.name() : value.name();
  }

  @Override
  public TaskType convertToEntityAttribute(String stored) {
    return TaskType.parseStored(stored);
  }
}
