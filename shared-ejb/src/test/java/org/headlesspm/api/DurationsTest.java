package org.headlesspm.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.util.Random;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.headlesspm.api.Durations.InvalidDuration;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** Durations of API-ADDENDUM.md A4.4 and the messages of E61. */
class DurationsTest {

  private static final String ZERO = "Time entry cannot be zero";
  private static final String TOO_LARGE = "Time entry too large. Maximum: 54mo 3w";
  private static final String TOO_SMALL = "Time removal too large. Minimum: -54mo 3w";

  private static String refusal(String input) {
    return assertThrows(InvalidDuration.class, () -> Durations.parseMinutes(input)).getMessage();
  }

  @Nested
  class Accepted {

    @ParameterizedTest(name = "\"{0}\" -> {1}")
    @CsvSource(
        delimiter = '|',
        value = {
          // the A4.4 table
          "30         | 30",
          "90m        | 90",
          "1.5h       | 90",
          "1h30m      | 90",
          "1h 30m     | 90",
          "30m 1h     | 90",
          "1H         | 60",
          "-15m       | -15",
          "1.01h      | 60",
          "1.5        | 1",
          "1d         | 480",
          "1w         | 2400",
          "1M         | 9600",
          "1mo        | 9600",
          "2d 4h      | 1200",
          "-1h30m     | -90",
          // the grammar, case by case
          "-15        | -15",
          "+30m       | 30",
          "+30        | 30",
          "1 h        | 60",
          "1 h 30 m   | 90",
          "1m         | 1",
          "1MO        | 9600",
          "1Mo        | 9600",
          "1mO        | 9600",
          "1D         | 480",
          "1W         | 2400",
          "1h30m1d    | 570",
          "1mo 1m     | 9601",
          "1M 1m      | 9601",
          "1m 1M      | 9601",
          "1w1d1h1m   | 2941",
          "1mo1w1d1h1m | 12541",
          "0h 5m      | 5",
          "0.5m 1h    | 60",
          "-1.5       | -1",
          "-1.99m     | -1",
          "-0.5h      | -30",
          "0.1d       | 48",
          "007m       | 7",
          "1.50h      | 90",
          "525600     | 525600",
          "-525600    | -525600",
          "525600.9   | 525600",
          "-525600.9m | -525600",
          "54mo 3w    | 525600",
          "-54mo 3w   | -525600",
          "8760h      | 525600",
          "365d 1h    | 175260",
        })
    void parsesTheGrammar(String input, long expected) {
      assertEquals(expected, Durations.parseMinutes(input));
    }

    @ParameterizedTest(name = "\"{0}\" -> 90")
    @ValueSource(strings = {"  1h 30m  ", "\t1h30m\n", " 90 ", "1h\t30m", "1h\n30m", "1\th  30\tm"})
    void ignoresSurroundingWhitespaceAndAllowsItBetween(String input) {
      assertEquals(90, Durations.parseMinutes(input));
    }

    @Test
    void distinguishesMinutesFromMonthsByCase() {
      assertEquals(1, Durations.parseMinutes("1m"));
      assertEquals(9600, Durations.parseMinutes("1M"));
    }

    @Test
    void monthsWrittenEitherWayAreEqual() {
      assertEquals(Durations.parseMinutes("1mo"), Durations.parseMinutes("1M"));
      assertEquals(Durations.parseMinutes("1MO"), Durations.parseMinutes("1M"));
    }

    @Test
    void unitsAreWorkingTime() {
      assertEquals(1, Durations.MINUTE);
      assertEquals(60, Durations.HOUR);
      assertEquals(480, Durations.DAY);
      assertEquals(2400, Durations.WEEK);
      assertEquals(9600, Durations.MONTH);
    }

    @Test
    void computesWithExactDecimals() {
      // In binary floating point 2.05 * 60 is 122.99999999999999 and 8.45 * 480 is 4055.99...
      assertEquals(123, Durations.parseMinutes("2.05h"));
      assertEquals(4056, Durations.parseMinutes("8.45d"));
      assertEquals(17, Durations.parseMinutes("0.29h"));
      assertEquals(150, Durations.parseMinutes("0.1h 0.2m 0.3d"));
      assertEquals(1, Durations.parseMinutes("1.9999999999999999999999"));
      assertEquals(
          525_599, Durations.parseMinutes("525599.99999999999999999999999999999999999999"));
    }
  }

  @Nested
  class Refused {

    @ParameterizedTest(name = "\"{0}\" is not a duration")
    @ValueSource(
        strings = {
          "1x",
          "abc",
          "h",
          "1h 1h",
          ".5h",
          "m",
          "1h30",
          "30 40",
          "1.h",
          "1.",
          ".5",
          "1..5h",
          "1.5.5h",
          "- 30m",
          "+ 30",
          "-",
          "+",
          "--30",
          "+-30",
          "1h -30m",
          "1h, 30m",
          "1h+30m",
          "1hh",
          "1mm",
          "1m 1m",
          "1M 1mo",
          "1mo 1MO",
          "1d 2D",
          "1w 1W",
          "1H 1h",
          "1s",
          "1y",
          "1min",
          "1hour",
          "1 hours",
          "1o",
          "1moo",
          "1e3",
          "1,5h",
          "1_000",
          "h1",
          "١h",
          "1ｈ",
          "30m x",
          "NaN",
          "Infinity",
          "0x10",
        })
    void reportsAnInvalidFormatWithTheInputAsGiven(String input) {
      assertEquals("Invalid time format: '" + input + "'", refusal(input));
    }

    @Test
    void quotesTheInputUntrimmed() {
      assertEquals("Invalid time format: '  1x '", refusal("  1x "));
    }

