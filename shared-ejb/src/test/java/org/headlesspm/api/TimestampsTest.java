package org.headlesspm.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** Time on the wire, API.md 1.7. */
public class TimestampsTest {

  private static final String WIRE_FORM = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{6}Z";

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "2025-06-20T10:15:30Z, 2025-06-20T10:15:30.000000Z",
    "2025-06-20T10:15:30.1Z, 2025-06-20T10:15:30.100000Z",
    "2025-06-20T10:15:30.123456Z, 2025-06-20T10:15:30.123456Z",
    "2025-06-20T10:15:30.123456789Z, 2025-06-20T10:15:30.123456Z",
    "1970-01-01T00:00:00Z, 1970-01-01T00:00:00.000000Z",
    "2025-12-31T23:59:59.999999Z, 2025-12-31T23:59:59.999999Z",
  })
  void formatsWithSixFractionDigitsAndZ(Instant instant, String expected) {
    assertEquals(expected, Timestamps.format(instant));
  }

  @Test
  void formatsEveryInstantInTheWireForm() {
    Random random = new Random(42);
    for (int i = 0; i < 1000; i++) {
      Instant instant =
          Instant.ofEpochSecond(random.nextInt(2_000_000_000), random.nextInt(1_000_000_000));
      String text = Timestamps.format(instant);
      assertTrue(text.matches(WIRE_FORM), text);
    }
  }

  @Test
  void formatsNullAsNull() {
    assertNull(Timestamps.format(null));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "2025-06-20T10:15:30, 2025-06-20T10:15:30Z",
    "2025-06-20T10:15:30.123456, 2025-06-20T10:15:30.123456Z",
    "2025-06-20 10:15:30.5, 2025-06-20T10:15:30.500Z",
    "2025-06-20T10:15:30Z, 2025-06-20T10:15:30Z",
    "2025-06-20T10:15:30.123456Z, 2025-06-20T10:15:30.123456Z",
    "2025-06-20T12:15:30+02:00, 2025-06-20T10:15:30Z",
    "2025-06-20T12:15:30.25+02:00, 2025-06-20T10:15:30.250Z",
    "2025-06-20T05:15:30-05:00, 2025-06-20T10:15:30Z",
    "2025-06-20T00:30:00+01:00, 2025-06-19T23:30:00Z",
    "2025-06-20, 2025-06-20T00:00:00Z",
    "' 2025-06-20T10:15:30Z ', 2025-06-20T10:15:30Z",
  })
  void readsDateTimesWithOrWithoutZoneAndDates(String text, Instant expected) {
    assertEquals(expected, Timestamps.parseDateTime(text));
  }

  @Test
  void cutsReadTimesToMicroseconds() {
    assertEquals(
        Instant.parse("2025-06-20T10:15:30.123456Z"),
        Timestamps.parseDateTime("2025-06-20T10:15:30.123456789Z"));
    assertEquals(
        Instant.parse("2025-06-20T10:15:30.123456Z"),
        Timestamps.parseDateTime("2025-06-20T10:15:30.123456999"));
  }

  @ParameterizedTest(name = "\"{0}\"")
  @NullAndEmptySource
  @ValueSource(
      strings = {
        "garbage",
        "yesterday",
        "2025-13-01",
        "2025-06-32",
        "2025-06-20T25:00:00",
        "20250620",
        "2025/06/20",
        "1750414530",
        "2025-06-20T10:15:30+25:00",
      })
  void refusesWhatIsNoDateTime(String text) {
    IllegalArgumentException error =
        assertThrows(IllegalArgumentException.class, () -> Timestamps.parseDateTime(text));
    assertTrue(error.getMessage().contains("valid datetime"), error.getMessage());
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "0, 1970-01-01T00:00:00Z",
    "1750414530, 2025-06-20T10:15:30Z",
    "1750414530.5, 2025-06-20T10:15:30.500Z",
    "1750414530.123456, 2025-06-20T10:15:30.123456Z",
    "1750414530.1234569, 2025-06-20T10:15:30.123456Z",
    "' 1750414530 ', 2025-06-20T10:15:30Z",
  })
  void readsSinceAsEpochSeconds(String text, Instant expected) {
    assertEquals(expected, Timestamps.parseSince(text));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "2025-06-20T10:15:30, 2025-06-20T10:15:30Z",
    "2025-06-20T10:15:30Z, 2025-06-20T10:15:30Z",
    "2025-06-20T12:15:30+02:00, 2025-06-20T10:15:30Z",
    "2025-06-20, 2025-06-20T00:00:00Z",
  })
  void readsSinceAsDateTimeToo(String text, Instant expected) {
    assertEquals(expected, Timestamps.parseSince(text));
  }

  @ParameterizedTest(name = "\"{0}\"")
  @NullAndEmptySource
  @ValueSource(strings = {"garbage", "1.2.3", "12abc", "1e9", ".5", "5."})
  void refusesSinceThatIsNeitherNumberNorDateTime(String text) {
    assertThrows(IllegalArgumentException.class, () -> Timestamps.parseSince(text));
  }

  static Stream<Instant> microsecondInstants() {
    Random random = new Random(7);
    return Stream.concat(
        Stream.of(
            Instant.EPOCH,
            Instant.parse("2025-06-20T10:15:30Z"),
            Instant.parse("2025-06-20T10:15:30.000001Z"),
            Instant.parse("2025-06-20T10:15:30.999999Z"),
            Instant.parse("2000-02-29T23:59:59.5Z")),
        Stream.generate(
                () ->
                    Instant.ofEpochSecond(
                        random.nextInt(2_000_000_000), random.nextInt(1_000_000) * 1000L))
            .limit(200));
  }

  @ParameterizedTest
  @MethodSource("microsecondInstants")
  void formatThenParseGivesTheSameInstant(Instant instant) {
    assertEquals(instant, Timestamps.parseDateTime(Timestamps.format(instant)));
    assertEquals(instant, Timestamps.parseSince(Timestamps.format(instant)));
  }

  @Test
  void truncatesToMicroseconds() {
    Instant instant = Instant.parse("2025-06-20T10:15:30.123456789Z");
    assertEquals(instant.truncatedTo(ChronoUnit.MICROS), Timestamps.truncate(instant));
    assertEquals(123_456_000, Timestamps.truncate(instant).getNano());
  }

  @Test
  void handWrittenFormatAgreesWithTheFormatter() {
    var wire =
        java.time.format.DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'")
            .withZone(java.time.ZoneOffset.UTC);
    randomInstants(7, 200_000)
        .forEach(instant -> assertEquals(wire.format(instant), Timestamps.format(instant)));
    Instant far = Instant.parse("+12345-01-02T03:04:05.000006Z");
    assertEquals(wire.format(far), Timestamps.format(far));
  }

  /** Instants with nanoseconds, spread over the years 1 to 9999. */
  public static Stream<Instant> randomInstants(long seed, int count) {
    Random random = new Random(seed);
    long min = Instant.parse("0001-01-01T00:00:00Z").getEpochSecond();
    long max = Instant.parse("9999-12-31T23:59:59Z").getEpochSecond();
    return Stream.generate(
            () ->
                Instant.ofEpochSecond(
                    min + Math.floorMod(random.nextLong(), max - min),
                    random.nextInt(1_000_000_000)))
        .limit(count);
  }
}
