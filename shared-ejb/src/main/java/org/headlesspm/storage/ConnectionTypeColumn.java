package org.headlesspm.storage;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import org.headlesspm.api.ConnectionType;
import org.headlesspm.api.WireEnum;

/**
 * Stores {@link ConnectionType} as its lower-case wire value and reads any letter case, legacy
 * values mapped. (Implemented directly, not through a generic base class: EclipseLink reads the
 * column type from the converter's own type arguments.)
 */
@Converter
public class ConnectionTypeColumn implements AttributeConverter<ConnectionType, String> {

  @Override
  public String convertToDatabaseColumn(ConnectionType value) {
    return value == null ? null : value.name();
  }

  @Override
  public ConnectionType convertToEntityAttribute(String stored) {
    return stored == null ? null : WireEnum.parse(ConnectionType.class, stored);
  }
}
