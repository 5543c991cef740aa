package org.headlesspm.project;

import java.util.Locale;
import java.util.Set;

/**
 * Repository configuration of projects (API-ADDENDUM.md A4.5): the generated URL and the validation
 * of {@code repository_url}, {@code repository_main_branch} and {@code repository_clone_path}. Each
 * check strips surrounding whitespace and returns the stripped value, or throws {@link
 * IllegalArgumentException} with a short reason that the caller puts after {@code Invalid
 * repository URL: } and the like.
 */
public final class RepositorySettings {

  /** Longest accepted branch name, in characters (code points). */
  public static final int MAX_BRANCH_LENGTH = 255;

  public static final String DEFAULT_MAIN_BRANCH = "main";
  public static final String DEFAULT_HOST = "localhost";
  public static final String DEFAULT_PORT = "8080";

  private static final Set<String> SCHEMES = Set.of("http", "https", "ssh", "git", "file");
  private static final String BRANCH_FORBIDDEN = "~^:?*[\\";

  private RepositorySettings() {}

  /**
   * The configured values behind generated URLs, each as read (null or blank when unset): {@code
   * GIT_HTTP_HOST}, {@code HOSTNAME} and {@code GIT_HTTP_PORT}.
   */
  public record GitHttp(String gitHttpHost, String hostname, String gitHttpPort) {

    /** The first non-blank of {@code GIT_HTTP_HOST}, {@code HOSTNAME} and {@code localhost}. */
    public String host() {
      if (!isBlank(gitHttpHost)) {
        return gitHttpHost.strip();
      }
      if (!isBlank(hostname)) {
        return hostname.strip();
      }
      return DEFAULT_HOST;
    }

    /** {@code GIT_HTTP_PORT} if non-blank, else {@code 8080}. */
    public String port() {
      return isBlank(gitHttpPort) ? DEFAULT_PORT : gitHttpPort.strip();
    }

    /**
     * {@code http://<host>:<port>/git/<directory>.git}, for the project directory of {@link
     * ProjectNames#directoryName(String)}.
     */
    public String url(String directory) {
      if (isBlank(directory)) {
        throw new IllegalArgumentException("Project directory cannot be empty");
      }
      return "http://" + host() + ":" + port() + "/git/" + directory + ".git";
    }
  }

  /** Shorthand for {@code gitHttp.url(directory)}. */
  public static String generatedUrl(String directory, GitHttp gitHttp) {
    return gitHttp.url(directory);
  }

  /**
   * A repository URL: {@code <scheme>://<rest>} (http, https, ssh, git, file), scp-like {@code
   * [<user>@]<host>:<path>}, or an absolute path; no whitespace, control character or backslash.
   */
  public static String checkUrl(String raw) {
    String url = stripped(raw);
    rejectWhitespaceAndControls(url);
    if (url.indexOf('\\') >= 0) {
      throw new IllegalArgumentException("must not contain a backslash");
    }
    if (url.startsWith("/")) {
      return url; // an absolute path
    }
    int separator = url.indexOf("://");
    if (separator >= 0) {
      String scheme = url.substring(0, separator);
      if (!SCHEMES.contains(scheme.toLowerCase(Locale.ROOT))) {
        throw new IllegalArgumentException(
            "unsupported scheme '" + scheme + "' (use http, https, ssh, git or file)");
      }
      if (separator + 3 == url.length()) {
        throw new IllegalArgumentException("nothing after '" + scheme + "://'");
      }
      return url;
    }
    int colon = url.indexOf(':');
    if (colon < 0) {
      throw new IllegalArgumentException(
          "expected <scheme>://..., [user@]host:path or an absolute path");
    }
    String userAndHost = url.substring(0, colon);
    if (userAndHost.indexOf('/') >= 0) {
      throw new IllegalArgumentException("'/' before the ':' of a [user@]host:path address");
    }
    int at = userAndHost.lastIndexOf('@');
    if (at == 0) {
      throw new IllegalArgumentException("empty user before '@'");
    }
    if (at + 1 == userAndHost.length()) {
      throw new IllegalArgumentException("empty host before ':'");
    }
    if (colon + 1 == url.length()) {
      throw new IllegalArgumentException("empty path after ':'");
    }
    return url;
  }

  /** A git branch name (the rules of {@code git check-ref-format --branch}, as listed in A4.5). */
  public static String checkMainBranch(String raw) {
    String branch = stripped(raw);
    if (branch.codePointCount(0, branch.length()) > MAX_BRANCH_LENGTH) {
      throw new IllegalArgumentException(
          "must be at most " + MAX_BRANCH_LENGTH + " characters long");
    }
    rejectWhitespaceAndControls(branch);
    for (int i = 0; i < branch.length(); i++) {
      char c = branch.charAt(i);
      if (BRANCH_FORBIDDEN.indexOf(c) >= 0) {
        throw new IllegalArgumentException("must not contain '" + c + "'");
      }
    }
    for (String sequence : new String[] {"..", "@{", "//"}) {
      if (branch.contains(sequence)) {
        throw new IllegalArgumentException("must not contain '" + sequence + "'");
      }
    }
    if (branch.equals("@")) {
      throw new IllegalArgumentException("must not be '@'");
    }
    if (branch.startsWith("-") || branch.startsWith("/")) {
      throw new IllegalArgumentException("must not start with '" + branch.charAt(0) + "'");
    }
    for (String ending : new String[] {"/", ".lock", "."}) {
      if (branch.endsWith(ending)) {
        throw new IllegalArgumentException("must not end with '" + ending + "'");
      }
    }
    for (String part : branch.split("/")) {
      if (part.startsWith(".")) {
        throw new IllegalArgumentException("no part may start with '.'");
      }
    }
    return branch;
  }

  /** A clone path: free text without control characters. */
  public static String checkClonePath(String raw) {
    String path = stripped(raw);
    if (path.codePoints().anyMatch(Character::isISOControl)) {
      throw new IllegalArgumentException("must not contain control characters");
    }
    return path;
  }

  private static String stripped(String raw) {
    if (isBlank(raw)) {
      throw new IllegalArgumentException("must not be empty");
    }
    return raw.strip();
  }

  private static void rejectWhitespaceAndControls(String value) {
    if (value.codePoints().anyMatch(c -> Character.isWhitespace(c) || Character.isSpaceChar(c))) {
      throw new IllegalArgumentException("must not contain whitespace");
    }
    if (value.codePoints().anyMatch(Character::isISOControl)) {
      throw new IllegalArgumentException("must not contain control characters");
    }
  }

  private static boolean isBlank(String value) {
    return value == null || value.isBlank();
  }
}
