package org.headlesspm.rest.json;

import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.Locale;
import java.util.Set;
import org.headlesspm.api.AgentRole;
import org.headlesspm.api.WireEnum;

/**
 * Query and path parameters of the contract's enum types match case-insensitively with legacy
 * values mapped; booleans accept true/false/1/0/yes/no/on/off (API.md 1.5, 1.8); path ids must be
 * integers. A value that does not convert becomes a 422 through the error mapper.
 */
@Provider
public class WireParamConverters implements ParamConverterProvider {

  private static final Set<String> TRUE = Set.of("true", "1", "yes", "on");
  private static final Set<String> FALSE = Set.of("false", "0", "no", "off");

  @Override
  @SuppressWarnings({"unchecked", "rawtypes"})
  public <T> ParamConverter<T> getConverter(Class<T> raw, Type generic, Annotation[] annotations) {
    if (raw == Boolean.class) {
      return (ParamConverter<T>) new BooleanConverter();
    }
    if (raw == long.class) {
      return (ParamConverter<T>) new StrictLongConverter();
    }
    if (raw.isEnum() && raw.getPackage() == AgentRole.class.getPackage()) {
      return new EnumConverter(raw);
    }
    return null;
  }

  private static final class BooleanConverter implements ParamConverter<Boolean> {
    @Override
    public Boolean fromString(String value) {
      if (value == null) {
        return null;
      }
      String v = value.trim().toLowerCase(Locale.ROOT);
      if (TRUE.contains(v)) {
        return true;
      }
      if (FALSE.contains(v)) {
        return false;
      }
      throw new IllegalArgumentException("Input should be a valid boolean");
    }

    @Override
    public String toString(Boolean value) {
      return String.valueOf(value);
    }
  }

  /**
   * Path ids ({@code long}): Jersey's own extractor turns a blank segment such as {@code %20} into
   * 0 (then a 404); a non-integer id is a 422 (API.md 3).
   */
  private static final class StrictLongConverter implements ParamConverter<Long> {
    @Override
    public Long fromString(String value) {
      return value == null ? null : Long.valueOf(value);
    }

    @Override
    public String toString(Long value) {
      return String.valueOf(value);
    }
  }

  private static final class EnumConverter<E extends Enum<E>> implements ParamConverter<E> {
    private final Class<E> type;

    EnumConverter(Class<E> type) {
      this.type = type;
    }

    @Override
    public E fromString(String value) {
      return value == null ? null : WireEnum.parse(type, value);
    }

    @Override
    public String toString(E value) {
      return value.name();
    }
  }
}
