package org.headlesspm.task;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The branch name the server gives a new task whose {@code branch} is blank (API-ADDENDUM.md A4.6):
 * {@code <prefix>/<slug of the title>}, or {@code feature/task-<id>} when nothing of the title is
 * left.
 */
public final class BranchNames {

  private static final int MAX_SLUG_LENGTH = 40;
  private static final Pattern UNSAFE =
      Pattern.compile("[^a-z0-9\\s-]", Pattern.UNICODE_CHARACTER_CLASS);
  private static final Pattern WHITESPACE_RUNS =
      Pattern.compile("\\s+", Pattern.UNICODE_CHARACTER_CLASS);
  private static final Pattern DASH_RUNS = Pattern.compile("-{2,}");
  private static final Pattern EDGE_DASHES = Pattern.compile("^-+|-+$");
  private static final Pattern TRAILING_DASHES = Pattern.compile("-+$");
  private static final Set<String> HOTFIX_WORDS = Set.of("hotfix", "critical", "urgent");
  private static final Set<String> FIX_WORDS =
      Set.of("fix", "fixes", "fixed", "fixing", "bug", "bugs", "bugfix", "issue", "issues");

  private BranchNames() {}

  /** The branch of a new task with this title and id. */
  public static String forTitle(String title, long taskId) {
    String slug = slug(title);
    if (slug.isEmpty()) {
      return "feature/task-" + taskId;
    }
    return prefix(slug) + "/" + slug;
  }

  /**
   * Lower-case letters a–z, digits and single {@code -}; at most 40 characters, no {@code -} at
   * either end; empty when the title has nothing usable.
   */
  static String slug(String title) {
    if (title == null) {
      return "";
    }
    String lower = title.toLowerCase(Locale.ROOT);
    String kept = UNSAFE.matcher(lower).replaceAll("");
    String dashed = WHITESPACE_RUNS.matcher(kept).replaceAll("-");
    String collapsed = DASH_RUNS.matcher(dashed).replaceAll("-");
    String slug = EDGE_DASHES.matcher(collapsed).replaceAll("");
    if (slug.length() > MAX_SLUG_LENGTH) {
      slug = TRAILING_DASHES.matcher(slug.substring(0, MAX_SLUG_LENGTH)).replaceAll("");
    }
    return slug;
  }

  /** Whole words only: {@code prefix} and {@code debug} are no fixes. Hotfix words win. */
  static String prefix(String slug) {
    String[] words = slug.split("-");
    for (String word : words) {
      if (HOTFIX_WORDS.contains(word)) {
        return "hotfix";
      }
    }
    for (String word : words) {
      if (FIX_WORDS.contains(word)) {
        return "fix";
      }
    }
    return "feature";
  }
}
