package org.headlesspm.client;

import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.time.Instant;
import org.headlesspm.api.Timestamps;

/**
 * Writes {@link Instant} query parameters ({@code since} of E48) as the contract's timestamps
 * (API.md 1.7); JAX-RS has no converter of its own for them.
 */
public class InstantParamConverter implements ParamConverterProvider {

  private static final ParamConverter<Instant> INSTANT =
      new ParamConverter<>() {
        @Override
        public Instant fromString(String value) {
          return value == null ? null : Timestamps.parseDateTime(value);
        }

        @Override
        public String toString(Instant value) {
          return Timestamps.format(value);
        }
      };

  @Override
  @SuppressWarnings("unchecked")
  public <T> ParamConverter<T> getConverter(
      Class<T> rawType, Type genericType, Annotation[] annotations) {
    return rawType == Instant.class ? (ParamConverter<T>) INSTANT : null;
  }
}
