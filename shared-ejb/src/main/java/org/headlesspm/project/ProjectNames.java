package org.headlesspm.project;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Turns project names and document paths into safe file-system names (API.md 4.11.1, OPERATIONS.md
 * 7.2). Every method either returns a safe name or throws {@link IllegalArgumentException} with the
 * reason.
 */
public final class ProjectNames {

  private static final int MAX_LENGTH = 50;
  private static final Pattern UNSAFE = Pattern.compile("[^A-Za-z0-9_-]");
  private static final Pattern SEPARATOR_RUNS = Pattern.compile("[-_]+");
  private static final Pattern EDGE_SEPARATORS = Pattern.compile("^[-_]+|[-_]+$");
  private static final Pattern TRAILING_SEPARATORS = Pattern.compile("[-_]+$");
  private static final Pattern DIRECTORY = Pattern.compile("^[a-z0-9]([a-z0-9_-]*[a-z0-9])?$");
  private static final Pattern FILE = Pattern.compile("^[a-z0-9][a-z0-9_-]*(\\.[a-z0-9]+)?$");

  private ProjectNames() {}

  /** The directory of a project, or of one folder segment of a document path. */
  public static String directoryName(String name) {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("Project name cannot be empty");
    }
    String safe = cleanStem(name.trim());
    if (safe.isEmpty()) {
      throw new IllegalArgumentException("Name contains no valid characters");
    }
    if (safe.length() > MAX_LENGTH) {
      safe = TRAILING_SEPARATORS.matcher(safe.substring(0, MAX_LENGTH)).replaceAll("");
    }
    if (!DIRECTORY.matcher(safe).matches()) {
      throw new IllegalArgumentException("Name '" + safe + "' is not a valid directory name");
    }
    return safe;
  }

  /**
   * A file name: the stem like a directory, the extension kept as lower-case letters and digits.
   */
  public static String fileName(String name) {
    if (name == null || name.isEmpty()) {
      throw new IllegalArgumentException("File name cannot be empty");
    }
    int dot = name.lastIndexOf('.');
    String stem = cleanStem(dot < 0 ? name : name.substring(0, dot));
    if (stem.isEmpty()) {
      throw new IllegalArgumentException("File name contains no valid characters");
    }
    String extension =
        dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    String suffix = extension.isEmpty() ? "" : "." + extension;
    int room = Math.max(1, MAX_LENGTH - suffix.length());
    if (stem.length() > room) {
      stem = TRAILING_SEPARATORS.matcher(stem.substring(0, room)).replaceAll("");
    }
    String safe = stem + suffix;
    if (!FILE.matcher(safe).matches()) {
      throw new IllegalArgumentException("File name '" + safe + "' is not valid");
    }
    return safe;
  }

  /**
   * A document path as written: {@code .}, {@code ..} and empty segments dropped, segments that
   * look like files sanitised as file names, the others as directories.
   */
  public static String documentPath(String path) {
    List<String> safe = new ArrayList<>();
    for (String segment : path.split("/")) {
      if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
        continue;
      }
      boolean fileLike = segment.contains(".") && !segment.startsWith(".");
      safe.add(fileLike ? fileName(segment) : directoryName(segment));
    }
    if (safe.isEmpty()) {
      throw new IllegalArgumentException("No valid path segments");
    }
    return String.join("/", safe);
  }

  /**
   * Rejects relative paths that could leave the docs directory or carry control characters (API.md
   * 4.11.3); the containment check on real paths is {@link ProjectFiles}'.
   */
  public static void checkRelativePath(String path) {
    if (path == null || path.isEmpty()) {
      throw new IllegalArgumentException("Both file_path and base_path must be provided");
    }
    if (path.contains("..") || path.startsWith("/") || path.contains("\\")) {
      throw new IllegalArgumentException("Path contains invalid traversal characters");
    }
    for (int i = 0; i < path.length(); i++) {
      if (path.charAt(i) < 0x20) {
        throw new IllegalArgumentException("Path contains invalid control characters");
      }
    }
  }

  private static String cleanStem(String raw) {
    String kept = UNSAFE.matcher(raw).replaceAll("");
    String collapsed = SEPARATOR_RUNS.matcher(kept).replaceAll("-");
    return EDGE_SEPARATORS.matcher(collapsed).replaceAll("").toLowerCase(Locale.ROOT);
  }
}
