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

  private Timestamps() {}

  public static String format(Instant instant) {
    return instant == null ? null : text(instant, 'T', "Z");
  }

  /**
   * {@code uuuu-MM-dd<separator>HH:mm:ss.SSSSSS<suffix>} in UTC, written by hand: every task in a
   * list has several timestamps, and {@link DateTimeFormatter} made formatting them about a tenth
   * of a list request's CPU (JFR). Years outside 0000–9999 go through the formatter.
   */
  public static String text(Instant instant, char separator, String suffix) {
    LocalDateTime t = LocalDateTime.ofEpochSecond(instant.getEpochSecond(), 0, ZoneOffset.UTC);
    if (t.getYear() < 0 || t.getYear() > 9999) {
      return DateTimeFormatter.ofPattern("uuuu-MM-dd'" + separator + "'HH:mm:ss.SSSSSS")
              .format(t.withNano(instant.getNano()))
          + suffix;
    }
    char[] out = new char[26 + suffix.length()];
    digits(out, 0, t.getYear(), 4);
    out[4] = '-';
    digits(out, 5, t.getMonthValue(), 2);
    out[7] = '-';
    digits(out, 8, t.getDayOfMonth(), 2);
    out[10] = separator;
    digits(out, 11, t.getHour(), 2);
    out[13] = ':';
    digits(out, 14, t.getMinute(), 2);
    out[16] = ':';
    digits(out, 17, t.getSecond(), 2);
    out[19] = '.';
    digits(out, 20, instant.getNano() / 1000, 6);
    suffix.getChars(0, suffix.length(), out, 26);
    return new String(out);
  }

  private static void digits(char[] out, int at, int value, int width) {
    for (int i = at + width - 1; i >= at; i--) {
      out[i] = (char) ('0' + value % 10);
      value /= 10;
    }
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
