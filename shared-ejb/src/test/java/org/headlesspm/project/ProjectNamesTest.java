package org.headlesspm.project;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** Name and path sanitising of API.md 4.11.1 / 4.11.3 and OPERATIONS.md 7.2. */
class ProjectNamesTest {

  @Nested
  class DirectoryName {

    @ParameterizedTest(name = "\"{0}\" -> {1}")
    @CsvSource(
        delimiter = '|',
        value = {
          "Headless-PM          | headless-pm",
          "My_Project           | my-project",
          "My Proj!             | myproj",
          "My Project           | myproject",
          "Test&&rm -rf /       | testrm-rf",
          "../../../etc         | etc",
          "Café                 | caf",
          "Test-App_2           | test-app-2",
          "a__--__b             | a-b",
          "_-_leading-trailing-_ | leading-trailing",
          "UPPER                | upper",
          "'  padded name  '    | paddedname",
        })
    void sanitisesNamesAsInTheSpecificationExamples(String raw, String expected) {
      assertEquals(expected, ProjectNames.directoryName(raw));
    }

    @ParameterizedTest(name = "\"{0}\" is refused")
    @NullAndEmptySource
    @ValueSource(strings = {"   ", "\t\n", "!!!", "___", "-_-", "éàü", "../..", "/"})
    void refusesNamesWithNothingUsableLeft(String raw) {
      assertThrows(IllegalArgumentException.class, () -> ProjectNames.directoryName(raw));
    }

    @Test
    void blankNameIsReportedAsEmpty() {
      IllegalArgumentException error =
          assertThrows(IllegalArgumentException.class, () -> ProjectNames.directoryName("   "));
      assertEquals("Project name cannot be empty", error.getMessage());
    }

    @Test
    void cutsSixtyCharacterNameToFifty() {
      String name = "abcdefghij".repeat(6);
      assertEquals(60, name.length());
      assertEquals(name.substring(0, 50), ProjectNames.directoryName(name));
    }

    @Test
    void stripsSeparatorsLeftAtTheEndOfTheCut() {
      // 49 letters, a separator at position 50, then ten more letters: the cut ends on "-".
      String name = "a".repeat(49) + "_" + "b".repeat(10);
      assertEquals(60, name.length());
      assertEquals("a".repeat(49), ProjectNames.directoryName(name));
    }

    @Test
    void measuresTheLengthAfterRemovingUnsafeCharacters() {
      String name = "a!".repeat(30); // 60 characters, 30 once cleaned
      assertEquals("a".repeat(30), ProjectNames.directoryName(name));
    }

    @ParameterizedTest
    @ValueSource(
        strings = {
          "x",
          "Some Project",
          "a-b-c",
          "Test&&rm -rf /",
          "Abcdefghij_Abcdefghij_Abcdefghij_Abcdefghij_Abcdefghij_Abcdefghij"
        })
    void alwaysProducesAValidDirectoryName(String raw) {
      String safe = ProjectNames.directoryName(raw);
      assertTrue(safe.matches("^[a-z0-9]([a-z0-9_-]*[a-z0-9])?$"), safe);
      assertTrue(safe.length() <= 50, safe);
    }
  }

  @Nested
  class FileName {

    @ParameterizedTest(name = "\"{0}\" -> {1}")
    @CsvSource(
        delimiter = '|',
        value = {
          "document file.txt  | documentfile.txt",
          "test file.txt      | testfile.txt",
          "test$(whoami).log  | testwhoami.log",
          "My File!.MD        | myfile.md",
          "archive.tar.gz     | archivetar.gz",
          "README.md          | readme.md",
          "document-v2.md     | document-v2.md",
          "noext              | noext",
          "notes_v1__final.md | notes-v1-final.md",
          "report.M-D         | report.md",
          "trailing.          | trailing",
          "data.!!!           | data",
        })
    void sanitisesFileNamesAsInTheSpecificationExamples(String raw, String expected) {
      assertEquals(expected, ProjectNames.fileName(raw));
    }

    @ParameterizedTest(name = "\"{0}\" is refused")
    @NullAndEmptySource
    @ValueSource(strings = {".md", "!!!.txt", "___.md", "$().log"})
    void refusesFileNamesWithoutAUsableStem(String raw) {
      assertThrows(IllegalArgumentException.class, () -> ProjectNames.fileName(raw));
    }