    @ParameterizedTest(name = "\"{0}\" is empty")
    @NullAndEmptySource
    @ValueSource(strings = {" ", "   ", "\t", "\n \r\n"})
    void reportsEmptyInput(String input) {
      assertEquals("Time input cannot be empty", refusal(input));
    }

    @ParameterizedTest(name = "\"{0}\" is zero")
    @ValueSource(
        strings = {"0", "-0", "+0", "0.5m", "0.5", "-0.5", "0m", "0h", "0h 0m", "0.0", "0.01h"})
    void reportsZero(String input) {
      assertEquals(ZERO, refusal(input));
    }

    @ParameterizedTest(name = "\"{0}\" is too large")
    @ValueSource(
        strings = {
          "55M",
          "525601",
          "525601m",
          "8761h",
          "54mo 3w 1m",
          "2000d",
          "100000000000000000000000h"
        })
    void reportsTooLarge(String input) {
      assertEquals(TOO_LARGE, refusal(input));
    }

    @ParameterizedTest(name = "\"{0}\" is too large a removal")
    @ValueSource(strings = {"-8761h", "-525601", "-55M", "-54mo 3w 1m", "-99999999999999999999"})
    void reportsTooLargeARemoval(String input) {
      assertEquals(TOO_SMALL, refusal(input));
    }

    @Test
    void fiftyFiveMonthsAre528000Minutes() {
      assertEquals(528_000, 55 * Durations.MONTH);
    }

    @Test
    void invalidDurationIsAnIllegalArgument() {
      assertThrows(IllegalArgumentException.class, () -> Durations.parseMinutes("1x"));
    }
  }

  @Nested
  class FromNumber {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
      "45, 45",
      "1.5, 1",
      "-1.5, -1",
      "-15, -15",
      "525600, 525600",
      "-525600, -525600",
      "1E+2, 100",
      "525600.999, 525600",
      "2.0, 2"
    })
    void treatsANumberAsBareMinutes(BigDecimal number, long expected) {
      assertEquals(expected, Durations.fromNumber(number));
    }

    @ParameterizedTest(name = "{0} is zero")
    @ValueSource(strings = {"0", "-0", "0.5", "-0.999", "0E+5", "0.0"})
    void refusesZero(String number) {
      InvalidDuration error =
          assertThrows(InvalidDuration.class, () -> Durations.fromNumber(new BigDecimal(number)));
      assertEquals(ZERO, error.getMessage());
    }

    @Test
    void refusesValuesBeyondTheLimits() {
      assertEquals(
          TOO_LARGE,
          assertThrows(InvalidDuration.class, () -> Durations.fromNumber(new BigDecimal("525601")))
              .getMessage());
      assertEquals(
          TOO_SMALL,
          assertThrows(InvalidDuration.class, () -> Durations.fromNumber(new BigDecimal("-1E+9")))
              .getMessage());
    }

    @Test
    void agreesWithTheBareNumberOfAString() {
      for (String text : new String[] {"1", "1.5", "-15", "30", "525600", "99.99"}) {
        assertEquals(Durations.parseMinutes(text), Durations.fromNumber(new BigDecimal(text)));
      }
    }
  }

  @Nested
  class Format {

    @ParameterizedTest(name = "{0} -> \"{1}\"")
    @CsvSource(
        delimiter = '|',
        value = {
          "0       | 0m",
          "90      | 1h 30m",
          "600     | 1d 2h",
          "541     | 1d 1h 1m",
          "9600    | 1mo",
          "-90     | -1h 30m",
          "1       | 1m",
          "-1      | -1m",
          "60      | 1h",
          "480     | 1d",
          "2400    | 1w",
          "1501    | 3d 1h 1m",
          "12541   | 1mo 1w 1d 1h 1m",
          "9601    | 1mo 1m",
          "-9601   | -1mo 1m",
          "525600  | 54mo 3w",
          "-525600 | -54mo 3w",
          "19200   | 2mo",
          "9599    | 3w 4d 7h 59m",
        })
    void writesEveryNonZeroPartLargestFirst(long minutes, String expected) {
      assertEquals(expected, Durations.format(minutes));
    }

    @Test
    void handlesTheExtremesOfLong() {
      assertEquals("-960767920505705mo 3w 1d 2h 8m", Durations.format(Long.MIN_VALUE));
      assertEquals("960767920505705mo 3w 1d 2h 7m", Durations.format(Long.MAX_VALUE));
    }
  }

  @Nested
  class RoundTrip {

    static LongStream everyValueNearZero() {
      return LongStream.rangeClosed(-3000, 3000).filter(x -> x != 0);
    }

    static Stream<Long> randomValuesWithinTheLimits() {
      Random random = new Random(20240611L);
      return Stream.generate(() -> random.nextLong(-Durations.LIMIT, Durations.LIMIT + 1))
          .filter(x -> x != 0)
          .limit(3000);
    }

    @Test
    void everyValueFromMinus3000To3000ParsesBack() {
      everyValueNearZero()
          .forEach(x -> assertEquals(x, Durations.parseMinutes(Durations.format(x)), () -> "" + x));
    }

    @Test
    void randomValuesParseBack() {
      randomValuesWithinTheLimits()
          .forEach(x -> assertEquals(x, Durations.parseMinutes(Durations.format(x)), () -> "" + x));
    }

    @ParameterizedTest
    @MethodSource("boundaries")
    void boundariesParseBack(long x) {
      assertEquals(x, Durations.parseMinutes(Durations.format(x)));
    }

    static LongStream boundaries() {
      return LongStream.of(
          1, -1, 59, 60, 61, 479, 480, 481, 2399, 2400, 2401, 9599, 9600, 9601, 525599, 525600,
          -525599, -525600);
    }
  }
}
