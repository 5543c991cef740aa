package org.headlesspm.client;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyReader;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Reads a JSON answer that may be the literal {@code null} (API.md 1.5: "no task" is {@code 200
 * null}, not 204) into an {@link Optional}: {@code null} or an empty body give {@link
 * Optional#empty()}, anything else the value read with the contract's JSON configuration. Lets
 * {@link HeadlessPmApi#nextTask} return {@code Optional<TaskResponse>}.
 */
@Consumes(MediaType.APPLICATION_JSON)
public class OptionalJsonReader implements MessageBodyReader<Optional<?>> {

  @Override
  public boolean isReadable(
      Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
    return type == Optional.class
        && genericType instanceof ParameterizedType
        && (mediaType == null
            || mediaType.isWildcardType()
            || mediaType.isCompatible(MediaType.APPLICATION_JSON_TYPE)
            || mediaType.getSubtype().endsWith("+json"));
  }

  @Override
  public Optional<?> readFrom(
      Class<Optional<?>> type,
      Type genericType,
      Annotation[] annotations,
      MediaType mediaType,
      MultivaluedMap<String, String> httpHeaders,
      InputStream entityStream)
      throws java.io.IOException {
    String text = new String(entityStream.readAllBytes(), StandardCharsets.UTF_8).strip();
    if (text.isEmpty() || "null".equals(text)) {
      return Optional.empty();
    }
    Type valueType = ((ParameterizedType) genericType).getActualTypeArguments()[0];
    return Optional.ofNullable(ApiJsonProvider.JSONB.fromJson(text, valueType));
  }
}
