package org.headlesspm.storage;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import org.headlesspm.api.DocumentType;
import org.headlesspm.api.WireEnum;

/**
 * Stores {@link DocumentType} as its lower-case wire value and reads any letter case, legacy values
 * mapped. (Implemented directly, not through a generic base class: EclipseLink reads the column
 * type from the converter's own type arguments.)
 */
@Converter
public class DocumentTypeColumn implements AttributeConverter<DocumentType, String> {

  @Override
  public String convertToDatabaseColumn(DocumentType value) {
    return value == null ? null : value.name();
  }

  @Override
  public DocumentType convertToEntityAttribute(String stored) {
    return stored == null ? null : WireEnum.parse(DocumentType.class, stored);
  }
}
