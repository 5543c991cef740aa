package org.headlesspm.project;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.headlesspm.project.RepositorySettings.GitHttp;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** Repository configuration of projects, API-ADDENDUM.md A4.5. */
class RepositorySettingsTest {

  private static final GitHttp UNSET = new GitHttp(null, null, null);

  private static String reason(Runnable check) {
    return assertThrows(IllegalArgumentException.class, check::run).getMessage();
  }

  @Nested
  class GeneratedUrl {

    @ParameterizedTest(name = "\"{0}\" -> {1}")
    @CsvSource(
        delimiter = '|',
        value = {
          "Headless-PM | http://localhost:8080/git/headless-pm.git",
          "My Proj!    | http://localhost:8080/git/myproj.git",
        })
    void usesTheProjectDirectory(String projectName, String expected) {
      String directory = ProjectNames.directoryName(projectName);
      assertEquals(expected, UNSET.url(directory));
      assertEquals(expected, RepositorySettings.generatedUrl(directory, UNSET));
    }

    @Test
    void usesGitHttpHostAndPort() {
      assertEquals(
          "http://git.test:9000/git/headless-pm.git",
          new GitHttp("git.test", "container-id", "9000").url("headless-pm"));
    }

    @ParameterizedTest(name = "port \"{0}\" -> 8080")
    @NullAndEmptySource
    @ValueSource(strings = {"   ", "\t"})
    void blankPortMeans8080(String port) {
      assertEquals(
          "http://git.test:8080/git/headless-pm.git",
          new GitHttp("git.test", null, port).url("headless-pm"));
    }

    @ParameterizedTest(name = "GIT_HTTP_HOST \"{0}\" -> HOSTNAME")
    @NullAndEmptySource
    @ValueSource(strings = {"   "})
    void usesHostnameWhenGitHttpHostIsBlank(String gitHttpHost) {
      assertEquals(
          "http://box.local:8080/git/app.git",
          new GitHttp(gitHttpHost, "box.local", "").url("app"));
    }

    @Test
    void usesLocalhostWhenBothHostsAreBlank() {
      assertEquals("http://localhost:8080/git/app.git", new GitHttp(" ", "", null).url("app"));
      assertEquals("localhost", new GitHttp(null, null, null).host());
    }

    @Test
    void gitHttpHostComesFirst() {
      GitHttp both = new GitHttp("git.test", "container-id", null);
      assertEquals("git.test", both.host());
      assertEquals("8080", both.port());
    }

    @Test
    void stripsConfiguredValues() {
      assertEquals(
          "http://git.test:9000/git/app.git", new GitHttp(" git.test ", null, " 9000 ").url("app"));
    }

    @Test
    void refusesABlankDirectory() {
      assertThrows(IllegalArgumentException.class, () -> UNSET.url(" "));
      assertThrows(IllegalArgumentException.class, () -> UNSET.url(null));
    }
  }

  @Nested
  class CheckUrl {

    @ParameterizedTest(name = "\"{0}\" is accepted")
    @ValueSource(
        strings = {
          // the A4.5 examples
          "https://github.com/acme/app.git",
          "git@github.com:acme/app.git",
          "ssh://git@host:2222/app.git",
          "file:///srv/git/app.git",
          "/srv/git/app.git",
          // placeholders written by main's migration
          "https://github.com/placeholder/my-project.git",
          // more of each form
          "http://localhost:8080/git/headless-pm.git",
          "HTTPS://GitHub.com/acme/app.git",
          "Git://host/app.git",
          "git://host/app.git",
          "SSH://host/app",
          "github.com:acme/app.git",
          "host:app",
          "user@host:~/app.git",
          "/",
          "/a://b",
          "https://x",
        })
    void acceptsRepositoryAddresses(String url) {
      assertEquals(url, RepositorySettings.checkUrl(url));
    }

    @Test
    void returnsTheStrippedValue() {
      assertEquals(
          "https://github.com/acme/app.git",
          RepositorySettings.checkUrl("  https://github.com/acme/app.git \n"));
    }

    @ParameterizedTest(name = "\"{0}\" is refused")
    @ValueSource(
        strings = {
          // the A4.5 examples
          "my repo",
          "ftp://host/app.git",
          "github.com/acme/app",
          "C:\\repo",
          // more
          "https://",
          "http://",
          "://host/app",
          "svn://host/app",
          "https:// host/app",
          "https://host/a\tb",
          "https://host/a\u0000b",
          "https://host/a\u007fb",
          "https://host/a\u00a0b",
          "\\\\server\\share",
          "relative/path",
          "app",
          "host:",
          ":path",
          "@host:path",
          "user@:path",
          "a/b:path",
          "./app.git",
          "../app.git",
          "~/app.git",
        })
    void refusesOtherValues(String url) {
      assertThrows(IllegalArgumentException.class, () -> RepositorySettings.checkUrl(url));
    }

    @ParameterizedTest(name = "\"{0}\" is empty")
    @NullAndEmptySource
    @ValueSource(strings = {"   "})
    void refusesEmptyValues(String url) {
      assertEquals("must not be empty", reason(() -> RepositorySettings.checkUrl(url)));
    }

    @Test
    void givesAReason() {
      assertEquals(
          "must not contain whitespace", reason(() -> RepositorySettings.checkUrl("my repo")));
      assertEquals(
          "must not contain a backslash", reason(() -> RepositorySettings.checkUrl("C:\\repo")));
      assertEquals(
          "must not contain control characters",
          reason(() -> RepositorySettings.checkUrl("a\u0001b")));
      assertEquals(
          "unsupported scheme 'ftp' (use http, https, ssh, git or file)",
          reason(() -> RepositorySettings.checkUrl("ftp://host/app.git")));
      assertEquals(
          "expected <scheme>://..., [user@]host:path or an absolute path",
          reason(() -> RepositorySettings.checkUrl("github.com/acme/app")));
      assertEquals(
          "nothing after 'https://'", reason(() -> RepositorySettings.checkUrl("https://")));
    }

