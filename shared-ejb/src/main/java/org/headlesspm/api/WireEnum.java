package org.headlesspm.api;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Reads the enumerations of the wire contract. Every enum of this package spells its constants
 * exactly as on the wire (lower case), so JSON-B writes them without adapters; input is matched
 * case-insensitively and legacy values are mapped (API.md 1.8, 2.1).
 */
public final class WireEnum {

  private static final Map<Class<?>, Map<String, Enum<?>>> LEGACY =
      Map.of(
          AgentRole.class, Map.of("pm", AgentRole.project_pm),
          TaskStatus.class,
              Map.of("evaluation", TaskStatus.qa_done, "approved", TaskStatus.committed));

  private WireEnum() {}

  /**
   * The constant for {@code raw}, or an {@link IllegalArgumentException} naming the accepted
   * values.
   */
  public static <E extends Enum<E>> E parse(Class<E> type, String raw) {
    if (raw != null) {
      String wanted = raw.trim().toLowerCase(Locale.ROOT);
      Enum<?> legacy = LEGACY.getOrDefault(type, Map.of()).get(wanted);
      if (legacy != null) {
        return type.cast(legacy);
      }
      for (E constant : type.getEnumConstants()) {
        if (constant.name().equals(wanted)) {
          return constant;
        }
      }
    }
    throw new IllegalArgumentException("Input should be " + allowed(type));
  }

  /** "'a', 'b' or 'c'", as FastAPI words it. */
  public static String allowed(Class<? extends Enum<?>> type) {
    String[] names =
        Arrays.stream(type.getEnumConstants())
            .map(c -> "'" + c.name() + "'")
            .toArray(String[]::new);
    if (names.length == 1) {
      return names[0];
    }
    return Arrays.stream(names, 0, names.length - 1).collect(Collectors.joining(", "))
        + " or "
        + names[names.length - 1];
  }
}
