package org.headlesspm.storage;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import org.headlesspm.api.ServiceStatus;
import org.headlesspm.api.WireEnum;

/**
 * Stores {@link ServiceStatus} as its lower-case wire value and reads any letter case, legacy
 * values mapped. (Implemented directly, not through a generic base class: EclipseLink reads the
 * column type from the converter's own type arguments.)
 */
@Converter
public class ServiceStatusColumn implements AttributeConverter<ServiceStatus, String> {

  @Override
  public String convertToDatabaseColumn(ServiceStatus value) {
    return value == null ? null : value.name();
  }

  @Override
  public ServiceStatus convertToEntityAttribute(String stored) {
    return stored == null ? null : WireEnum.parse(ServiceStatus.class, stored);
  }
}
