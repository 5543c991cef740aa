package org.headlesspm.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The shell functions of {@code docker/lib/common.sh} shared by {@code ./hpm} and the container
 * entrypoint: {@code DATABASE_URL} resolution (OPERATIONS.md 6.1) and {@code .env} reading (1.1).
 */
class DatabaseUrlResolutionTest {

  private static final Path COMMON_SH = repositoryRoot().resolve("docker/lib/common.sh");

  /** What a finished bash process said. */
  record Result(int exitCode, String stdout, String stderr) {}

  /** Walks up from the working directory to the folder holding {@code hpm} and the scripts. */
  static Path repositoryRoot() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      if (Files.exists(dir.resolve("hpm"))
          && Files.isRegularFile(dir.resolve("docker/lib/common.sh"))) {
        return dir;
      }
    }
    throw new IllegalStateException("no repository root above " + Path.of("").toAbsolutePath());
  }

  /**
   * Runs {@code script} after sourcing common.sh, with {@code args} as $1, $2, ...; the variables
   * named in {@code unset} are removed from the inherited environment, then {@code environment} is
   * added.
   */
  static Result bash(
      String script, Map<String, String> environment, List<String> unset, String... args) {
    List<String> command = new ArrayList<>(List.of("bash", "-c", "source \"$0\"; " + script));
    command.add(COMMON_SH.toString()); // $0
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command);
    unset.forEach(builder.environment()::remove);
    builder.environment().putAll(environment);
    try {
      Process process = builder.start();
      process.getOutputStream().close();
      byte[] stdout = process.getInputStream().readAllBytes();
      byte[] stderr = process.getErrorStream().readAllBytes();
      assertTrue(process.waitFor(30, TimeUnit.SECONDS), "bash did not finish");
      return new Result(
          process.exitValue(),
          new String(stdout, StandardCharsets.UTF_8),
          new String(stderr, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Test
  void findsTheScriptsOfThisRepository() {
    assertTrue(Files.isRegularFile(COMMON_SH), COMMON_SH.toString());
  }

  @Nested
  class ResolveDbFile {

    @TempDir Path tempHome;

    /** The home as bash's realpath reports it (the temp folder may sit behind a symlink). */
    Path home;

    @BeforeEach
    void createDatabaseFolder() throws IOException {
      home = tempHome.toRealPath();
      Files.createDirectories(home.resolve("database"));
    }

    Result resolve(String url) {
      return bash("hpm_resolve_db_file \"$1\" \"$2\"", Map.of(), List.of(), url, home.toString());
    }

    String resolved(String url) {
      Result result = resolve(url);
      assertEquals(0, result.exitCode(), "refused " + url + ": " + result.stderr());
      assertEquals("", result.stderr());
      return result.stdout().strip();
    }

    @Test
    void fourSlashUrlIsAnAbsolutePath(@TempDir Path elsewhere) throws IOException {
      Path folder = elsewhere.toRealPath();
      assertTrue(folder.isAbsolute());
      assertEquals(
          folder.resolve("path.db").toString(), resolved("sqlite:///" + folder + "/path.db"));
    }

    @Test
    void threeSlashUrlIsRelativeToHome() {
      assertEquals(home.resolve("database/x.db").toString(), resolved("sqlite:///database/x.db"));
    }

    @Test
    void relativeJdbcUrlIsRelativeToHome() {
      assertEquals(home.resolve("database/x.db").toString(), resolved("jdbc:sqlite:database/x.db"));
    }

    @Test
    void absoluteJdbcUrlIsKept(@TempDir Path elsewhere) throws IOException {
      Path folder = elsewhere.toRealPath();
      assertEquals(folder.resolve("x.db").toString(), resolved("jdbc:sqlite:" + folder + "/x.db"));
    }

    @Test
    void barePathIsRelativeToHome() {
      assertEquals(home.resolve("database/x.db").toString(), resolved("database/x.db"));
    }

    @Test
    void bareAbsolutePathIsKept() {
      Path file = home.resolve("database/abs.db");
      assertEquals(file.toString(), resolved(file.toString()));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(
        strings = {
          "./database/../database/x.db",
          "sqlite:///./database/x.db",
          "jdbc:sqlite:./database//x.db",
          "database/./x.db",
        })
    void normalisesDotSegments(String url) {
      assertEquals(home.resolve("database/x.db").toString(), resolved(url));
    }

    @Test
    void givesAnAbsolutePathWhateverTheWorkingDirectory() {
      assertTrue(Path.of(resolved("database/x.db")).isAbsolute());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(
        strings = {
          "sqlite:///database/x.db?mode=ro",
          "jdbc:sqlite:database/x.db?journal_mode=WAL",
          "database/x.db?x=1",
        })
    void refusesQueryStrings(String url) {
      Result result = resolve(url);
      assertEquals(1, result.exitCode());
      assertEquals("", result.stdout());
      assertTrue(result.stderr().contains("query string"), result.stderr());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(
        strings = {
          "mysql://h/db",
          "mysql+pymysql://user:pw@h:3306/db",
          "postgresql://h/db",
          "jdbc:mysql://h/db"
        })
    void refusesUrlsThatAreNotSqlite(String url) {
      Result result = resolve(url);
      assertEquals(1, result.exitCode());
      assertEquals("", result.stdout());
      assertTrue(result.stderr().contains("not a SQLite URL"), result.stderr());
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"sqlite:///", "jdbc:sqlite:", ""})
    void refusesUrlsNamingNoFile(String url) {
      Result result = resolve(url);
      assertEquals(1, result.exitCode());
      assertEquals("", result.stdout());
      assertFalse(result.stderr().isBlank());
    }

    @Test
    void refusesAMissingFolderSuggestingFourSlashesForAThreeSlashUrl() {
      Result result = resolve("sqlite:///nonexistent/dir/x.db");
      assertEquals(1, result.exitCode());
      assertEquals("", result.stdout());
      assertTrue(
          result.stderr().contains(home.resolve("nonexistent/dir").toString()), result.stderr());
      assertTrue(result.stderr().contains("sqlite:////"), result.stderr());
    }

    @Test
    void refusesAMissingFolderOfOtherFormsNamingThePath() {
      Result result = resolve("jdbc:sqlite:missing/x.db");
      assertEquals(1, result.exitCode());
      assertEquals("", result.stdout());
      assertTrue(result.stderr().contains(home.resolve("missing").toString()), result.stderr());
      assertFalse(result.stderr().contains("sqlite:////"), result.stderr());
    }

    @Test
    void acceptsAMissingOrEmptyFileAndASqliteFile() throws IOException {
      Path db = home.resolve("database/x.db");
      assertEquals(0, check(db).exitCode(), "missing file");
      Files.createFile(db);
      assertEquals(0, check(db).exitCode(), "empty file");
      Files.write(db, "SQLite format 3\0rest of the header".getBytes(StandardCharsets.UTF_8));
      Result sqlite = check(db);
      assertEquals(0, sqlite.exitCode(), sqlite.stderr());
      assertEquals("", sqlite.stderr());
    }

    @Test
    void refusesAFileThatIsNotASqliteDatabase() throws IOException {
      Path db = home.resolve("database/x.db");
      Files.writeString(db, "notes, not a database");
      Result result = check(db);
      assertEquals(1, result.exitCode());
      assertTrue(result.stderr().contains(db + " is not a SQLite database"), result.stderr());
      Files.write(db, new byte[] {0, 1, 2, 0, 'x'});
      Result binary = check(db);
      assertEquals(1, binary.exitCode());
      assertFalse(binary.stderr().contains("null byte"), binary.stderr());
    }

    Result check(Path file) {
      return bash("hpm_check_db_file \"$1\"", Map.of(), List.of(), file.toString());
    }

    @Test
    void refusesAMissingAbsoluteFolderWithoutTheFourSlashHint() {
      Path missing = home.resolve("absent");
      Result result = resolve("sqlite:///" + missing + "/x.db");
      assertEquals(1, result.exitCode());
      assertTrue(result.stderr().contains(missing.toString()), result.stderr());
      assertFalse(result.stderr().contains("Hint"), result.stderr());
    }
  }

  @Nested
  class LoadEnvFile {

    @TempDir Path folder;

    /** Loads {@code lines} as a .env file and reports each variable as NAME=[value] or unset. */
    Map<String, String> load(List<String> lines, Map<String, String> environment, String... names)
        throws IOException {
      Path file = folder.resolve(".env");
      Files.write(file, lines, StandardCharsets.UTF_8);
      StringBuilder report = new StringBuilder("hpm_load_env_file \"$1\" || exit 9; shift; ");
      report.append(
          "for n in \"$@\"; do if [ -n \"${!n+x}\" ]; then printf '%s=[%s]\\n' \"$n\" \"${!n}\";");
      report.append(" else printf '%s unset\\n' \"$n\"; fi; done");
      List<String> args = new ArrayList<>();
      args.add(file.toString());
      args.addAll(List.of(names));
      Result result =
          bash(report.toString(), environment, List.of(names), args.toArray(String[]::new));
      assertEquals(0, result.exitCode(), result.stderr());
      Map<String, String> values = new LinkedHashMap<>();
      for (String line : result.stdout().split("\n")) {
        if (line.endsWith(" unset")) {
          values.put(line.substring(0, line.length() - " unset".length()), null);
        } else if (!line.isEmpty()) {
          int eq = line.indexOf("=[");
          values.put(line.substring(0, eq), line.substring(eq + 2, line.length() - 1));
        }
      }
      assertEquals(List.of(names), List.copyOf(values.keySet()), result.stdout());
      return values;
    }

    @Test
    void readsKeyValueLines() throws IOException {
      Map<String, String> values =
          load(
              List.of("HPM_T_PORT=6969", "HPM_T_URL=sqlite:////app/database/headless-pm.db"),
              Map.of(),
              "HPM_T_PORT",
              "HPM_T_URL");
      assertEquals("6969", values.get("HPM_T_PORT"));
      assertEquals("sqlite:////app/database/headless-pm.db", values.get("HPM_T_URL"));
    }

    @Test
    void keepsEverythingAfterTheFirstEqualsSign() throws IOException {
      Map<String, String> values = load(List.of("HPM_T_EXPR=a=b=c"), Map.of(), "HPM_T_EXPR");
      assertEquals("a=b=c", values.get("HPM_T_EXPR"));
    }

    @Test
    void stripsOnePairOfSurroundingQuotes() throws IOException {
      Map<String, String> values =
          load(
              List.of(
                  "HPM_T_DOUBLE=\"sqlite\"",
                  "HPM_T_SINGLE='two words'",
                  "HPM_T_NESTED=\"\"inner\"\"",
                  "HPM_T_LONE=\"unbalanced",
                  "HPM_T_EMPTY=\"\""),
              Map.of(),
              "HPM_T_DOUBLE",
              "HPM_T_SINGLE",
              "HPM_T_NESTED",
              "HPM_T_LONE",
              "HPM_T_EMPTY");
      assertEquals("sqlite", values.get("HPM_T_DOUBLE"));
      assertEquals("two words", values.get("HPM_T_SINGLE"));
      assertEquals("\"inner\"", values.get("HPM_T_NESTED"));
      assertEquals("\"unbalanced", values.get("HPM_T_LONE"));
      assertEquals("", values.get("HPM_T_EMPTY"));
    }

    @Test
    void skipsCommentsAndBlankLines() throws IOException {
      Map<String, String> values =
          load(
              List.of(
                  "# HPM_T_COMMENTED=1",
                  "#HPM_T_TIGHT=1",
                  "   # HPM_T_INDENTED=1",
                  "",
                  "   ",
                  "HPM_T_AFTER=yes",
                  "not a setting"),
              Map.of(),
              "HPM_T_COMMENTED",
              "HPM_T_TIGHT",
              "HPM_T_INDENTED",
              "HPM_T_AFTER");
      assertEquals(null, values.get("HPM_T_COMMENTED"));
      assertEquals(null, values.get("HPM_T_TIGHT"));
      assertEquals(null, values.get("HPM_T_INDENTED"));
      assertEquals("yes", values.get("HPM_T_AFTER"));
    }

    @Test
    void doesNotOverrideVariablesAlreadySet() throws IOException {
      Map<String, String> values =
          load(
              List.of("HPM_T_SET=from-file", "HPM_T_EMPTY_SET=from-file", "HPM_T_NEW=from-file"),
              Map.of("HPM_T_SET", "from-environment", "HPM_T_EMPTY_SET", ""),
              "HPM_T_SET",
              "HPM_T_EMPTY_SET",
              "HPM_T_NEW");
      assertEquals("from-environment", values.get("HPM_T_SET"));
      assertEquals("", values.get("HPM_T_EMPTY_SET"));
      assertEquals("from-file", values.get("HPM_T_NEW"));
    }

    @Test
    void acceptsExportPrefixAndALastLineWithoutNewline() throws IOException {
      Path file = folder.resolve(".env");
      Files.writeString(file, "export HPM_T_EXPORTED=1\nHPM_T_LAST=end", StandardCharsets.UTF_8);
      Result result =
          bash(
              "hpm_load_env_file \"$1\"; printf '%s|%s' \"$HPM_T_EXPORTED\" \"$HPM_T_LAST\"",
              Map.of(), List.of("HPM_T_EXPORTED", "HPM_T_LAST"), file.toString());
      assertEquals(0, result.exitCode(), result.stderr());
      assertEquals("1|end", result.stdout());
    }

    @Test
    void exportsTheValuesToChildProcesses() throws IOException {
      Path file = folder.resolve(".env");
      Files.writeString(file, "HPM_T_CHILD=seen\n", StandardCharsets.UTF_8);
      Result result =
          bash(
              "hpm_load_env_file \"$1\"; bash -c 'printf %s \"$HPM_T_CHILD\"'",
              Map.of(), List.of("HPM_T_CHILD"), file.toString());
      assertEquals("seen", result.stdout());
    }

    @Test
    void ignoresAMissingFile() {
      Result result =
          bash(
              "hpm_load_env_file \"$1\"",
              Map.of(),
              List.of(),
              folder.resolve("absent.env").toString());
      assertEquals(0, result.exitCode(), result.stderr());
    }
  }
}
