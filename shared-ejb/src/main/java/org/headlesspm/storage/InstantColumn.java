package org.headlesspm.storage;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;

/**
 * Timestamps are stored as UTC text in the reference's format ({@code 2025-06-20 10:15:30.123456})
 * so that text order is time order and databases written by the Python server read back.
 */
@Converter(autoApply = true)
public class InstantColumn implements AttributeConverter<Instant, String> {

  private static final DateTimeFormatter WRITE =
      DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss.SSSSSS").withZone(ZoneOffset.UTC);

  /** Accepts 0 to 9 fraction digits, a space or a {@code T}, and an optional zone. */
  private static final DateTimeFormatter READ =
      new DateTimeFormatterBuilder()
          .appendPattern("uuuu-MM-dd")
          .optionalStart()
          .appendLiteral(' ')
          .optionalEnd()
          .optionalStart()
          .appendLiteral('T')
          .optionalEnd()
          .appendPattern("HH:mm:ss")
          .optionalStart()
          .appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true)
          .optionalEnd()
          .optionalStart()
          .appendOffsetId()
          .optionalEnd()
          .toFormatter();

  public static String write(Instant instant) {
    return instant == null ? null : WRITE.format(instant);
  }

  @Override
  public String convertToDatabaseColumn(Instant instant) {
    return write(instant);
  }

  @Override
  public Instant convertToEntityAttribute(String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    var parsed = READ.parse(text.trim());
    LocalDateTime local = LocalDateTime.from(parsed);
    if (parsed.isSupported(ChronoField.OFFSET_SECONDS)) {
      return local.toInstant(ZoneOffset.ofTotalSeconds(parsed.get(ChronoField.OFFSET_SECONDS)));
    }
    return local.toInstant(ZoneOffset.UTC);
  }
}
