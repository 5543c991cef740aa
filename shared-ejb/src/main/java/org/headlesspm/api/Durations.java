package org.headlesspm.api;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * Durations of time entries (API-ADDENDUM.md A4.4): the input grammar, the value rules of E61 and
 * the output format. Units are working time: a day is 8 hours, a week 5 days, a month 4 weeks.
 * Every parse either returns whole minutes or throws {@link InvalidDuration} carrying the API's 400
 * message.
 */
public final class Durations {

  public static final long MINUTE = 1;
  public static final long HOUR = 60;
  public static final long DAY = 8 * HOUR;
  public static final long WEEK = 5 * DAY;
  public static final long MONTH = 4 * WEEK;

  /** The largest magnitude of one entry: a calendar year of minutes. */
  public static final long LIMIT = 525_600;

  private static final BigDecimal UPPER = BigDecimal.valueOf(LIMIT);
  private static final BigDecimal LOWER = BigDecimal.valueOf(-LIMIT);

  /** Largest first, as written by {@link #format(long)}. */
  private enum Unit {
    MONTHS(MONTH, "mo"),
    WEEKS(WEEK, "w"),
    DAYS(DAY, "d"),
    HOURS(HOUR, "h"),
    MINUTES(MINUTE, "m");

    final long minutes;
    final String symbol;

    Unit(long minutes, String symbol) {
      this.minutes = minutes;
      this.symbol = symbol;
    }
  }

  /** A duration the API refuses; the message is the body of the 400 answer. */
  public static final class InvalidDuration extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public InvalidDuration(String message) {
      super(message);
    }
  }

  private Durations() {}

  /**
   * Whole minutes of a string {@code time_input}: an optional sign, then a bare number of minutes
   * or components such as {@code 1h 30m}; truncated toward zero; not zero and within the limits.
   */
  public static long parseMinutes(String input) {
    if (input == null || input.isBlank()) {
      throw new InvalidDuration("Time input cannot be empty");
    }
    BigDecimal value = new Scanner(input.strip()).duration();
    if (value == null) {
      throw new InvalidDuration("Invalid time format: '" + input + "'");
    }
    return checked(value);
  }

  /** Whole minutes of a JSON number {@code time_input}: treated like a bare number. */
  public static long fromNumber(BigDecimal minutes) {
    if (minutes == null) {
      throw new NullPointerException("minutes");
    }
    return checked(minutes);
  }

  /**
   * {@code 0m} for zero, else the non-zero parts in months, weeks, days, hours and minutes, largest
   * first, one space between, {@code -} in front of a negative value: {@code -1h 30m}.
   */
  public static String format(long minutes) {
    if (minutes == 0) {
      return "0m";
    }
    List<String> parts = new ArrayList<>();
    // Division and remainder of the signed value keep Long.MIN_VALUE within range.
    long rest = minutes;
    for (Unit unit : Unit.values()) {
      long count = Math.abs(rest / unit.minutes);
      rest %= unit.minutes;
      if (count != 0) {
        parts.add(count + unit.symbol);
      }
    }
    return (minutes < 0 ? "-" : "") + String.join(" ", parts);
  }

  private static long checked(BigDecimal exact) {
    BigDecimal whole = exact.setScale(0, RoundingMode.DOWN);
    if (whole.signum() == 0) {
      throw new InvalidDuration("Time entry cannot be zero");
    }
    if (whole.compareTo(UPPER) > 0) {
      throw new InvalidDuration("Time entry too large. Maximum: " + format(LIMIT));
    }
    if (whole.compareTo(LOWER) < 0) {
      throw new InvalidDuration("Time removal too large. Minimum: " + format(-LIMIT));
    }
    return whole.longValueExact();
  }

  /** A hand-written reader of the grammar; every method answers null for "not a duration". */
  private static final class Scanner {
    private final String text;
    private int at;

    Scanner(String text) {
      this.text = text;
    }

    BigDecimal duration() {
      boolean negative = false;
      if (at < text.length() && (text.charAt(at) == '+' || text.charAt(at) == '-')) {
        negative = text.charAt(at) == '-';
        at++;
      }
      BigDecimal first = number();
      if (first == null) {
        return null;
      }
      BigDecimal total;
      if (at == text.length()) {
        total = first; // a bare number: minutes
      } else {
        total = components(first);
        if (total == null) {
          return null;
        }
      }
      return negative ? total.negate() : total;
    }

    private BigDecimal components(BigDecimal first) {
      BigDecimal total = BigDecimal.ZERO;
      boolean[] seen = new boolean[Unit.values().length];
      BigDecimal number = first;
      while (true) {
        skipWhitespace();
        Unit unit = unit();
        if (unit == null || seen[unit.ordinal()]) {
          return null;
        }
        seen[unit.ordinal()] = true;
        total = total.add(number.multiply(BigDecimal.valueOf(unit.minutes)));
        skipWhitespace();
        if (at == text.length()) {
          return total;
        }
        number = number();
        if (number == null) {
          return null;
        }
      }
    }

    /** Digits, optionally {@code .} and digits; ASCII digits only. */
    private BigDecimal number() {
      int start = at;
      skipDigits();
      if (at == start) {
        return null;
      }
      if (at < text.length() && text.charAt(at) == '.') {
        at++;
        int fraction = at;
        skipDigits();
        if (at == fraction) {
          return null;
        }
      }
      return new BigDecimal(text.substring(start, at));
    }

    /** {@code mo} in any case, else {@code m} minutes, {@code M} months, {@code h d w} any case. */
    private Unit unit() {
      if (at >= text.length()) {
        return null;
      }
      char c = text.charAt(at);
      if ((c == 'm' || c == 'M')
          && at + 1 < text.length()
          && (text.charAt(at + 1) == 'o' || text.charAt(at + 1) == 'O')) {
        at += 2;
        return Unit.MONTHS;
      }
      Unit unit =
          switch (c) {
            case 'm' -> Unit.MINUTES;
            case 'M' -> Unit.MONTHS;
            case 'h', 'H' -> Unit.HOURS;
            case 'd', 'D' -> Unit.DAYS;
            case 'w', 'W' -> Unit.WEEKS;
            default -> null;
          };
      if (unit != null) {
        at++;
      }
      return unit;
    }

    private void skipDigits() {
      while (at < text.length() && text.charAt(at) >= '0' && text.charAt(at) <= '9') {
        at++;
      }
    }

    private void skipWhitespace() {
      while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
        at++;
      }
    }
  }
}
