package org.headlesspm.storage;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import org.headlesspm.api.AgentRole;
import org.headlesspm.api.WireEnum;

/**
 * Stores {@link AgentRole} as its lower-case wire value and reads any letter case, legacy values
 * mapped. (Implemented directly, not through a generic base class: EclipseLink reads the column
 * type from the converter's own type arguments.)
 */
@Converter
public class AgentRoleColumn implements AttributeConverter<AgentRole, String> {

  @Override
  public String convertToDatabaseColumn(AgentRole value) {
    return value == null ? null : value.name();
  }

  @Override
  public AgentRole convertToEntityAttribute(String stored) {
    return stored == null ? null : WireEnum.parse(AgentRole.class, stored);
  }
}
