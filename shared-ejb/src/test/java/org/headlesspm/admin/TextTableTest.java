package org.headlesspm.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class TextTableTest {

  @Test
  void rendersTabulatesGridWithNumbersRightAligned() {
    String table =
        TextTable.of("id", "ID", "title", "Title")
            .row(7L, "Design login UI")
            .row(12L, "Tests")
            .render();
    assertEquals(
        """
        +----+-----------------+
        | ID | Title           |
        +====+=================+
        |  7 | Design login UI |
        +----+-----------------+
        | 12 | Tests           |
        +----+-----------------+
        """,
        table);
  }

  @Test
  void anEmptyTableIsItsHeaderBetweenPlainRules() {
    assertEquals(
        """
        +----+-------+
        | ID | Title |
        +----+-------+
        """,
        TextTable.of("id", "ID", "title", "Title").render());
  }

  @Test
  void jsonUsesTheColumnKeysAndKeepsNumbersAndNulls() {
    String json =
        TextTable.of("id", "ID", "locked_by", "Locked By").row(3L, null).json().build().toString();
    assertEquals("[{\"id\":3,\"locked_by\":null}]", json);
  }

  @Test
  void aRowMustFillEveryColumn() {
    assertThrows(IllegalArgumentException.class, () -> TextTable.of("a", "A", "b", "B").row(1L));
  }

  @Test
  void truncatesAsTheReferenceCli() {
    assertEquals(
        "Implement JWT authentication A...",
        TextTable.truncate("Implement JWT authentication API", 30));
    assertEquals(
        "exactly thirty characters long", TextTable.truncate("exactly thirty characters long", 30));
    assertEquals("", TextTable.truncate(null, 30));
  }

  @Test
  void formatsStatusNamesAndUtcTimes() {
    assertEquals("Under Work", TextTable.titleCase("under_work"));
    assertEquals("Documentation Done", TextTable.titleCase("documentation_done"));
    Instant time = Instant.parse("2026-03-04T05:06:07Z");
    assertEquals("2026-03-04 05:06", TextTable.dayMinute(time, "Never"));
    assertEquals("Never", TextTable.dayMinute(null, "Never"));
    assertEquals("03-04 05:06", TextTable.monthMinute(time));
    assertEquals("05:06:07", TextTable.clock(time, "Never"));
  }
}