    @Test
    void cutsTheStemSoTheWholeNameIsAtMostFifty() {
      String safe = ProjectNames.fileName("a".repeat(60) + ".md");
      assertEquals("a".repeat(47) + ".md", safe);
      assertEquals(50, safe.length());
    }

    @Test
    void keepsTheExtensionWhenTheStemIsCut() {
      String safe = ProjectNames.fileName("b".repeat(80) + ".markdown");
      assertTrue(safe.endsWith(".markdown"), safe);
      assertEquals(50, safe.length());
    }

    @Test
    void stripsSeparatorsLeftAtTheEndOfTheCutStem() {
      // room for the stem is 47; the 47th character is a separator.
      String safe = ProjectNames.fileName("a".repeat(46) + "-" + "b".repeat(10) + ".md");
      assertEquals("a".repeat(46) + ".md", safe);
    }

    @Test
    void leavesShortNamesUncut() {
      String name = "a".repeat(46) + ".md"; // 49 characters
      assertEquals(name, ProjectNames.fileName(name));
    }
  }

  @Nested
  class DocumentPath {

    @ParameterizedTest(name = "\"{0}\" -> {1}")
    @CsvSource(
        delimiter = '|',
        value = {
          "Sub Dir/My File!.MD     | subdir/myfile.md",
          "./a/../b.md             | a/b.md",
          "../../etc/passwd        | etc/passwd",
          "a//b.md                 | a/b.md",
          "/leading/slash.md       | leading/slash.md",
          "notes.md                | notes.md",
          ".hidden/notes.md        | hidden/notes.md",
          ".hidden                 | hidden",
          "My_Docs/Sub_Dir/x.TXT   | my-docs/sub-dir/x.txt",
          "folder                  | folder",
        })
    void sanitisesEverySegment(String raw, String expected) {
      assertEquals(expected, ProjectNames.documentPath(raw));
    }

    @ParameterizedTest(name = "\"{0}\" is refused")
    @ValueSource(strings = {"", "/", "//", "./..", "../../"})
    void refusesPathsWithoutSegments(String raw) {
      assertThrows(IllegalArgumentException.class, () -> ProjectNames.documentPath(raw));
    }

    @Test
    void refusesAPathWithAnUnusableSegment() {
      assertThrows(IllegalArgumentException.class, () -> ProjectNames.documentPath("ok/!!!/x.md"));
    }

    @Test
    void producesPathsThatPassTheReadCheck() {
      String safe = ProjectNames.documentPath("../Sub Dir/./a..b/My File!.MD");
      assertDoesNotThrow(() -> ProjectNames.checkRelativePath(safe));
    }
  }

  @Nested
  class CheckRelativePath {

    @ParameterizedTest(name = "\"{0}\" is accepted")
    @ValueSource(strings = {"subdir/myfile.md", "myfile.md", "a.b/c.md", "deep/er/file"})
    void acceptsPlainRelativePaths(String path) {
      assertDoesNotThrow(() -> ProjectNames.checkRelativePath(path));
    }

    @ParameterizedTest(name = "\"{0}\" is refused")
    @NullAndEmptySource
    void refusesAnEmptyPath(String path) {
      IllegalArgumentException error =
          assertThrows(IllegalArgumentException.class, () -> ProjectNames.checkRelativePath(path));
      assertEquals("Both file_path and base_path must be provided", error.getMessage());
    }

    @ParameterizedTest(name = "\"{0}\" is refused")
    @ValueSource(strings = {"../x", "a/../b.md", "a..b.md", "..", "/abs", "/", "a\\b", "\\x"})
    void refusesTraversal(String path) {
      IllegalArgumentException error =
          assertThrows(IllegalArgumentException.class, () -> ProjectNames.checkRelativePath(path));
      assertEquals("Path contains invalid traversal characters", error.getMessage());
    }

    @ParameterizedTest(name = "control character U+{0}")
    @ValueSource(ints = {0x00, 0x01, 0x09, 0x0a, 0x0d, 0x1f})
    void refusesControlCharacters(int control) {
      String path = "a" + (char) control + "b";
      IllegalArgumentException error =
          assertThrows(IllegalArgumentException.class, () -> ProjectNames.checkRelativePath(path));
      assertEquals("Path contains invalid control characters", error.getMessage());
    }

    @Test
    void refusesNulAndNewlineNamedInTheContract() {
      assertThrows(
          IllegalArgumentException.class, () -> ProjectNames.checkRelativePath("a\u0000b"));
      assertThrows(IllegalArgumentException.class, () -> ProjectNames.checkRelativePath("a\nb"));
    }
  }
}
