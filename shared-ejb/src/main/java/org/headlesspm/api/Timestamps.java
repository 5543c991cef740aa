package org.headlesspm.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/**
 * The one representation of time on the wire (API.md 1.7): UTC, ISO-8601, trailing {@code Z},
 * microsecond precision.
 */
public final class Timestamps {

  private static final DateTimeFormatter WIRE =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

  private Timestamps() {}

  public static String format(Instant instant) {
    return instant == null ? null : WIRE.format(instant);
  }

  /** Microseconds are the finest unit stored, so every instant is cut to them. */
  public static Instant truncate(Instant instant) {
    return instant.truncatedTo(ChronoUnit.MICROS);
  }

  /**
   * Reads an ISO date-time with or without offset (zone-less means UTC), or an ISO date (midnight
   * UTC).
   *
   * @throws IllegalArgumentException when the text is none of these
   */
  public static Instant parseDateTime(String text) {
    String value = text == null ? "" : text.trim();
    try {
      return truncate(OffsetDateTime.parse(value).toInstant());
    } catch (DateTimeParseException offsetMissing) {
      // fall through to the zone-less and date forms
    }
    try {
      return truncate(LocalDateTime.parse(value.replace(' ', 'T')).toInstant(ZoneOffset.UTC));
    } catch (DateTimeParseException notLocal) {
      // fall through
    }
    try {
      return LocalDate.parse(value).atStartOfDay().toInstant(ZoneOffset.UTC);
    } catch (DateTimeParseException notDate) {
      throw new IllegalArgumentException(
          "Input should be a valid datetime, e.g. 2025-06-20T10:15:30Z");
    }
  }

  /** Like {@link #parseDateTime} but also accepts seconds since the epoch, with a fraction. */
  public static Instant parseSince(String text) {
    String value = text == null ? "" : text.trim();
    if (value.matches("[0-9]+(\\.[0-9]+)?")) {
      BigDecimal seconds = new BigDecimal(value);
      long whole = seconds.longValue();
      long nanos = seconds.subtract(BigDecimal.valueOf(whole)).movePointRight(9).longValue();
      return truncate(Instant.ofEpochSecond(whole, nanos));
    }
    return parseDateTime(value);
  }
}