    @Test
    void accepts255Characters() {
      String url = "https://example.com/" + "a".repeat(231) + ".git";
      assertEquals(255, url.length());
      assertEquals(url, RepositorySettings.checkUrl(url));
      String scp = "git@example.com:" + "b".repeat(239);
      assertEquals(255, scp.length());
      assertEquals(scp, RepositorySettings.checkUrl(scp));
      String path = "/" + "c".repeat(254);
      assertEquals(path, RepositorySettings.checkUrl(path));
    }
  }

  @Nested
  class CheckMainBranch {

    @ParameterizedTest(name = "\"{0}\" is accepted")
    @ValueSource(
        strings = {
          "main",
          "master",
          "develop",
          "release/2.0",
          "feature/x-y_z",
          "v1.2.3",
          "a.b",
          "a/b/c",
          "@a",
          "a@b",
          "x.lockx",
          "x.lock/y",
          "trunk-",
          "ünïcödé",
          "a@",
          "1",
        })
    void acceptsBranchNames(String branch) {
      assertEquals(branch, RepositorySettings.checkMainBranch(branch));
    }

    @Test
    void returnsTheStrippedValue() {
      assertEquals("develop", RepositorySettings.checkMainBranch("  develop\t"));
    }

    @ParameterizedTest(name = "\"{0}\" is refused")
    @ValueSource(
        strings = {
          // the A4.5 examples
          "my branch",
          "-x",
          "a..b",
          "feature.lock",
          ".hidden",
          // every rule
          "a~b",
          "a^b",
          "a:b",
          "a?b",
          "a*b",
          "a[b",
          "a\\b",
          "a@{b",
          "a//b",
          "/a",
          "a/",
          "a.",
          "a/.b",
          "a/.b/c",
          "@",
          "a\tb",
          "a\u0000b",
          "a\u007fb",
          "a\u00a0b",
          "..",
          ".",
          "/",
          "x.lock",
          "release/2.0.lock",
        })
    void refusesInvalidBranchNames(String branch) {
      assertThrows(
          IllegalArgumentException.class, () -> RepositorySettings.checkMainBranch(branch));
    }

    @ParameterizedTest(name = "\"{0}\" is empty")
    @NullAndEmptySource
    @ValueSource(strings = {"  ", "\t"})
    void blankIsReportedAsEmpty(String branch) {
      assertEquals("must not be empty", reason(() -> RepositorySettings.checkMainBranch(branch)));
    }

    @ParameterizedTest(name = "\"{0}\": {1}")
    @CsvSource(
        delimiter = '|',
        value = {
          "my branch    | must not contain whitespace",
          "-x           | must not start with '-'",
          "/x           | must not start with '/'",
          "a..b         | must not contain '..'",
          "feature.lock | must not end with '.lock'",
          "a.           | must not end with '.'",
          "a/           | must not end with '/'",
          ".hidden      | no part may start with '.'",
          "a~b          | must not contain '~'",
          "a@{1}        | must not contain '@{'",
          "@            | must not be '@'",
        })
    void givesAReason(String branch, String expected) {
      assertEquals(expected, reason(() -> RepositorySettings.checkMainBranch(branch)));
    }

    @Test
    void accepts255CharactersAndNoMore() {
      String branch = "release/" + "a".repeat(247);
      assertEquals(255, branch.length());
      assertEquals(branch, RepositorySettings.checkMainBranch(branch));
      assertEquals(
          "must be at most 255 characters long",
          reason(() -> RepositorySettings.checkMainBranch(branch + "b")));
    }

    @Test
    void countsCharactersNotUtf16Units() {
      String branch = "\uD83D\uDE00".repeat(255); // 255 emoji, 510 UTF-16 units
      assertEquals(branch, RepositorySettings.checkMainBranch(branch));
    }
  }

  @Nested
  class CheckClonePath {

    @ParameterizedTest(name = "\"{0}\" is accepted")
    @ValueSource(
        strings = {
          "/home/dev/app",
          "~/src/app",
          "C:\\Users\\dev\\app",
          "my projects/app",
          "..",
          "anything: at all * ? [ ]",
        })
    void acceptsFreeText(String path) {
      assertEquals(path, RepositorySettings.checkClonePath(path));
    }

    @Test
    void returnsTheStrippedValue() {
      assertEquals("/srv/app", RepositorySettings.checkClonePath("\t /srv/app \n"));
    }

    @ParameterizedTest(name = "control character U+{0}")
    @ValueSource(ints = {0x00, 0x01, 0x09, 0x0a, 0x0d, 0x1b, 0x1f, 0x7f, 0x85, 0x9f})
    void refusesControlCharacters(int control) {
      String path = "/srv" + (char) control + "app";
      assertEquals(
          "must not contain control characters",
          reason(() -> RepositorySettings.checkClonePath(path)));
    }

    @ParameterizedTest(name = "\"{0}\" is empty")
    @NullAndEmptySource
    @ValueSource(strings = {"   "})
    void refusesEmptyValues(String path) {
      assertEquals("must not be empty", reason(() -> RepositorySettings.checkClonePath(path)));
    }

    @Test
    void accepts255Characters() {
      String path = "/" + "p".repeat(254);
      assertEquals(path, RepositorySettings.checkClonePath(path));
    }
  }
}
