package org.headlesspm.document;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * @mention extraction, API.md 4.8.
 */
class MentionParserTest {

  @Test
  void keepsTheOrderOfFirstAppearance() {
    assertEquals(
        List.of("zoe", "adam", "mia"), MentionParser.names("@zoe then @adam, finally @mia"));
  }

  @Test
  void collapsesDuplicatesAtTheirFirstPosition() {
    assertEquals(List.of("b", "a"), MentionParser.names("@b @a @b @a @b"));
  }

  @Test
  void treatsNamesCaseSensitively() {
    assertEquals(List.of("Alice", "alice", "ALICE"), MentionParser.names("@Alice @alice @ALICE"));
  }

  @ParameterizedTest(name = "\"{0}\" mentions {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "ask @fe-dev please     | fe",
        "mail a@b.com           | b",
        "@@x                    | x",
        "@all hands             | all",
        "@nobody                | nobody",
        "(@dev_1).              | dev_1",
        "@Agent42!              | Agent42",
      })
  void takesTheLongestRunOfLettersDigitsAndUnderscores(String text, String name) {
    assertEquals(List.of(name), MentionParser.names(text));
  }

  @ParameterizedTest(name = "\"{0}\" mentions nobody")
  @ValueSource(strings = {"", "no mentions here", "@", "@ alone", "@-dash", "email at example"})
  void findsNothingWithoutAMention(String text) {
    assertEquals(List.of(), MentionParser.names(text));
  }

  @Test
  void findsNothingInNull() {
    assertEquals(List.of(), MentionParser.names(null));
  }

  @Test
  void findsMentionsAcrossLines() {
    assertEquals(List.of("pm", "qa"), MentionParser.names("# Title\n@pm see below\n\n- @qa\n"));
  }

  @Test
  void returnsAnUnmodifiableList() {
    List<String> names = MentionParser.names("@a");
    assertThrows(UnsupportedOperationException.class, () -> names.add("b"));
  }
}
