package org.headlesspm.document;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the handles a text mentions (API.md 4.8): {@code @} followed by letters, digits and
 * underscores; each name once, in order of first appearance. Names are not checked against
 * registered agents, and {@code a@b.com} mentions {@code b}, as in the reference.
 */
public final class MentionParser {

  private static final Pattern MENTION = Pattern.compile("@([A-Za-z0-9_]+)");

  private MentionParser() {}

  public static List<String> names(String text) {
    if (text == null) {
      return List.of();
    }
    LinkedHashSet<String> names = new LinkedHashSet<>();
    Matcher matcher = MENTION.matcher(text);
    while (matcher.find()) {
      names.add(matcher.group(1));
    }
    return List.copyOf(names);
  }
}
