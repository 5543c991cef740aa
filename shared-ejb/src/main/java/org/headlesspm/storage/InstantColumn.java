package org.headlesspm.storage;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import org.headlesspm.api.Timestamps;

/**
 * Timestamps are stored as UTC text in the reference's format ({@code 2025-06-20 10:15:30.123456})
 * so that text order is time order and databases written by the Python server read back.
 */
@Converter(autoApply = true)
public class InstantColumn implements AttributeConverter<Instant, String> {

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
    return instant == null ? null : Timestamps.text(instant, ' ', "");
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
    Instant stored = parseStored(text);
    if (stored != null) {
      return stored;
    }
    var parsed = READ.parse(text.trim());
    LocalDateTime local = LocalDateTime.from(parsed);
    if (parsed.isSupported(ChronoField.OFFSET_SECONDS)) {
      return local.toInstant(ZoneOffset.ofTotalSeconds(parsed.get(ChronoField.OFFSET_SECONDS)));
    }
    return local.toInstant(ZoneOffset.UTC);
  }

  /**
   * The layout this server writes ({@code 2025-06-20 10:15:30.123456}), read by hand: the general
   * formatter made reading timestamps about a tenth of a list request's CPU (JFR). Anything else
   * gives {@code null} and goes through the formatter.
   */
  static Instant parseStored(String text) {
    if (text.length() != 26
        || text.charAt(4) != '-'
        || text.charAt(7) != '-'
        || text.charAt(10) != ' '
        || text.charAt(13) != ':'
        || text.charAt(16) != ':'
        || text.charAt(19) != '.') {
      return null;
    }
    int year = number(text, 0, 4);
    int month = number(text, 5, 2);
    int day = number(text, 8, 2);
    int hour = number(text, 11, 2);
    int minute = number(text, 14, 2);
    int second = number(text, 17, 2);
    int micros = number(text, 20, 6);
    if ((year | month | day | hour | minute | second | micros) < 0) {
      return null;
    }
    try {
      return LocalDateTime.of(year, month, day, hour, minute, second, micros * 1000)
          .toInstant(ZoneOffset.UTC);
    } catch (java.time.DateTimeException e) {
      return null; // out of range: the formatter gives the proper error
    }
  }

  /** The decimal number in {@code text[from, from + length)}, or -1 when not all digits. */
  private static int number(String text, int from, int length) {
    int value = 0;
    for (int i = from; i < from + length; i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      value = value * 10 + (c - '0');
    }
    return value;
  }
}
