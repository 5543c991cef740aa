package org.headlesspm.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** Timestamps stored as UTC text in the reference's format. */
class InstantColumnTest {

  private final InstantColumn column = new InstantColumn();

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "2025-06-20T10:15:30.123456Z, 2025-06-20 10:15:30.123456",
    "2025-06-20T10:15:30Z, 2025-06-20 10:15:30.000000",
    "2025-06-20T10:15:30.5Z, 2025-06-20 10:15:30.500000",
    "2025-06-20T10:15:30.123456789Z, 2025-06-20 10:15:30.123456",
    "1970-01-01T00:00:00Z, 1970-01-01 00:00:00.000000",
    "2025-01-02T03:04:05.000006Z, 2025-01-02 03:04:05.000006",
  })
  void writesUtcTextWithSixFractionDigits(Instant instant, String expected) {
    assertEquals(expected, InstantColumn.write(instant));
    assertEquals(expected, column.convertToDatabaseColumn(instant));
  }

  @Test
  void writesNullAsNull() {
    assertNull(InstantColumn.write(null));
    assertNull(column.convertToDatabaseColumn(null));
  }

  @ParameterizedTest(name = "\"{0}\" -> {1}")
  @CsvSource({
    "2025-06-20 10:15:30, 2025-06-20T10:15:30Z",
    "2025-06-20 10:15:30.1, 2025-06-20T10:15:30.100Z",
    "2025-06-20 10:15:30.12, 2025-06-20T10:15:30.120Z",
    "2025-06-20 10:15:30.123, 2025-06-20T10:15:30.123Z",
    "2025-06-20 10:15:30.123456, 2025-06-20T10:15:30.123456Z",
    "2025-06-20 10:15:30.123456789, 2025-06-20T10:15:30.123456789Z",
    "2025-06-20T10:15:30, 2025-06-20T10:15:30Z",
    "2025-06-20T10:15:30.123456, 2025-06-20T10:15:30.123456Z",
    "2025-06-20T10:15:30Z, 2025-06-20T10:15:30Z",
    "2025-06-20T10:15:30.123456Z, 2025-06-20T10:15:30.123456Z",
    "2025-06-20 10:15:30.123456Z, 2025-06-20T10:15:30.123456Z",
    "2025-06-20T12:15:30+02:00, 2025-06-20T10:15:30Z",
    "2025-06-20 12:15:30.5+02:00, 2025-06-20T10:15:30.500Z",
    "2025-06-20T05:15:30-05:00, 2025-06-20T10:15:30Z",
    "2025-06-20T10:15:30+00:00, 2025-06-20T10:15:30Z",
    "' 2025-06-20 10:15:30 ', 2025-06-20T10:15:30Z",
  })
  void readsEveryStoredForm(String text, Instant expected) {
    assertEquals(expected, column.convertToEntityAttribute(text));
  }

  @ParameterizedTest(name = "\"{0}\"")
  @NullAndEmptySource
  @ValueSource(strings = {"   ", "\t"})
  void readsNullOrBlankAsNull(String text) {
    assertNull(column.convertToEntityAttribute(text));
  }

  @Test
  void readsBackWhatItWrites() {
    for (Instant instant : sample()) {
      assertEquals(instant, column.convertToEntityAttribute(InstantColumn.write(instant)));
    }
  }

  @Test
  void textOrderIsTimeOrder() {
    List<Instant> instants = sample();
    List<Instant> byTime = new ArrayList<>(instants);
    byTime.sort(Comparator.naturalOrder());
    List<String> texts = new ArrayList<>(instants.stream().map(InstantColumn::write).toList());
    texts.sort(Comparator.naturalOrder());
    assertEquals(byTime.stream().map(InstantColumn::write).toList(), texts);
  }

  @Test
  void neighbouringMicrosecondsCompareInOrder() {
    Instant earlier = Instant.parse("2025-06-20T09:59:59.999999Z");
    Instant later = Instant.parse("2025-06-20T10:00:00Z");
    assertTrue(InstantColumn.write(earlier).compareTo(InstantColumn.write(later)) < 0);
    Instant a = Instant.parse("2025-06-20T10:00:00.000009Z");
    Instant b = Instant.parse("2025-06-20T10:00:00.00001Z");
    assertTrue(InstantColumn.write(a).compareTo(InstantColumn.write(b)) < 0);
  }

  /** Microsecond instants, shuffled, including close neighbours and every digit position. */
  private static List<Instant> sample() {
    List<Instant> instants = new ArrayList<>();
    Random random = new Random(1234);
    for (int i = 0; i < 500; i++) {
      instants.add(
          Instant.ofEpochSecond(random.nextInt(2_000_000_000), random.nextInt(1_000_000) * 1000L));
    }
    Instant base = Instant.parse("2025-06-20T10:15:30.123456Z");
    for (long micros : new long[] {1, 9, 10, 99, 100, 999_999, 1_000_000, 59_000_000}) {
      instants.add(base.plusNanos(micros * 1000));
    }
    instants.add(Instant.parse("1999-12-31T23:59:59.999999Z"));
    instants.add(Instant.parse("2000-01-01T00:00:00Z"));
    instants.add(Instant.parse("2025-09-30T09:00:00Z"));
    instants.add(Instant.parse("2025-10-01T10:00:00Z"));
    java.util.Collections.shuffle(instants, random);
    return instants;
  }

  /** The hand-written fast paths agree with the formatters over a wide range of instants. */
  @Test
  void fastPathsAgreeWithTheFormatters() {
    var write =
        java.time.format.DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss.SSSSSS")
            .withZone(java.time.ZoneOffset.UTC);
    for (Instant instant :
        (Iterable<Instant>)
            org.headlesspm.api.TimestampsTest.randomInstants(42, 200_000)::iterator) {
      String text = InstantColumn.write(instant);
      assertEquals(write.format(instant), text);
      Instant micros = instant.truncatedTo(java.time.temporal.ChronoUnit.MICROS);
      assertEquals(micros, InstantColumn.parseStored(text), text);
      assertEquals(micros, column.convertToEntityAttribute(text), text);
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "2025-06-20T10:15:30.123456",
        "2025-06-20 10:15:30.12345Z",
        "2025-13-20 10:15:30.123456",
        "2025-02-30 10:15:30.123456",
        "2025-06-20 24:15:30.123456",
        "2025-06-2x 10:15:30.123456",
        "+025-06-20 10:15:30.123456"
      })
  void theFastPathLeavesEverythingElseToTheFormatter(String text) {
    assertNull(InstantColumn.parseStored(text));
  }
}
