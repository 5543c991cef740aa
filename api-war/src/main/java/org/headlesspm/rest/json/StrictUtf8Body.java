package org.headlesspm.rest.json;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.headlesspm.api.FieldError;
import org.headlesspm.api.InvalidRequest;

/**
 * Request bodies are UTF-8 JSON (API.md 1.5). Bytes that are not UTF-8 make the JSON text malformed
 * (422); without this check the body reader would silently turn them into U+FFFD and store that.
 * Runs after the key check, so a bad key still answers 401 first. A body that declares another
 * charset is left to the body reader.
 */
@Provider
@Priority(Priorities.ENTITY_CODER)
public class StrictUtf8Body implements ContainerRequestFilter {

  @Override
  public void filter(ContainerRequestContext request) throws IOException {
    if (!request.hasEntity()) {
      return;
    }
    MediaType type = request.getMediaType();
    String charset = type == null ? null : type.getParameters().get(MediaType.CHARSET_PARAMETER);
    if (charset != null
        && !charset.equalsIgnoreCase("utf-8")
        && !charset.equalsIgnoreCase("utf8")) {
      return;
    }
    byte[] bytes = request.getEntityStream().readAllBytes();
    request.setEntityStream(new ByteArrayInputStream(bytes));
    try {
      StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes));
    } catch (CharacterCodingException notUtf8) {
      throw new InvalidRequest(
          new FieldError(List.of("body", 0), "JSON decode error: invalid UTF-8", "json_invalid"));
    }
  }
}
