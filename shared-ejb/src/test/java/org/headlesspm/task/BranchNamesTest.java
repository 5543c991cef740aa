package org.headlesspm.task;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** Branch names of new tasks, API-ADDENDUM.md A4.6. */
class BranchNamesTest {

  @ParameterizedTest(name = "\"{0}\" -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        // the A4.6 examples
        "Implement user login        | feature/implement-user-login",
        "Fix login validation bug    | fix/fix-login-validation-bug",
        "Hotfix: payment crash       | hotfix/hotfix-payment-crash",
        "Add debug logging           | feature/add-debug-logging",
        "URGENT — DB down!!          | hotfix/urgent-db-down",
        "user_profile page           | feature/userprofile-page",
        // whole words only
        "Remove prefix from names    | feature/remove-prefix-from-names",
        "Debug the debugger          | feature/debug-the-debugger",
        "Prefixes and suffixes       | feature/prefixes-and-suffixes",
        "Fixture cleanup             | feature/fixture-cleanup",
        "Bugle call                  | feature/bugle-call",
        "Tissue paper                | feature/tissue-paper",
        "Non-critical cleanup        | hotfix/non-critical-cleanup",
        // every fix word
        "fix it                      | fix/fix-it",
        "Fixes the thing             | fix/fixes-the-thing",
        "Fixed the thing             | fix/fixed-the-thing",
        "Fixing the thing            | fix/fixing-the-thing",
        "A bug                       | fix/a-bug",
        "Some bugs                   | fix/some-bugs",
        "Bugfix for login            | fix/bugfix-for-login",
        "Login issue                 | fix/login-issue",
        "Login issues                | fix/login-issues",
        // every hotfix word, and hotfix beats fix
        "Critical data loss          | hotfix/critical-data-loss",
        "Urgent: restart             | hotfix/urgent-restart",
        "Fix urgent bug              | hotfix/fix-urgent-bug",
        "Hotfix the fix              | hotfix/hotfix-the-fix",
        // the slug
        "  Spaces   everywhere  	   | feature/spaces-everywhere",
        "--Dashes -- everywhere--    | feature/dashes-everywhere",
        "a - b                       | feature/a-b",
        "Release 2.0 notes           | feature/release-20-notes",
        "Café crème brûlée           | feature/caf-crme-brle",
        "日本語 title                  | feature/title",
        "snake_case_name             | feature/snakecasename",
        "Tab	separated              | feature/tab-separated",
        "UPPER lower MiXeD 123       | feature/upper-lower-mixed-123",
        "fix/login path              | feature/fixlogin-path",
      })
  void derivesTheBranchFromTheTitle(String title, String expected) {
    assertEquals(expected, BranchNames.forTitle(title, 7));
  }

  @ParameterizedTest(name = "\"{0}\" -> feature/task-42")
  @NullAndEmptySource
  @ValueSource(strings = {"!!!", "   ", "---", "___", "日本語", "- - -", "éàü", "?!"})
  void fallsBackToTheTaskId(String title) {
    assertEquals("feature/task-42", BranchNames.forTitle(title, 42));
  }

  @Test
  void fallbackUsesTheGivenId() {
    assertEquals("feature/task-1", BranchNames.forTitle("!!!", 1));
    assertEquals("feature/task-123456789012", BranchNames.forTitle("", 123456789012L));
  }

  @Test
  void cutsASixtyCharacterTitleAtForty() {
    String title = "abcdefghij".repeat(6);
    assertEquals(60, title.length());
    assertEquals("feature/" + title.substring(0, 40), BranchNames.forTitle(title, 1));
  }

  @Test
  void stripsTheDashLeftAtTheEndOfTheCut() {
    // 39 letters, a space at position 40, then more words: the cut ends on "-".
    String title = "a".repeat(39) + " " + "b".repeat(20);
    assertEquals(60, title.length());
    String branch = BranchNames.forTitle(title, 1);
    assertEquals("feature/" + "a".repeat(39), branch);
    assertFalse(branch.endsWith("-"), branch);
  }

  @Test
  void cutsSixtyCharactersOfWordsWithoutATrailingDash() {
    String title = "Implement the new user login flows with remember me and more";
    assertEquals(60, title.length());
    String slug = BranchNames.forTitle(title, 1).substring("feature/".length());
    // the 40th character of the slug is the "-" after "with"
    assertEquals("implement-the-new-user-login-flows-with", slug);
    assertTrue(slug.length() <= 40, slug);
  }

  @Test
  void measuresTheCutAfterCleaning() {
    String title = "a!".repeat(30); // 60 characters, 30 once cleaned
    assertEquals("feature/" + "a".repeat(30), BranchNames.forTitle(title, 1));
  }

  @Test
  void fixWordsBeyondTheCutDoNotCount() {
    String title = "a".repeat(45) + " fix";
    assertEquals("feature/" + "a".repeat(40), BranchNames.forTitle(title, 1));
  }

  @Test
  void treatsNonBreakingSpacesAsWhitespace() {
    assertEquals("fix/fix-login", BranchNames.forTitle("Fix\u00a0login", 1));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "x",
        "Fix login validation bug",
        "--a--",
        "a b c d e f g h i j k l m n o p q r s t u v w x y z",
        "Über-long title with many words that keeps going and going",
      })
  void alwaysProducesAPlainSlug(String title) {
    String branch = BranchNames.forTitle(title, 9);
    String slug = branch.substring(branch.indexOf('/') + 1);
    assertTrue(slug.matches("^[a-z0-9]+(-[a-z0-9]+)*$"), slug);
    assertTrue(slug.length() <= 40, slug);
  }
}
