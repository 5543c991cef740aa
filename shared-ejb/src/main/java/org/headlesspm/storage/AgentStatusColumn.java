package org.headlesspm.storage;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import org.headlesspm.api.AgentStatus;
import org.headlesspm.api.WireEnum;

/**
 * Stores {@link AgentStatus} as its lower-case wire value and reads any letter case, legacy values
 * mapped. (Implemented directly, not through a generic base class: EclipseLink reads the column
 * type from the converter's own type arguments.)
 */
@Converter
public class AgentStatusColumn implements AttributeConverter<AgentStatus, String> {

  @Override
  public String convertToDatabaseColumn(AgentStatus value) {
    return value == null ? null : value.name();
  }

  @Override
  public AgentStatus convertToEntityAttribute(String stored) {
    return stored == null ? null : WireEnum.parse(AgentStatus.class, stored);
  }
}
